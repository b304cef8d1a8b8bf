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
    /// <param name="project">The project to analyse; its generator references should already be removed (<see cref="WithoutRngGenerators"/>).</param>
    /// <param name="catalog">The analyzers and generators to run.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <param name="fileAnalysed">Called (concurrently) with the path of each of the project's source files as the analyzers finish it.</param>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, AnalyzerCatalog catalog, CancellationToken cancellationToken, Action<string>? fileAnalysed = null)
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
        var analyzerSet = catalog.Analyzers;
        if (fileAnalysed is not null)
        {
            // Follows the project's own files only (generated trees have no path in the project).
            analyzerSet = analyzerSet.Add(new FileProgressAnalyzer(tree => sourceTrees.Contains(tree.FilePath), tree => fileAnalysed(tree.FilePath)));
        }

        var analyzers = compilation.WithAnalyzers(
            analyzerSet,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: Tracing, reportSuppressedDiagnostics: false));
        var analyzerDiagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        Trace("analyzers", clock);
        if (Tracing)
        {
            foreach (var analyzer in analyzerSet)
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

        var treesByPath = generatorDiagnostics.IsEmpty
            ? null
            : compilation.SyntaxTrees.Where(t => sourceTrees.Contains(t.FilePath)).GroupBy(t => t.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var reported in generatorDiagnostics)
        {
            var diagnostic = InSourceTrees(reported, treesByPath!);
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

    /// <summary>
    /// An incremental generator keeps no syntax trees in its model, so it reports at file-path locations
    /// (<see cref="LocationKind.ExternalFile"/>); the compiler prints those fine, but filters, .editorconfig sections and
    /// code fixes need the location in the project's tree. Returns <paramref name="diagnostic"/> with such locations
    /// moved onto the tree of the same path (same span), or unchanged.
    /// </summary>
    private static Diagnostic InSourceTrees(Diagnostic diagnostic, Dictionary<string, SyntaxTree> treesByPath)
    {
        Location Map(Location location)
            => location.Kind == LocationKind.ExternalFile && location.GetLineSpan().Path is { } path && treesByPath.TryGetValue(path, out var tree)
               && location.SourceSpan.End <= tree.Length
                ? Location.Create(tree, location.SourceSpan)
                : location;

        var mapped = Map(diagnostic.Location);
        var additional = diagnostic.AdditionalLocations.Select(Map).ToList();
        if (ReferenceEquals(mapped, diagnostic.Location) && additional.SequenceEqual(diagnostic.AdditionalLocations))
        {
            return diagnostic;
        }

        return Rebuild(diagnostic, diagnostic.Severity, mapped, additional);
    }

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
        return severity is null ? null : severity == diagnostic.Severity ? diagnostic : Rebuild(diagnostic, severity.Value, diagnostic.Location, diagnostic.AdditionalLocations);
    }

    private static Diagnostic Rebuild(Diagnostic diagnostic, DiagnosticSeverity severity, Location location, IEnumerable<Location> additionalLocations)
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
            location: location,
            additionalLocations: additionalLocations,
            customTags: descriptor.CustomTags,
            properties: diagnostic.Properties);
    }
}
