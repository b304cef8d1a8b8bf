using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Rng.Generators.Diagnostics;
using Rng.Generators.Model;

namespace Rng.Generators;

/// <summary>
/// Writes <c>FooParallel</c> drivers for methods marked <c>[Rng.ParallelStochastic]</c>: worker <c>i</c> of
/// <c>count</c> runs the method with a Generator seeded from <c>root.Spawn(count)[i]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ParallelStochasticGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.ParallelStochasticAttributeName,
                static (_, _) => true,
                Parser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<DriverModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // [WorkerIndex] outside a [ParallelStochastic] method does nothing; say so.
        IncrementalValuesProvider<DiagnosticInfo> strayWorkerIndexes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.WorkerIndexAttributeName,
                static (node, _) => node is ParameterSyntax,
                static (attributeContext, _) => DiagnoseWorkerIndex(attributeContext))
            .Where(static info => info is not null)
            .Select(static (info, _) => info!)
            .WithTrackingName(TrackingNames.WorkerIndexes);

        context.RegisterSourceOutput(models, Emitter.Emit);
        context.RegisterSourceOutput(diagnostics, static (production, info) => production.ReportDiagnostic(info.ToDiagnostic()));
        context.RegisterSourceOutput(strayWorkerIndexes, static (production, info) => production.ReportDiagnostic(info.ToDiagnostic()));
    }

    private static DiagnosticInfo? DiagnoseWorkerIndex(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter)
        {
            return null;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == Parser.ParallelStochasticAttributeName)
            {
                return null;
            }
        }

        // Partial methods: the attribute may sit on the other part.
        IMethodSymbol? otherPart = method.PartialDefinitionPart ?? method.PartialImplementationPart;
        if (otherPart is not null)
        {
            foreach (AttributeData attribute in otherPart.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == Parser.ParallelStochasticAttributeName)
                {
                    return null;
                }
            }
        }

        return DiagnosticInfo.Create(
            DiagnosticDescriptors.WorkerIndexWithoutParallelStochastic,
            LocationInfo.From(context.Attributes[0].ApplicationSyntaxReference?.GetSyntax().GetLocation()),
            parameter.Name,
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
    }
}
