using Microsoft.CodeAnalysis;

namespace Rng.Cli;

/// <summary>Output formats of <c>rngsafety check</c>.</summary>
internal enum OutputFormat
{
    /// <summary>The compiler's <c>file(line,col): warning ID: message</c> lines.</summary>
    Text,

    /// <summary>SARIF 2.1.0.</summary>
    Sarif,

    /// <summary>A plain JSON document.</summary>
    Json,
}

/// <summary>The parsed command line of <c>rngsafety check</c>.</summary>
internal sealed class CliOptions
{
    public List<string> Paths { get; } = new();

    public OutputFormat Format { get; set; } = OutputFormat.Text;

    /// <summary>Findings below this severity are not reported (default: info, so every rule shows).</summary>
    public DiagnosticSeverity MinimumSeverity { get; set; } = DiagnosticSeverity.Info;

    public List<string> Include { get; } = new();

    public List<string> Exclude { get; } = new();

    public bool Fix { get; set; }

    /// <summary>Progress on stderr: null = only when stderr is a terminal.</summary>
    public bool? Progress { get; set; }

    public bool ShowHelp { get; set; }

    public const string Usage =
        """
        Usage: rngsafety check PATH... [options]

        Audits C# code for unsafe random-number seeding and sharing with the RngSafety analyzers.
        PATH is a .sln/.slnx file, a .csproj file, a folder (every .cs file below it, bin/ and obj/ skipped)
        or a .cs file. Folders and files are compiled against the running .NET reference assemblies
        plus Rng.Runtime, so code that does not build can still be audited.

        Options:
          --format <text|sarif|json>       Output format (default: text, the compiler's format).
          --severity <info|warning|error>  Minimum severity to report (default: info).
          --include <glob>                 Report only files matching the glob (repeatable).
          --exclude <glob>                 Do not report files matching the glob (repeatable).
                                           Globs: * and ? within a name, ** across folders; a glob
                                           without '/' matches the file name, otherwise the path
                                           relative to the current folder.
          --fix                            Apply the code fixes in place, then check again.
          --progress / --no-progress       Force progress on stderr on or off (default: on a terminal).
          -h, --help                       Show this help.

        Exit codes: 0 no findings, 1 findings, 2 usage error or a path/project that could not be loaded.
        """;

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> on a usage error.</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new CliOptions();
        if (args.Count == 0)
        {
            error = "no command given; expected 'check PATH...'.";
            return null;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            options.ShowHelp = true;
            return options;
        }

        if (args[0] != "check")
        {
            error = $"unknown command '{args[0]}'; the only command is 'check'.";
            return null;
        }

        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is int eq and > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h":
                case "--help":
                    options.ShowHelp = true;
                    break;
                case "--format":
                    string? format = Value();
                    switch (format?.ToLowerInvariant())
                    {
                        case "text": options.Format = OutputFormat.Text; break;
                        case "sarif": options.Format = OutputFormat.Sarif; break;
                        case "json": options.Format = OutputFormat.Json; break;
                        default:
                            error = $"--format must be one of text, sarif, json (got '{format ?? "nothing"}').";
                            return null;
                    }

                    break;
                case "--severity":
                    string? severity = Value();
                    switch (severity?.ToLowerInvariant())
                    {
                        case "info": options.MinimumSeverity = DiagnosticSeverity.Info; break;
                        case "warning": options.MinimumSeverity = DiagnosticSeverity.Warning; break;
                        case "error": options.MinimumSeverity = DiagnosticSeverity.Error; break;
                        default:
                            error = $"--severity must be one of info, warning, error (got '{severity ?? "nothing"}').";
                            return null;
                    }

                    break;
                case "--include":
                case "--exclude":
                    string? glob = Value();
                    if (string.IsNullOrWhiteSpace(glob))
                    {
                        error = $"{arg} needs a glob such as '**/Generated/**' or '*.g.cs'.";
                        return null;
                    }

                    (arg == "--include" ? options.Include : options.Exclude).Add(glob);
                    break;
                case "--fix":
                    options.Fix = true;
                    break;
                case "--progress":
                    options.Progress = true;
                    break;
                case "--no-progress":
                    options.Progress = false;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        error = $"unknown option '{arg}'.";
                        return null;
                    }

                    options.Paths.Add(args[i]);
                    break;
            }
        }

        if (options.Paths.Count == 0 && !options.ShowHelp)
        {
            error = "'check' needs at least one PATH (a .sln, .csproj, folder or .cs file).";
            return null;
        }

        return options;
    }
}
