using Rng.Package.Tests.Infrastructure;

namespace Rng.Package.Tests;

/// <summary>`dotnet format analyzers` applies the packed code fixes; the rebuilt consumer is clean of the fixed rule.</summary>
[Collection(PackageCollection.Name)]
public sealed class CodeFixTests
{
    /// <summary>Rules with a code fix; each has Assets/Fixable/&lt;rule&gt;.cs. Adding a rule: one file + one line here.</summary>
    public static readonly string[] FixableRules = { "RNG1001", "RNG1002", "RNG1003", "RNG1004", "RNG1005", "RNG1006", "RNG2001", "RNG2002", "RNG2003", "RNG3001", "RNG3002", "RNG4001" };

    private readonly PackageFixture _fixture;

    public CodeFixTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void DotnetFormat_FixesEveryFixableRule_AndTheRebuiltProjectIsClean()
    {
        var consumer = _fixture.CreateConsumer("Fixable", "Fixable");
        var restore = consumer.Run("restore", consumer.ProjectPath);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var originals = FixableRules.ToDictionary(rule => rule, rule => consumer.ReadFile(rule + ".cs"));
        var arguments = new List<string> { "format", "analyzers", consumer.ProjectPath, "--no-restore", "--severity", "info", "--diagnostics" };
        arguments.AddRange(FixableRules);
        var format = consumer.Run(arguments.ToArray());
        Assert.True(format.ExitCode == 0, format.ToString());

        var after = consumer.Build();
        Assert.True(after.Succeeded, after.Process.ToString());
        foreach (var rule in FixableRules)
        {
            // Each file holds one case of its rule only: a changed file means that rule fired and its fix applied.
            Assert.True(originals[rule] != consumer.ReadFile(rule + ".cs"), $"dotnet format left {rule}.cs unchanged: {rule} did not fire or was not fixed.\n{format}");
            Assert.DoesNotContain(after.Sarif.Rng, f => f.RuleId == rule);
        }
    }
}
