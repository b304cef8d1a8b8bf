using Rng.Package.Tests.Infrastructure;

namespace Rng.Package.Tests;

/// <summary>
/// `rngsafety check --fix` applies RNG4001's add-partial fix to a consumer project (the `dotnet format` route is in
/// <see cref="CodeFixTests"/>), and the generator then adds the drivers.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorFixTests
{
    private readonly PackageFixture _fixture;

    public GeneratorFixTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void RngSafetyCheckFix_MakesTheTypesPartial_AndTheRebuiltConsumerIsCleanAndRuns()
    {
        string cli = Path.Combine(_fixture.RepositoryRoot, "Rng.Cli", "bin", PackageFixture.Configuration, "net10.0", "rngsafety.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: build Rng.Cli ({PackageFixture.Configuration}) first.");
        var consumer = _fixture.CreateConsumer("NonPartial", "NonPartial");
        string original = consumer.ReadFile("Experiments.cs");

        var before = consumer.Build();
        Assert.False(before.Succeeded, "the non-partial types must fail the build:\n" + before.Process);
        Assert.Equal(2, before.Sarif.Rng.Count(f => f.RuleId == "RNG4001" && f.File == "Experiments.cs" && f.Level == "error"));

        // --severity warning: fix what fails or warns, and leave the literal demo seed of Program.cs (an RNG1005 suggestion) alone.
        var fix = consumer.Run(cli, "check", consumer.ProjectPath, "--fix", "--severity", "warning");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("rngsafety: fixed Experiments.cs", fix.Output);
        Assert.Equal(original.Replace("static class", "static partial class"), consumer.ReadFile("Experiments.cs"));
        Assert.DoesNotContain("rngsafety: fixed Program.cs", fix.Output);

        var after = consumer.Build();
        Assert.True(after.Succeeded, after.Process.ToString());
        Assert.DoesNotContain(after.Sarif.Rng, f => f.RuleId == "RNG4001" || f.Level is "warning" or "error");

        var run = consumer.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
        // Worker i draws from SeedSequence(seed).Spawn(n)[i], computed here with Rng.Runtime directly.
        var expected = new SeedSequence(20261122UL).Spawn(3)
            .Select(child => "pcg64 " + BitConverter.DoubleToUInt64Bits(new Generator(new Pcg64(child)).Random()).ToString("x16"));
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
