using System.Xml.Linq;
using Rng.Package.Tests.Infrastructure;

namespace Rng.Package.Tests;

/// <summary>What `dotnet pack Rng.Runtime` produces: one package holding the runtime and its compiler extensions.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackageFixture _fixture;

    public PackageContentTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void PackProducesOnePackageAndItsSymbols_WithoutWarnings()
    {
        _fixture.AssertPacked();
        Assert.Equal(
            new[] { $"RngSafety.{PackageFixture.Version}.nupkg", $"RngSafety.{PackageFixture.Version}.snupkg" },
            Directory.GetFiles(_fixture.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(": warning ", _fixture.PackResult.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageHoldsRuntimeForBothFrameworks_CompilerExtensions_BuildFiles_AndDocuments()
    {
        _fixture.AssertPacked();
        var entries = PackageFixture.Entries(_fixture.PackagePath);
        string[] expected =
        {
            "lib/net8.0/Rng.Runtime.dll", "lib/net8.0/Rng.Runtime.xml",
            "lib/net10.0/Rng.Runtime.dll", "lib/net10.0/Rng.Runtime.xml",
            "analyzers/dotnet/cs/Rng.Analyzers.dll", "analyzers/dotnet/cs/Rng.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/Rng.Generators.dll",
            "build/RngSafety.props", "build/RngSafety.targets", "build/RngSafety.Strict.globalconfig",
            "buildTransitive/RngSafety.props", "buildTransitive/RngSafety.targets", "buildTransitive/RngSafety.Strict.globalconfig",
            "README.md", "LICENSE", "NOTICE-NumPy.txt",
        };
        foreach (var entry in expected)
        {
            Assert.Contains(entry, entries);
        }

        // Nothing else under lib/ or analyzers/: no Roslyn assemblies, no analyzers as library references.
        Assert.Equal(7, entries.Count(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("analyzers/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nuspec_HasIdLicenseReadmeRepository_AndNoDependencies()
    {
        _fixture.AssertPacked();
        var nuspec = XDocument.Parse(PackageFixture.ReadEntry(_fixture.PackagePath, "RngSafety.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal("RngSafety", Value("id"));
        Assert.Equal(PackageFixture.Version, Value("version"));
        Assert.Equal("BSD-3-Clause", Value("license"));
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        var repository = Element("repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);

        // Both frameworks listed, neither with a dependency: the analyzers travel inside, not as packages.
        var groups = Element("dependencies").Elements().ToList();
        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Select(g => g.Attribute("targetFramework")?.Value).Order(StringComparer.Ordinal));
        Assert.All(groups, g => Assert.Empty(g.Elements()));
    }

    [Fact]
    public void SymbolsPackage_HoldsPortablePdbsForBothFrameworks()
    {
        _fixture.AssertPacked();
        var entries = PackageFixture.Entries(_fixture.SymbolsPackagePath);
        Assert.Contains("lib/net8.0/Rng.Runtime.pdb", entries);
        Assert.Contains("lib/net10.0/Rng.Runtime.pdb", entries);
    }

    [Fact]
    public void StrictGlobalConfig_RaisesExactlyTheSuggestionLevelRules()
    {
        // The rule list lives in Rng.Analyzers/Descriptors.cs; the packed globalconfig must match it.
        var suggestionRules = StrictRules.SuggestionLevelRuleIds();
        var expected = suggestionRules.Select(id => $"dotnet_diagnostic.{id}.severity = warning").ToList();
        var globalConfig = File.ReadAllLines(Path.Combine(_fixture.RepositoryRoot, "Rng.Runtime", "buildTransitive", "RngSafety.Strict.globalconfig"));
        var actual = globalConfig.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            "Rng.Runtime/buildTransitive/RngSafety.Strict.globalconfig must list exactly these lines:\n" + string.Join('\n', expected));
        Assert.Contains("is_global = true", globalConfig);
        Assert.NotEmpty(suggestionRules);
    }
}
