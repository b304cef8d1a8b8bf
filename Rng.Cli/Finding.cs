using Microsoft.CodeAnalysis;

namespace Rng.Cli;

/// <summary>One reported diagnostic, detached from the compilation it came from.</summary>
/// <param name="Descriptor">The rule.</param>
/// <param name="Severity">The effective severity, after .editorconfig.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="FilePath">Full path of the file, or null for a finding about a whole project.</param>
/// <param name="Line">1-based start line.</param>
/// <param name="Column">1-based start column.</param>
/// <param name="EndLine">1-based end line.</param>
/// <param name="EndColumn">1-based end column.</param>
internal sealed record Finding(
    DiagnosticDescriptor Descriptor,
    DiagnosticSeverity Severity,
    string Message,
    string? FilePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    public string Id => Descriptor.Id;

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}

/// <summary>Everything one <c>rngsafety check</c> run found.</summary>
internal sealed class CheckResult
{
    public List<Finding> Findings { get; } = new();

    /// <summary>Paths, files or projects that could not be loaded; each makes the exit code 2.</summary>
    public List<string> LoadErrors { get; } = new();

    /// <summary>Source files analysed (generated files excluded).</summary>
    public int FilesChecked { get; set; }

    /// <summary>Descriptors seen in findings that no analyzer lists (the generator's).</summary>
    public Dictionary<string, DiagnosticDescriptor> ExtraRules { get; } = new(StringComparer.Ordinal);
}
