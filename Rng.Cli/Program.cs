using System.Text;
using Microsoft.CodeAnalysis;

namespace Rng.Cli;

/// <summary>The <c>rngsafety</c> command-line checker.</summary>
public static class Program
{
    /// <summary>Process entry point.</summary>
    public static int Main(string[] args)
    {
        var stdout = Console.Out;
        int exitCode = Run(args, stdout, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
        stdout.Flush();
        return exitCode;
    }

    /// <summary>Runs the checker in-process; progress is never shown (use the <c>--progress</c> option to force it).</summary>
    /// <returns>0 no findings, 1 findings, 2 usage or load error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, stderrIsTerminal: false);

    /// <summary>
    /// Runs the checker with progress on <paramref name="stderr"/> when <paramref name="stderrIsTerminal"/> (or forced by
    /// <c>--progress</c>), updating the line at most every <paramref name="progressIntervalMs"/> milliseconds.
    /// </summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal, int progressIntervalMs = 200)
    {
        var options = CliOptions.Parse(args, out string? usageError);
        if (options is null)
        {
            stderr.WriteLine($"rngsafety: error: {usageError}");
            stderr.WriteLine("Run 'rngsafety --help' for usage.");
            return 2;
        }

        if (options.ShowHelp)
        {
            stdout.WriteLine(CliOptions.Usage);
            return 0;
        }

        string currentDirectory = Directory.GetCurrentDirectory();
        var progress = new Progress(options.Progress ?? stderrIsTerminal ? stderr : null, progressIntervalMs);
        var checker = new Checker(AnalyzerCatalog.Default, options, currentDirectory, progress, stderr);
        CheckResult result;
        try
        {
            result = checker.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            progress.Finish();
        }

        foreach (string error in result.LoadErrors)
        {
            stderr.WriteLine($"rngsafety: error: {error}");
        }

        switch (options.Format)
        {
            case OutputFormat.Text:
                Reporters.WriteText(result, stdout, currentDirectory);
                Reporters.WriteSummary(result, stdout);
                break;
            case OutputFormat.Sarif:
            case OutputFormat.Json:
                using (var buffer = new MemoryStream())
                {
                    if (options.Format == OutputFormat.Sarif)
                    {
                        Reporters.WriteSarif(result, AnalyzerCatalog.Default, buffer, currentDirectory);
                    }
                    else
                    {
                        Reporters.WriteJson(result, AnalyzerCatalog.Default, buffer, currentDirectory);
                    }

                    stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                }

                Reporters.WriteSummary(result, stderr);
                break;
        }

        return result.LoadErrors.Count > 0 ? 2 : result.Findings.Count > 0 ? 1 : 0;
    }
}

/// <summary>Loads every target, optionally fixes it, and collects the findings.</summary>
internal sealed class Checker
{
    private readonly AnalyzerCatalog _catalog;
    private readonly CliOptions _options;
    private readonly string _currentDirectory;
    private readonly Progress _progress;
    private readonly TextWriter _log;
    private readonly PathFilter _filter;

    public Checker(AnalyzerCatalog catalog, CliOptions options, string currentDirectory, Progress progress, TextWriter log)
    {
        _catalog = catalog;
        _options = options;
        _currentDirectory = currentDirectory;
        _progress = progress;
        _log = log;
        _filter = new PathFilter(options.Include, options.Exclude, currentDirectory);
    }

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = new CheckResult();
        var targets = CheckTarget.Resolve(_options.Paths, result.LoadErrors);
        _progress.Total = targets.Sum(t => t.Files.Count);

        List<string>? fixErrorsToReport = null;
        if (_options.Fix)
        {
            // Fix from the files on disk, write them, then check everything again from disk below.
            var fixErrors = new List<string>();
            foreach (var target in targets)
            {
                await ForEachProjectAsync(target, fixErrors, async (project, _) =>
                {
                    var (fixedProject, applied) = await Fixer.FixAsync(project, _catalog, Wanted, message => _log.WriteLine($"rngsafety: warning: {message}"), cancellationToken).ConfigureAwait(false);
                    var written = await Fixer.WriteChangesAsync(project, fixedProject, fixErrors, cancellationToken).ConfigureAwait(false);
                    foreach (string path in written)
                    {
                        _log.WriteLine($"rngsafety: fixed {Reporters.DisplayPath(path, _currentDirectory)}");
                    }

                    _log.WriteLine($"rngsafety: {applied} fix{(applied == 1 ? "" : "es")} applied in {project.Name}, {written.Count} file{(written.Count == 1 ? "" : "s")} written.");
                }, countFiles: false, cancellationToken).ConfigureAwait(false);
            }

            fixErrorsToReport = fixErrors;
        }

