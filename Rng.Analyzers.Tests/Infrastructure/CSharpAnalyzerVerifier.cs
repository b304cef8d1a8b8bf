using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Rng.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over C# source and compares its diagnostics with the expected ones.</summary>
/// <remarks>
/// Sources use the markup of Microsoft.CodeAnalysis.Testing: <c>{|RNG1001:expr|}</c> marks an expected diagnostic
/// with its exact span; <c>[|expr|]</c> marks one of the analyzer's single supported rule.
/// </remarks>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of the given rule; add a location with <c>.WithSpan</c> or <c>.WithLocation</c>.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => new DiagnosticResult(diagnosticId, DiagnosticSeverity.Warning);

    /// <summary>An expected diagnostic of the given descriptor (its default severity).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

    /// <summary>Plain .NET code without Rng.Runtime.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, new VerifierOptions(), expected);

    /// <summary>Code compiled against Rng.Runtime.</summary>
    public static Task VerifyWithRuntimeAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, new VerifierOptions { WithRngRuntime = true }, expected);

    /// <summary>Full control: Rng.Runtime reference, .editorconfig text, extra sources.</summary>
    public static Task VerifyAnalyzerAsync(string source, VerifierOptions options, params DiagnosticResult[] expected)
    {
        var test = new Test();
        test.TestCode = source;
        options.Apply(test, test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The underlying test, set up with .NET 8 reference assemblies.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
        }
    }
}

/// <summary>Options shared by the analyzer and code-fix verifiers.</summary>
public sealed class VerifierOptions
{
    /// <summary>Reference Rng.Runtime (fixes that write SeedSequence/Generator are offered only then).</summary>
    public bool WithRngRuntime { get; init; }

    /// <summary>Lines placed under <c>[*]</c> of a root .editorconfig, e.g. <c>rng_safety.seed_sinks = M:...</c>.</summary>
    public string? EditorConfig { get; init; }

    /// <summary>Extra source files (name, text) compiled with the test code.</summary>
    public IReadOnlyList<(string Name, string Text)> AdditionalSources { get; init; } = Array.Empty<(string, string)>();

    /// <summary>Compiler diagnostics to check as well (default: errors only, so fixed code must compile).</summary>
    public CompilerDiagnostics CompilerDiagnostics { get; init; } = CompilerDiagnostics.Errors;

    internal void Apply(AnalyzerTest<DefaultVerifier> test, SolutionState state)
    {
        test.CompilerDiagnostics = CompilerDiagnostics;
        if (WithRngRuntime)
        {
            state.AdditionalReferences.Add(TestReferences.RngRuntime);
        }

        if (EditorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + EditorConfig + "\n"));
        }

        foreach (var (name, text) in AdditionalSources)
        {
            state.Sources.Add((name, text));
        }
    }
}
