using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers.Tests;

/// <summary>Every rule an analyzer reports has its docs page, a release-tracking row and a help link to that page.</summary>
public sealed class DescriptorDocumentationTests
{
    public static TheoryData<string> ReportedRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in ReportedDescriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReportedRuleIds))]
    public void ReportedRule_HasDocsPage(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} is reported by an analyzer but has no docs page at {page}.");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
    }

    [Theory]
    [MemberData(nameof(ReportedRuleIds))]
    public void ReportedRule_HelpLinkPointsToItsDocsPage(string id)
    {
        foreach (var descriptor in ReportedDescriptors().Where(d => d.Id == id))
        {
            Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.StartsWith(Descriptors.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDescriptor_HasReleaseRowMatchingCategoryAndSeverity()
    {
        var rows = ReleaseRows();
        foreach (var descriptor in Descriptors.All.Concat(ReportedDescriptors()))
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} has no row in AnalyzerReleases.Unshipped.md.");
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
            Assert.Equal(descriptor.Title.ToString(), row.Notes);
        }
    }

    [Fact]
    public void Descriptors_HaveDistinctIds_AndCategoryFromThousandsDigit()
    {
        Assert.Equal(Descriptors.All.Length, Descriptors.All.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Matches("^RNG[0-3][0-9]{3}$", descriptor.Id);
            var expected = descriptor.Id[3] switch
            {
                '0' => "Configuration",
                '1' => "Seeding",
                '2' => "Sharing",
                _ => "StreamOverlap",
            };
            Assert.Equal(expected, descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    [Fact]
    public void EveryAnalyzer_ReportsOnlyKnownDescriptors()
    {
        var known = Descriptors.All.Select(d => d.Id).ToHashSet();
        foreach (var descriptor in ReportedDescriptors())
        {
            Assert.Contains(descriptor.Id, known);
        }
    }

    /// <summary>SupportedDiagnostics of every analyzer in Rng.Analyzers, found by reflection.</summary>
    internal static IEnumerable<DiagnosticDescriptor> ReportedDescriptors() =>
        AllAnalyzers().SelectMany(analyzer => analyzer.SupportedDiagnostics);

    internal static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RngSafety.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RngSafety.sln not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, (string Category, string Severity, string Notes)> ReleaseRows()
    {
        var path = Path.Combine(RepositoryRoot(), "Rng.Analyzers", "AnalyzerReleases.Unshipped.md");
        var rows = new Dictionary<string, (string, string, string)>();
        foreach (var line in File.ReadAllLines(path))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length == 4 && cells[0].StartsWith("RNG", StringComparison.Ordinal))
            {
                rows.Add(cells[0], (cells[1], cells[2], cells[3]));
            }
        }

        return rows;
    }
}
