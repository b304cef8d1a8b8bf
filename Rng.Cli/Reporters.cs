using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Rng.Cli;

/// <summary>Writes a <see cref="CheckResult"/> as compiler lines, SARIF 2.1.0 or JSON.</summary>
internal static class Reporters
{
    public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string ToolVersion { get; } =
        typeof(Reporters).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The path as shown: relative to the current folder when the file is below it, else full.</summary>
    public static string DisplayPath(string fullPath, string currentDirectory)
    {
        string relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    public static void WriteText(CheckResult result, TextWriter output, string currentDirectory)
    {
        foreach (var finding in result.Findings)
        {
            string location = finding.FilePath is null
                ? "rngsafety"
                : string.Create(CultureInfo.InvariantCulture, $"{DisplayPath(finding.FilePath, currentDirectory)}({finding.Line},{finding.Column})");
            output.WriteLine($"{location}: {Finding.SeverityText(finding.Severity)} {finding.Id}: {finding.Message}");
        }
    }

    /// <summary>One line per rule with findings, then a total.</summary>
    public static void WriteSummary(CheckResult result, TextWriter output)
    {
        foreach (var group in result.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} finding{(group.Count() == 1 ? "" : "s")} - {group.First().Descriptor.Title}"));
        }

        int files = result.Findings.Where(f => f.FilePath is not null).Select(f => f.FilePath).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rngsafety: {result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}, {result.FilesChecked} file{(result.FilesChecked == 1 ? "" : "s")} checked{(result.LoadErrors.Count > 0 ? $", {result.LoadErrors.Count} load error{(result.LoadErrors.Count == 1 ? "" : "s")}" : "")}."));
    }

    public static void WriteJson(CheckResult result, AnalyzerCatalog catalog, Stream output, string currentDirectory)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "rngsafety");
        json.WriteString("version", ToolVersion);
        json.WriteNumber("filesChecked", result.FilesChecked);
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            json.WriteString("severity", Finding.SeverityText(finding.Severity));
            json.WriteString("message", finding.Message);
            if (finding.FilePath is not null)
            {
                json.WriteString("path", DisplayPath(finding.FilePath, currentDirectory));
                json.WriteString("fullPath", finding.FilePath);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
            }

            json.WriteString("helpUri", finding.Descriptor.HelpLinkUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("summary");
        foreach (var group in result.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", group.Key);
            json.WriteString("title", group.First().Descriptor.Title.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("count", group.Count());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("errors");
        foreach (string error in result.LoadErrors)
        {
            json.WriteStringValue(error);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteSarif(CheckResult result, AnalyzerCatalog catalog, Stream output, string currentDirectory)
    {
        var rules = catalog.Rules.Values.Concat(result.ExtraRules.Values)
            .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        string rootUri = new Uri(currentDirectory.EndsWith(Path.DirectorySeparatorChar) ? currentDirectory : currentDirectory + Path.DirectorySeparatorChar).AbsoluteUri;

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SarifSchema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "rngsafety");
        json.WriteString("version", ToolVersion);
        json.WriteString("semanticVersion", ToolVersion);
        json.WriteString("informationUri", "https://github.com/rngsafety/rngsafety");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", string.Concat(rule.Title.ToString(CultureInfo.InvariantCulture).Split(' ', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            string description = rule.Description.ToString(CultureInfo.InvariantCulture);
            if (description.Length > 0)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", description);
                json.WriteEndObject();
            }

            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", SarifLevel(rule.DefaultSeverity));
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", rootUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.LoadErrors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (string error in result.LoadErrors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", error);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            if (ruleIndex.TryGetValue(finding.Id, out int index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", SarifLevel(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.FilePath is not null)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                string display = DisplayPath(finding.FilePath, currentDirectory);
                if (Path.IsPathRooted(display))
                {
                    json.WriteString("uri", new Uri(finding.FilePath).AbsoluteUri);
                }
                else
                {
                    json.WriteString("uri", string.Join('/', display.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
                    json.WriteString("uriBaseId", "SRCROOT");
                }

                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                json.WriteNumber("startColumn", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
