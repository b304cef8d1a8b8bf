using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Rng.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer and a code fix: the diagnostics of the source, then the fixed text (one fix at a time and Fix All).</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string diagnosticId) => new DiagnosticResult(diagnosticId, DiagnosticSeverity.Warning);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

    /// <summary>Checks that the fix registered under <paramref name="equivalenceKey"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    /// <param name="source">Code with diagnostic markup.</param>
    /// <param name="fixedSource">The expected code after applying the fix to every diagnostic (also checked through Fix All).</param>
    /// <param name="equivalenceKey">The fix to apply; null to apply the first one offered.</param>
    /// <param name="options">Rng.Runtime reference, .editorconfig, extra sources.</param>
    /// <param name="fixedDiagnostics">Diagnostics that remain in the fixed code (by default none).</param>
    public static Task VerifyCodeFixAsync(
        string source,
        string fixedSource,
        string? equivalenceKey,
        VerifierOptions? options = null,
        params DiagnosticResult[] fixedDiagnostics)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };

        options ??= new VerifierOptions();
        options.Apply(test, test.TestState);
        if (options.WithRngRuntime)
        {
            test.FixedState.AdditionalReferences.Add(TestReferences.RngRuntime);
        }

        test.FixedState.ExpectedDiagnostics.AddRange(fixedDiagnostics);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks that no fix with <paramref name="equivalenceKey"/> (or none at all, when null) is offered for the diagnostics of <paramref name="source"/>.</summary>
    public static Task VerifyNoCodeFixAsync(string source, string? equivalenceKey, VerifierOptions? options = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
        };

        options ??= new VerifierOptions();
        options.Apply(test, test.TestState);
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The underlying test, set up with .NET 8 reference assemblies.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
        }
    }
}
