using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// RNG1004: a seed made from a hash code that .NET randomises per process (string.GetHashCode, HashCode.Combine,
/// value tuples, records and anonymous types holding strings, EqualityComparer&lt;T&gt;.Default and StringComparer hashes).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessHashSeedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SeedFromProcessHash);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            RngAnalysis.RegisterSeedSinkAction(start, types, (operationContext, use) =>
            {
                if (SeedSources.TryFindProcessHash(use, types, out var source))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SeedFromProcessHash,
                        use.SeedSyntax.GetLocation(),
                        OperationHelpers.Text(use.SeedSyntax),
                        source.Description));
                }
            });
        });
    }
}
