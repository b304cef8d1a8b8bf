using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>
/// RNG2003: a [ThreadStatic] field of an RNG type with an initializer. The initializer runs once, in the static
/// constructor, on whichever thread first touches the type; on every other thread the field is null.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadStaticInitializerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ThreadStaticRngWithInitializer);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            if (types.ThreadStaticAttribute is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var initializer = (IFieldInitializerOperation)operationContext.Operation;
                    foreach (var field in initializer.InitializedFields)
                    {
                        if (types.IsRngType(field.Type) && WorkerContexts.IsThreadStatic(field, types))
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.ThreadStaticRngWithInitializer,
                                initializer.Value.Syntax.GetLocation(),
                                field.Name));
                        }
                    }
                },
                OperationKind.FieldInitializer);
        });
    }
}
