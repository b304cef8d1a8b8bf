using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// RNG1003: a seed read from the clock, a tick count, a timestamp, a new Guid, the process id or a thread/task id,
/// including through arithmetic, locals and counters (fields) started from them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClockSeedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SeedFromClockProcessOrThread);

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
                if (SeedSources.TryFindClockSource(use, types, out var source))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SeedFromClockProcessOrThread,
                        use.SeedSyntax.GetLocation(),
                        OperationHelpers.Text(use.SeedSyntax),
                        source.Description,
                        source.Consequence));
                }
            });
        });
    }
}