        var seen = new HashSet<(string?, int, int, string, string)>();
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            await ForEachProjectAsync(target, result.LoadErrors, async (project, fileChecked) =>
            {
                var diagnostics = await ProjectAnalysis.AnalyzeAsync(project, _catalog, cancellationToken, fileChecked).ConfigureAwait(false);
                foreach (var diagnostic in diagnostics.Where(Wanted))
                {
                    var finding = ToFinding(diagnostic, project);
                    if (seen.Add((finding.FilePath, finding.Line, finding.Column, finding.Id, finding.Message)))
                    {
                        result.Findings.Add(finding);
                        if (!_catalog.Rules.ContainsKey(finding.Id))
                        {
                            result.ExtraRules[finding.Id] = diagnostic.Descriptor;
                        }
                    }
                }

                foreach (var document in project.Documents)
                {
                    if (document.FilePath is { } path)
                    {
                        checkedFiles.Add(path);
                    }
                }
            }, countFiles: true, cancellationToken).ConfigureAwait(false);
        }

        if (fixErrorsToReport is not null)
        {
            // The check above reports load errors again; keep only what the fix phase alone ran into (unwritable files, failed fixes).
            result.LoadErrors.AddRange(fixErrorsToReport.Except(result.LoadErrors, StringComparer.Ordinal).ToList());
        }

        result.FilesChecked = checkedFiles.Count;
        result.Findings.Sort((a, b) =>
        {
            int byPath = string.CompareOrdinal(a.FilePath, b.FilePath);
            if (byPath != 0)
            {
                return byPath;
            }

            int byLine = a.Line.CompareTo(b.Line);
            return byLine != 0 ? byLine : a.Column != b.Column ? a.Column.CompareTo(b.Column) : string.CompareOrdinal(a.Id, b.Id);
        });
        return result;
    }

    private bool Wanted(Diagnostic diagnostic)
        => diagnostic.Severity >= _options.MinimumSeverity
           && diagnostic.Severity != DiagnosticSeverity.Hidden
           && _filter.Accepts(diagnostic.Location.SourceTree?.FilePath is { Length: > 0 } path ? path : null);

    private static Finding ToFinding(Diagnostic diagnostic, Project project)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (diagnostic.Location.IsInSource)
        {
            var span = diagnostic.Location.GetLineSpan();
            return new Finding(diagnostic.Descriptor, diagnostic.Severity, message, span.Path,
                span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
        }

        return new Finding(diagnostic.Descriptor, diagnostic.Severity, $"{message} [{project.FilePath ?? project.Name}]", null, 0, 0, 0, 0);
    }

    /// <summary>
    /// Loads <paramref name="target"/> and runs <paramref name="action"/> on each of its C# projects; load failures go to
    /// <paramref name="errors"/>. With <paramref name="countFiles"/>, the action gets a callback that counts one file
    /// checked (each path once per project), and files the action did not count are counted when it ends.
    /// </summary>
    private async Task ForEachProjectAsync(CheckTarget target, List<string> errors, Func<Project, Action<string>?, Task> action, bool countFiles, CancellationToken cancellationToken)
    {
        IDisposable? workspace = null;
        try
        {
            Solution? solution;
            if (target.Kind == TargetKind.Sources)
            {
                solution = SourceWorkspace.Create(target, errors, countFiles ? _progress : Progress.Silent, out var adhoc);
                workspace = adhoc;
            }
            else
            {
                if (!MSBuildLoader.TryRegister(out string? registerError))
                {
                    errors.Add($"{target.DisplayName}: {registerError}");
                    return;
                }

                _progress.Phase($"loading {target.DisplayName}");
                (solution, workspace) = await MSBuildLoader.LoadAsync(target, errors, cancellationToken).ConfigureAwait(false);
            }

            if (solution is null)
            {
                return;
            }

            var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            if (target.Kind != TargetKind.Sources)
            {
                _progress.Total += projects.Sum(p => p.Documents.Count(d => d.FilePath is not null));
                if (projects.Count == 0)
                {
                    errors.Add($"{target.DisplayName}: contains no C# project that could be loaded.");
                }
            }

            foreach (var loaded in projects)
            {
                var project = ProjectAnalysis.WithoutRngGenerators(loaded);
                _progress.Phase($"analysing {project.Name}");
                var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                // Per-file counts cost an extra (tiny) analyzer in the run; only when someone watches.
                Action<string>? fileChecked = countFiles && _progress.IsShown
                    ? path =>
                    {
                        if (counted.TryAdd(path, 0))
                        {
                            _progress.FilesChecked(1);
                        }
                    }
                    : null;
                try
                {
                    await action(project, fileChecked).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add($"{project.FilePath ?? target.DisplayName}: analysis failed ({e.GetType().Name}: {e.Message}).");
                }

                if (countFiles)
                {
                    // Files the analyzers never finished (the analysis failed) are done all the same.
                    int files = project.Documents.Count(d => d.FilePath is not null);
                    _progress.FilesChecked(files - counted.Count);
                }
            }
        }
        finally
        {
            workspace?.Dispose();
        }
    }
}
