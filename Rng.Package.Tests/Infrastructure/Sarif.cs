using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rng.Package.Tests.Infrastructure;

/// <summary>One diagnostic: rule, file name (no folder), line, and SARIF level or console severity.</summary>
public sealed record Finding(string RuleId, string File, int Line, string Level);

/// <summary>A consumer build: the process result, the compiler's SARIF log and the diagnostics printed on the console.</summary>
public sealed partial class BuildResult
{
    public BuildResult(ProcessResult process, SarifLog sarif)
    {
        Process = process;
        Sarif = sarif;
        // file(line,col): warning RNG1001: message [project]; MSBuild prints each twice (as it happens and in the summary).
        Console = ConsoleDiagnostic().Matches(process.Output)
            .Select(m => new Finding(m.Groups["id"].Value, Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["severity"].Value))
            .Distinct()
            .ToList();
    }

    public ProcessResult Process { get; }

    public SarifLog Sarif { get; }

    public IReadOnlyList<Finding> Console { get; }

    public bool Succeeded => Process.ExitCode == 0;

    /// <summary>RNG diagnostics on the console with the given severity ("warning" or "error").</summary>
    public IEnumerable<Finding> ConsoleRng(string severity) => Console.Where(f => f.Level == severity && f.RuleId.StartsWith("RNG", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): ", RegexOptions.Multiline)]
    private static partial Regex ConsoleDiagnostic();
}

/// <summary>The parts of a SARIF 2.1 log (csc /errorlog) these tests read.</summary>
public sealed class SarifLog
{
    public SarifLog(IReadOnlyList<Finding> results, IReadOnlyDictionary<string, string> helpUris)
    {
        Results = results;
        HelpUris = helpUris;
    }

    /// <summary>Every reported diagnostic with its SARIF level (error, warning, note, none).</summary>
    public IReadOnlyList<Finding> Results { get; }

    /// <summary>Rule id to help link, for the rules that reported something.</summary>
    public IReadOnlyDictionary<string, string> HelpUris { get; }

    public IEnumerable<Finding> Rng => Results.Where(f => f.RuleId.StartsWith("RNG", StringComparison.Ordinal));
}

public static class Sarif
{
    /// <summary>Reads a SARIF 2.1 log; a missing log (the compiler never ran) reads as empty.</summary>
    public static SarifLog Read(string path)
    {
        var results = new List<Finding>();
        var helpUris = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new SarifLog(results, helpUris);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("tool", out var tool) && tool.GetProperty("driver").TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    if (rule.TryGetProperty("helpUri", out var helpUri))
                    {
                        helpUris[rule.GetProperty("id").GetString()!] = helpUri.GetString()!;
                    }
                }
            }

            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var file = "";
                var line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0)
                {
                    var physical = locations[0].GetProperty("physicalLocation");
                    file = Path.GetFileName(new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                    line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                }

                var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString()! : "warning";
                results.Add(new Finding(result.GetProperty("ruleId").GetString()!, file, line, level));
            }
        }

        return new SarifLog(results, helpUris);
    }
}
