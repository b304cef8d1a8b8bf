using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// RNG2001 (an RNG declared outside a parallel body used inside it) and RNG2002 (Random.Shared, a locked RNG or a
/// per-thread RNG with deterministic seeds in a parallel body: thread-safe but not reproducible). Both look at the same
/// uses, in the body and in the functions it calls, so one analyzer reports them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedRngAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RngSharedAcrossParallelBody, Descriptors.ThreadSafeButNotReproducible);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            if (types.Parallel is null && types.Task is null && types.Thread is null)
            {
                return;
            }

            var bodies = new FunctionBodies(start.Compilation, start.Options);
            var reported = new ReportOnce();
            var hasRandomShared = types.SystemRandom?.GetMembers("Shared").Length > 0;

            start.RegisterOperationAction(
                operationContext =>
                {
                    if (!ParallelScopes.IsParallelApiCall(operationContext.Operation, types))
                    {
                        return;
                    }

                    foreach (var parallelDelegate in ParallelBodies.GetDelegates(operationContext.Operation, types))
                    {
                        var scope = ParallelScopes.Build(parallelDelegate, bodies);
                        foreach (var use in SharedRngUses.Find(scope, types, bodies))
                        {
                            var diagnostic = Create(use, types, hasRandomShared);
                            if (reported.TryClaim(diagnostic.Id, diagnostic.Location))
                            {
                                operationContext.ReportDiagnostic(diagnostic);
                            }
                        }
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static Diagnostic Create(SharedUse use, RngKnownTypes types, bool hasRandomShared)
    {
        var location = use.Reference.Syntax.GetLocation();
        if (use.Kind == SharedUseKind.Shared)
        {
            var typeName = use.Reference.Type switch
            {
                null => "RNG",
                INamedTypeSymbol { IsGenericType: false } named => named.Name,
                var type => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            };
            string fix;
            if (types.HasRngRuntime)
            {
                fix = "spawn one SeedSequence child per item";
            }
            else if (hasRandomShared && types.IsSystemRandom(use.Reference.Type))
            {
                fix = "seeded from the item index, or Random.Shared if reproducibility is not needed";
            }
            else
            {
                fix = "seeded from the item index";
            }

            return Diagnostic.Create(Descriptors.RngSharedAcrossParallelBody, location, use.Name, typeName, fix);
        }

        var reason = use.Kind switch
        {
            SharedUseKind.RandomShared => "is one generator shared by every thread",
            SharedUseKind.HoldsRandomShared => "holds Random.Shared, one generator shared by every thread",
            SharedUseKind.UnderLock => "is drawn from under a lock in whatever order the threads get there",
            _ => "is one generator per thread, and which items a thread runs depends on work stealing",
        };

        return Diagnostic.Create(Descriptors.ThreadSafeButNotReproducible, location, use.Name, reason);
    }
}
