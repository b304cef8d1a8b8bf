using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Rng.Generators.Diagnostics;

namespace Rng.Generators.Tests;

/// <summary>Every RNG4xxx descriptor has its docs page, its release-tracking row and a help link to the page.</summary>
public sealed class RuleDocumentationTests
{
    public static TheoryData<string> RuleIds() => new(Descriptors().Select(d => d.Id));

    [Fact]
    public void IdsFollowTheSchemeAndAreUnique()
    {
        string[] ids = Descriptors().Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^RNG4[0-9]{3}$", id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleHasDocsPageReleaseRowAndHelpLink(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        string repository = RepositoryRoot();

        string page = Path.Combine(repository, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        string[] lines = File.ReadAllLines(page);
        Assert.Equal("# " + id + ": " + descriptor.Title, lines[0]);
        string text = string.Join("\n", lines);
        Assert.Contains("| Default severity | " + descriptor.DefaultSeverity + " |", text, StringComparison.Ordinal);
        foreach (string section in new[] { "## Cause", "## Why it matters", "## How to fix", "## When to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        string releases = File.ReadAllText(Path.Combine(repository, "Rng.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases, StringComparison.Ordinal);

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void EveryReleaseRowHasADescriptor()
    {
        string[] rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Rng.Generators", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("RNG", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim())
            .ToArray();
        Assert.Equal(Descriptors().Select(d => d.Id).Order(), rows.Order());
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (string? directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "RngSafety.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("repository root not found from " + path);
    }
}
