using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Rng.Generators;

namespace Rng.Generators.Tests.Infrastructure;

/// <summary>What one generator run produced.</summary>
/// <param name="Driver">The driver after the run (for incremental re-runs).</param>
/// <param name="Output">The input compilation plus the generated sources.</param>
/// <param name="GeneratedSources">The generated files by hint name.</param>
/// <param name="GeneratorDiagnostics">The diagnostics the generator reported, plus RNG4001 from <see cref="ContainingTypeNotPartialAnalyzer"/> (the package ships both).</param>
/// <param name="RunResult">The raw run result (exceptions, tracked steps).</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableDictionary<string, string> GeneratedSources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    /// <summary>Errors anywhere and warnings in generated code or user code (documentation warnings on user code excepted).</summary>
    public ImmutableArray<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => !(d.Id == "CS1591" && !IsGenerated(d)))
            .ToImmutableArray();

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;
}

/// <summary>Compiles test sources against the real Rng.Runtime and runs the <c>[ParallelStochastic]</c> generator over them.</summary>
internal static class GeneratorHost
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTests",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                allowUnsafe: true));

    public static GeneratorDriver CreateDriver() => CreateDriver(ParseOptions);

    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            new[] { new ParallelStochasticGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);

        // RNG4001 comes from the generator assembly's analyzer; the package ships both, so tests see both.
        diagnostics = diagnostics.AddRange(AnalyzerDiagnostics(compilation));
        GeneratorDriverRunResult result = driver.GetRunResult();
        GeneratorRunResult single = result.Results.Single();
        Assert.Null(single.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        ImmutableDictionary<string, string> sources = single.GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorRun(driver, output, sources, diagnostics, result);
    }

    private static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => Assert.Fail(analyzer + " threw: " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        return compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainingTypeNotPartialAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Runs the generator, asserts the result compiles cleanly and returns the single generated file.</summary>
    public static string GenerateSingle(string source)
    {
        GeneratorRun run = Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        return Assert.Single(run.GeneratedSources).Value;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The framework the tests run on, plus the Rng.Runtime build the test project references.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Append(typeof(Rng.Generator).Assembly.Location);
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
