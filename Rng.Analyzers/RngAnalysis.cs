using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>Shared set-up of the RngSafety analyzers.</summary>
/// <remarks>
/// Every analyzer's Initialize calls ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags) and EnableConcurrentExecution itself
/// (the analyzer-authoring rules check for those calls in Initialize), then registers a compilation-start
/// action that creates <see cref="RngKnownTypes"/> once per compilation.
/// </remarks>
internal static class RngAnalysis
{
    /// <summary>Calls <paramref name="action"/> for every object creation or invocation of a seed sink that has an explicit seed argument.</summary>
    public static void RegisterSeedSinkAction(CompilationStartAnalysisContext context, RngKnownTypes types, Action<OperationAnalysisContext, SeedSinkUse> action)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                if (types.SeedSinks.TryGetUse(operationContext.Operation, out var use))
                {
                    action(operationContext, use);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }
}
