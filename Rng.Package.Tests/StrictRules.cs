using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Package.Tests;

/// <summary>The rules &lt;RngSafetyStrict&gt; raises, read from the analyzers themselves.</summary>
internal static class StrictRules
{
    /// <summary>Every rule whose default severity is Info (a suggestion), from Rng.Analyzers' descriptors, in id order.</summary>
    public static IReadOnlyList<string> SuggestionLevelRuleIds() =>
        AllDescriptors()
            .Where(d => d.DefaultSeverity == DiagnosticSeverity.Info)
            .Select(d => d.Id)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Rules some shipped analyzer actually reports (a descriptor may exist before its analyzer).</summary>
    public static IReadOnlySet<string> ImplementedRuleIds() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    // Descriptors.All is internal; the static readonly DiagnosticDescriptor fields of the Descriptors class are the list.
    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Rng.Analyzers.SeedArithmeticAnalyzer).Assembly.GetType("Rng.Analyzers.Descriptors", throwOnError: true)!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(Rng.Analyzers.SeedArithmeticAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
}
