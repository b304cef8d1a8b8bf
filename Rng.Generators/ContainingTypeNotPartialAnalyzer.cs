using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Rng.Generators.Diagnostics;

namespace Rng.Generators;

/// <summary>
/// RNG4001: a [ParallelStochastic] method whose type (or an outer type) is not partial, so its driver cannot be added.
/// Reported by an analyzer rather than by the generator so that every analyzer host — the IDE, <c>dotnet format</c>,
/// the <c>rngsafety</c> checker — sees it at a source location and can apply the add-partial code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContainingTypeNotPartialAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ContainingTypeNotPartial);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(Parser.ParallelStochasticAttributeName);
            if (attribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, attribute), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!HasAttribute(method, attribute)
            || Parser.DescribeUnsupportedTarget(method) is not null // RNG4006, from the generator
            || method.Locations.IsEmpty)
        {
            return;
        }

        string driverName = Parser.DriverNameFor(method.Name);
        string methodDisplay = method.ToDisplayString(Parser.MessageFormat);
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!Parser.IsPartial(type, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ContainingTypeNotPartial,
                    method.Locations[0],
                    type.ToDisplayString(Parser.MessageFormat),
                    driverName,
                    methodDisplay));
            }
        }
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        foreach (AttributeData data in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
