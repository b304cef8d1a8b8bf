using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Cli;

/// <summary>Runs the catalog's generators and analyzers over one project's compilation.</summary>
internal static class ProjectAnalysis
{
    /// <summary>
    /// The project without analyzer references to Rng.Generators, whose generator the driver below runs instead (so a
    /// project that already references the package does not get its driver code twice).
    /// </summary>
    public static Project WithoutRngGenerators(Project project)
    {
        foreach (var reference in project.AnalyzerReferences)
        {
            if (reference.FullPath is { } path && AnalyzerCatalog.AssemblyNames.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                project = project.RemoveAnalyzerReference(reference);
            }
        }

        return project;
    }

    /// <summary>Every RngSafety diagnostic in <paramref name="project"/> after .editorconfig severities and suppressions, generated files excluded.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, AnalyzerCatalog catalog, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        Trace($"compilation of {project.Name}", clock);
        if (compilation is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var analyzerOptions = project.AnalyzerOptions;
        var generatorDiagnostics = ImmutableArray<Diagnostic>.Empty;
        if (catalog.Generators.Length > 0 && project.ParseOptions is CSharpParseOptions parseOptions)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                catalog.Generators,
                analyzerOptions.AdditionalFiles,
                parseOptions,
                analyzerOptions.AnalyzerConfigOptionsProvider);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out generatorDiagnostics, cancellationToken);
            compilation = withGenerated;
            Trace("generators", clock);
        }

        var sourceTrees = project.Documents.Where(d => d.FilePath is not null).Select(d => d.FilePath!).ToHashSet(StringComparer.Ordinal);
        var analyzers = compilation.WithAnalyzers(
            catalog.Analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: Tracing, reportSuppressedDiagnostics: false));
        var analyzerDiagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        Trace("analyzers", clock);
        if (Tracing)
        {
            foreach (var analyzer in catalog.Analyzers)
            {
                var telemetry = await analyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"rngsafety: trace:   {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:F0} ms");
            }

        }

        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in analyzerDiagnostics)
        {
            if (!diagnostic.IsSuppressed && IsInSourceOrProject(diagnostic, sourceTrees))
            {
                result.Add(diagnostic);
            }
        }

        foreach (var diagnostic in generatorDiagnostics)
        {
            // The compiler applies .editorconfig and pragma-free severity options to generator diagnostics; do the same.
            if (IsInSourceOrProject(diagnostic, sourceTrees) && ApplyOptions(diagnostic, compilation, cancellationToken) is { } effective)
            {
                result.Add(effective);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>With RNGSAFETY_TRACE=1, phase times go to stderr, to find where time goes on large code bases.</summary>
    private static readonly bool Tracing = Environment.GetEnvironmentVariable("RNGSAFETY_TRACE") == "1";

    private static void Trace(string phase, System.Diagnostics.Stopwatch clock)
    {
        if (Tracing)
        {
            Console.Error.WriteLine($"rngsafety: trace: {phase}: {clock.ElapsedMilliseconds} ms (process CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms)");
            clock.Restart();
        }
    }

    private static bool IsInSourceOrProject(Diagnostic diagnostic, HashSet<string> sourceFiles)
        => diagnostic.Location == Location.None
           || (diagnostic.Location.SourceTree is { } tree && sourceFiles.Contains(tree.FilePath));

    /// <summary>The diagnostic with the severity configured for it, or null when it is configured off.</summary>
    private static Diagnostic? ApplyOptions(Diagnostic diagnostic, Compilation compilation, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        var report = ReportDiagnostic.Default;
        if (diagnostic.Location.SourceTree is { } tree && options.SyntaxTreeOptionsProvider is { } provider
            && provider.TryGetDiagnosticValue(tree, diagnostic.Id, cancellationToken, out var treeValue))
        {
            report = treeValue;
        }
        else if (options.SyntaxTreeOptionsProvider is { } globalProvider && globalProvider.TryGetGlobalDiagnosticValue(diagnostic.Id, cancellationToken, out var globalValue))
        {
            report = globalValue;
        }
        else if (options.SpecificDiagnosticOptions.TryGetValue(diagnostic.Id, out var specific))
        {
            report = specific;
        }

        DiagnosticSeverity? severity = report switch
        {
            ReportDiagnostic.Suppress => null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
            _ => diagnostic.Severity,
        };
        return severity is null ? null : severity == diagnostic.Severity ? diagnostic : WithSeverity(diagnostic, severity.Value);
    }

    private static Diagnostic WithSeverity(Diagnostic diagnostic, DiagnosticSeverity severity)
    {
        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            diagnostic.Id,
            descriptor.Category,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            severity,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
            title: descriptor.Title,
            description: descriptor.Description,
            helpLink: descriptor.HelpLinkUri,
            location: diagnostic.Location,
            additionalLocations: diagnostic.AdditionalLocations,
            customTags: descriptor.CustomTags,
            properties: diagnostic.Properties);
    }
}
