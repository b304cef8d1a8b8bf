using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>
/// RNG1002: an RNG created in a loop body, parallel body (or a function it calls), ThreadLocal factory, [ThreadStatic]
/// lazy initialiser or localInit with a seed that is the same in every repetition, so every stream is identical.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SameSeedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SameSeedInEveryWorker);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            var bodies = new FunctionBodies(start.Compilation, start.Options);
            var reported = new ReportOnce();

            start.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (TryGetSeed(operation, types, out var seed, out var seedSyntax)
                        && WorkerContexts.Find(operation, types) is { } workerContext
                        && new Invariance(workerContext.Boundary).IsInvariant(seed))
                    {
                        Report(operationContext.ReportDiagnostic, reported, seedSyntax, workerContext.Noun);
                    }

                    // Helpers called from a parallel body run once per item too.
                    if (!ParallelScopes.IsParallelApiCall(operation, types))
                    {
                        return;
                    }

                    foreach (var parallelDelegate in ParallelBodies.GetDelegates(operation, types))
                    {
                        if (parallelDelegate.Role is ParallelDelegateRole.Body or ParallelDelegateRole.LocalInit)
                        {
                            AnalyzeCalledFunctions(operationContext, parallelDelegate, types, bodies, reported);
                        }
                    }
                },
                OperationKind.ObjectCreation,
                OperationKind.Invocation);
        });
    }

    /// <summary>
    /// The seed of an RNG creation: the explicit seed argument of a seed sink, or the SeedSequence argument of an RNG
    /// constructor or factory (<c>new Pcg64(seedSequence)</c>).
    /// </summary>
    internal static bool TryGetSeed(IOperation operation, RngKnownTypes types, out IOperation seed, out SyntaxNode seedSyntax)
    {
        if (types.SeedSinks.TryGetUse(operation, out var use))
        {
            seed = use.SeedValue;
            seedSyntax = use.SeedSyntax;
            return true;
        }

        seed = null!;
        seedSyntax = null!;
        var (method, arguments) = operation switch
        {
            IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };

        // Most calls return no class, and most classes are no RNG type (cached): reject them before the parameter walk.
        if (!TypeFilters.MayBeRngClass(operation.Type) || !types.IsRngType(operation.Type) || !TypeFilters.HasParameterOfType(method, types.SeedSequence))
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && RngKnownTypes.Is(argument.Value.WalkDownConversions().Type, types.SeedSequence))
            {
                seed = argument.Value;
                seedSyntax = OperationHelpers.WithEnclosingParenthesesAndChecked(argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : argument.Syntax);
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeCalledFunctions(OperationAnalysisContext context, ParallelDelegate parallelDelegate, RngKnownTypes types, FunctionBodies bodies, ReportOnce reported)
    {
        var scope = ParallelScopes.Build(parallelDelegate, bodies);
        foreach (var region in scope.Regions)
        {
            if (!region.IsFollowed)
            {
                continue;
            }

            foreach (var node in region.Root.Descendants())
            {
                if (node is not (IObjectCreationOperation or IInvocationOperation)
                    || !TryGetSeed(node, types, out var seed, out var seedSyntax)
                    || WorkerContexts.Find(node, types) is not null
                    || !IsInsideFunction(node, region))
                {
                    continue;
                }

                if (new Invariance(region.Root).IsInvariant(seed))
                {
                    Report(context.ReportDiagnostic, reported, seedSyntax, "worker");
                }
            }
        }
    }

    // Lambdas nested in a called function run whenever they are invoked, not necessarily once per call.
    private static bool IsInsideFunction(IOperation node, ScopeRegion region)
    {
        for (var current = node.Parent; current is not null && current != region.Root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    private static void Report(System.Action<Diagnostic> report, ReportOnce reported, SyntaxNode seedSyntax, string noun)
    {
        var location = seedSyntax.GetLocation();
        if (reported.TryClaim(Descriptors.SameSeedInEveryWorker.Id, location))
        {
            report(Diagnostic.Create(Descriptors.SameSeedInEveryWorker, location, OperationHelpers.Text(seedSyntax), noun));
        }
    }
}
