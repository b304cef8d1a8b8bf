using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <remarks>
/// The per-item streams fix for RNG2002's per-thread RNGs (Rng.Runtime referenced; same equivalence key and Fix All as
/// the fix for Random.Shared and locked RNGs):
/// <list type="bullet">
/// <item><c>Parallel.For(from, to, () =&gt; new Random(seed), (i, state, rng) =&gt; { ...; return rng; }, rng =&gt; { })</c>
/// becomes <c>ParallelRandom.For(from, to, root, (i, itemRng) =&gt; { ... })</c>; <c>Parallel.ForEach(source, localInit,
/// (item, state, rng) =&gt; ..., localFinally)</c> (also with the <c>long index</c> parameter) becomes
/// <c>ParallelRandom.ForEach(source, root, (item, index, itemRng) =&gt; ...)</c>. Offered only when localFinally does
/// nothing or only disposes the state, localInit only creates the RNG (locals and locks allowed), the body never uses
/// the loop state, returns the state unchanged on every path, and neither assigns it nor passes it by reference. A
/// ParallelOptions argument is kept; <c>return rng;</c> at the end is removed, earlier ones become <c>return;</c>.</item>
/// <item>A <c>ThreadLocal&lt;RNG&gt;</c> (field, local or auto-property) read as <c>tl.Value</c>, or a <c>[ThreadStatic]</c>
/// field read directly, through <c>t_rng ??= new Random(seed)</c>, or through a parameterless property or method whose
/// body is just <c>return t_rng ??= ...</c>, inside <c>Parallel.For(int, int, i =&gt; ...)</c> or
/// <c>Parallel.ForEach(source, item =&gt; ...)</c>: the loop becomes ParallelRandom and those reads the item's generator.
/// The declaration stays (other code may still use it). No fix when the body uses the ThreadLocal or field any other
/// way (assigns it, compares it, passes it by reference), or when functions the body calls use it (except that accessor).</item>
/// </list>
/// The root: when the per-thread seed is drawn from an RNG in scope at the loop (a locked seeder), one value drawn from it
/// before the loop, as for a locked RNG (<c>new SeedSequence(seeder.NextInt64())</c>). When it is a counter
/// (<c>Interlocked.Increment(ref next)</c>, <c>next++</c>) whose start is obvious, or a counter combined with a base
/// (<c>rootSeed + Interlocked.Increment(ref next)</c>), that start or base: a local counter's initializer, a field
/// counter's constant initializer, a constant, or a parameter, local or field in scope at the loop
/// (<c>new SeedSequence(42)</c>, <c>new SeedSequence((uint)rootSeed)</c>, signed values reinterpreted losslessly as
/// unsigned). Otherwise a fresh <c>new SeedSequence()</c> (OS entropy, loggable through <c>Entropy</c>): the old run
/// was not reproducible either. The items' numbers differ from the per-thread RNGs' numbers in any case.
/// <para>A [ThreadStatic] RNG used only through its accessor is reported inside the accessor, found from no loop: the fix
/// then rewrites every Parallel.For/ForEach of the document that reaches the field through that report.</para>
/// </remarks>
public sealed partial class SharedRngCodeFixProvider
{
    /// <summary>What a localInit loop keeps: argument positions in the original argument list and the lambda's parameters.</summary>
    private sealed class LocalInitShape
    {
        /// <summary>from and to (For) or source (ForEach).</summary>
        public int[] LeadingArguments { get; set; } = Array.Empty<int>();

        public int? OptionsArgument { get; set; }

        public int BodyArgument { get; set; }

        /// <summary>The ForEach body's own <c>long index</c> parameter, kept when it has one.</summary>
        public bool HasIndexParameter { get; set; }
    }

    private static FixPlan? PlanPerThread(
        SharedUse use,
        ParallelScope scope,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        IAnonymousFunctionOperation lambdaOperation,
        SemanticModel model,
        RngKnownTypes types,
        FunctionBodies bodies)
    {
        if (types.ParallelRandom is null || scope.Delegate.Call is not IInvocationOperation call)
        {
            return null;
        }

        if (use.Symbol is IParameterSymbol)
        {
            return scope.Delegate.HasLocalState && use.Region.Equals(scope.Regions[0])
                ? PlanLocalInit(use, scope, call, invocation, lambda, lambdaOperation, model, types)
                : null;
        }

        if (scope.Delegate.HasLocalState)
        {
            return null;
        }

        if (use.Reference is IPropertyReferenceOperation { Property.Name: "Value" } value
            && RngKnownTypes.Is(value.Property.ContainingType, types.ThreadLocalOfT))
        {
            return use.Region.Equals(scope.Regions[0])
                ? PlanThreadLocal(use.Symbol, value.Type, scope, invocation, lambda, lambdaOperation, model, types, bodies)
                : null;
        }

        return use.Symbol is IFieldSymbol field && WorkerContexts.IsThreadStatic(field, types)
            ? PlanThreadStatic(field, scope, invocation, lambda, lambdaOperation, model, types, bodies)
            : null;
    }

    // A [ThreadStatic] RNG reported inside its lazy accessor: every Parallel.For/ForEach in the document whose scope
    // reaches it through that report (the analyzer reports the accessor once, for the first loop it saw).
    private static IReadOnlyList<FixPlan> PlanPerThreadAccessorLoops(
        SyntaxNode root,
        SemanticModel model,
        Diagnostic diagnostic,
        RngKnownTypes types,
        FunctionBodies bodies,
        CancellationToken cancellationToken)
    {
        var plans = new List<FixPlan>();
        foreach (var candidate in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetOperation(candidate, cancellationToken) is not IInvocationOperation call || !ParallelScopes.IsParallelApiCall(call, types))
            {
                continue;
            }

            foreach (var parallelDelegate in ParallelBodies.GetDelegates(call, types))
            {
                if (parallelDelegate.Role != ParallelDelegateRole.Body
                    || parallelDelegate.HasLocalState
                    || parallelDelegate.Lambda is not { Syntax: LambdaExpressionSyntax lambda } lambdaOperation)
                {
                    continue;
                }

                var scope = ParallelScopes.Build(parallelDelegate, bodies);
                var use = SharedRngUses.Find(scope, types, bodies)
                    .FirstOrDefault(u => u.Kind == SharedUseKind.PerThread && u.Reference.Syntax.Span == diagnostic.Location.SourceSpan);
                if (use.Reference is not null
                    && use.Symbol is IFieldSymbol field
                    && WorkerContexts.IsThreadStatic(field, types)
                    && PlanThreadStatic(field, scope, candidate, lambda, lambdaOperation, model, types, bodies) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans;
    }

    private static FixPlan? PlanLocalInit(
        SharedUse use,
        ParallelScope scope,
        IInvocationOperation call,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        IAnonymousFunctionOperation lambdaOperation,
        SemanticModel model,
        RngKnownTypes types)
    {
        // Parallel.For(int, int, [ParallelOptions,] localInit, body, localFinally) and
        // Parallel.ForEach(IEnumerable<T>, [ParallelOptions,] localInit, body, localFinally); not long or Partitioner forms.
        var parameters = call.TargetMethod.Parameters;
        string apiName;
        int[] leading;
        if (scope.Delegate.Kind == ParallelApiKind.ParallelFor
            && parameters.Length is 5 or 6
            && parameters[0].Type.SpecialType == SpecialType.System_Int32
            && parameters[1].Type.SpecialType == SpecialType.System_Int32)
        {
            apiName = "For";
            leading = new[] { 0, 1 };
        }
        else if (scope.Delegate.Kind == ParallelApiKind.ParallelForEach
            && parameters.Length is 4 or 5
            && parameters[0].Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 })
        {
            apiName = "ForEach";
            leading = new[] { 0 };
        }
        else
        {
            return null;
        }

        // Arguments written in parameter order (named ones included), so dropping two keeps the evaluation order.
        var arguments = call.Arguments.OrderBy(a => a.Syntax.SpanStart).ToList();
        if (arguments.Count != parameters.Length
            || arguments.Any(a => a.ArgumentKind != ArgumentKind.Explicit || a.Parameter is null)
            || arguments.Select((a, i) => a.Parameter!.Ordinal != i).Any(outOfOrder => outOfOrder))
        {
            return null;
        }

        int IndexOf(string name) => arguments.FindIndex(a => a.Parameter!.Name == name);
        var localInitIndex = IndexOf("localInit");
        var bodyIndex = IndexOf("body");
        var localFinallyIndex = IndexOf("localFinally");
        var optionsIndex = IndexOf("parallelOptions");
        if (localInitIndex < 0 || bodyIndex < 0 || localFinallyIndex < 0
            || (optionsIndex >= 0 && !RngKnownTypes.Is(parameters[optionsIndex].Type, types.ParallelOptions))
            || DelegateLambda(arguments[bodyIndex].Value) != lambdaOperation
            || DelegateLambda(arguments[localInitIndex].Value) is not { } localInit
            || DelegateLambda(arguments[localFinallyIndex].Value) is not { } localFinally
            || lambda is not ParenthesizedLambdaExpressionSyntax { Block: not null })
        {
            return null;
        }

        // (i, state, rng), (item, state, rng) or (item, state, index, rng).
        var lambdaParameters = lambdaOperation.Symbol.Parameters;
        var hasIndex = apiName == "ForEach" && lambdaParameters.Length == 4;
        if (lambdaParameters.Length != (hasIndex ? 4 : 3)
            || !SymbolEqualityComparer.Default.Equals(lambdaParameters[lambdaParameters.Length - 1], use.Symbol)
            || !RngKnownTypes.Is(lambdaParameters[1].Type, types.ParallelLoopState))
        {
            return null;
        }

        var state = lambdaParameters[lambdaParameters.Length - 1];
        var loopState = lambdaParameters[1];
        if (lambdaOperation.Descendants().Any(o => o is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, loopState)))
        {
            // Break/Stop/ShouldExitCurrentIteration: ParallelRandom has no loop state.
            return null;
        }

        // Every return in the body hands the state back unchanged.
        var returned = new HashSet<IOperation>();
        foreach (var node in lambdaOperation.Descendants())
        {
            if (node is IReturnOperation returnOperation && EnclosingFunction(node) == lambdaOperation)
            {
                if (returnOperation.ReturnedValue?.WalkDownConversions() is not IParameterReferenceOperation returnedState
                    || !SymbolEqualityComparer.Default.Equals(returnedState.Parameter, state))
                {
                    return null;
                }

                returned.Add(returnedState);
            }
        }

        var references = SharedRngUses.ReferencesTo(lambdaOperation, state).Where(r => !returned.Contains(r)).ToList();
        if (references.Count == 0 || references.Any(IsWrittenOrByReference))
        {
            return null;
        }

        if (!OnlyCreates(localInit) || !DoesNothingOrDisposes(localFinally)
            || SharedRngUses.ReturnedValue(localInit) is not { } created)
        {
            return null;
        }

        var adaptor = AdaptorFor(state.Type, references, types);
        if (adaptor is null)
        {
            return null;
        }

        var plan = new FixPlan
        {
            Mode = FixMode.LocalInit,
            ApiName = apiName,
            Invocation = invocation,
            Lambda = lambda,
            Root = RootFor(created, localInit, invocation, model, types),
            LocalInit = new LocalInitShape
            {
                LeadingArguments = leading,
                OptionsArgument = optionsIndex >= 0 ? optionsIndex : null,
                BodyArgument = bodyIndex,
                HasIndexParameter = hasIndex,
            },
        };

        foreach (var reference in references)
        {
            plan.References.Add((reference.Syntax, adaptor));
        }

        return plan;
    }

    private static FixPlan? PlanThreadLocal(
        ISymbol threadLocal,
        ITypeSymbol? rngType,
        ParallelScope scope,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        IAnonymousFunctionOperation lambdaOperation,
        SemanticModel model,
        RngKnownTypes types,
        FunctionBodies bodies)
    {
        if (!TryGetPerItemApi(scope.Delegate, lambdaOperation, types, out var apiName, out var rootIndex)
            || scope.Regions.Skip(1).Any(r => SharedRngUses.ReferencesTo(r.Root, threadLocal).Any()))
        {
            return null;
        }

        // Only tl.Value reads: tl.IsValueCreated, tl.Value = x or passing tl on keeps its meaning, so no fix.
        var reads = new List<IOperation>();
        foreach (var reference in SharedRngUses.ReferencesTo(lambdaOperation, threadLocal))
        {
            if (reference.WalkUpConversions().Parent is not IPropertyReferenceOperation { Property.Name: "Value" } value
                || value.Instance?.WalkDownConversions() != reference
                || IsWrittenOrByReference(value))
            {
                return null;
            }

            reads.Add(value);
        }

        var owner = reads.Count > 0 ? ((IPropertyReferenceOperation)reads[0]).Instance!.WalkDownConversions() : null;
        IOperation? creation = owner switch
        {
            IFieldReferenceOperation field => bodies.GetFieldInitializer(field.Field, owner),
            IPropertyReferenceOperation property => bodies.GetPropertyInitializer(property.Property, owner),
            ILocalReferenceOperation local => OperationHelpers.GetReachingValue(local),
            _ => null,
        };

        // new ThreadLocal<Random>(() => new Random(seed)): the factory's RNG decides the root.
        IAnonymousFunctionOperation? factory = null;
        if (creation?.WalkDownConversions() is IObjectCreationOperation { Arguments: var arguments })
        {
            factory = arguments.Select(a => DelegateLambda(a.Value)).FirstOrDefault(f => f is not null);
        }

        var created = factory is null ? null : SharedRngUses.ReturnedValue(factory);
        var adaptor = AdaptorFor(rngType, reads, types);
        if (created is null || adaptor is null)
        {
            return null;
        }

        return PerItemPlan(apiName, rootIndex, invocation, lambda, RootFor(created, factory!, invocation, model, types), reads.Select(r => (WithSuppression(r.Syntax), adaptor)), Enumerable.Empty<StatementSyntax>());
    }

    private static FixPlan? PlanThreadStatic(
        IFieldSymbol field,
        ParallelScope scope,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        IAnonymousFunctionOperation lambdaOperation,
        SemanticModel model,
        RngKnownTypes types,
        FunctionBodies bodies)
    {
        if (!TryGetPerItemApi(scope.Delegate, lambdaOperation, types, out var apiName, out var rootIndex))
        {
            return null;
        }

        var reads = new List<IOperation>();
        var replaced = new List<SyntaxNode>();
        var removals = new List<StatementSyntax>();
        var accessors = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        IOperation? created = null;
        IOperation? creationBoundary = null;

        // Direct uses in the body: t_rng ??= new Random(seed) (as a statement or a value) and plain reads.
        foreach (var reference in SharedRngUses.ReferencesTo(lambdaOperation, field))
        {
            switch (reference.Parent)
            {
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    created ??= coalesce.Value;
                    creationBoundary ??= lambdaOperation;
                    if (coalesce.Parent is IExpressionStatementOperation { Syntax: ExpressionStatementSyntax { Parent: BlockSyntax } statement })
                    {
                        removals.Add(statement);
                    }
                    else if (coalesce.Parent is IExpressionStatementOperation)
                    {
                        return null;
                    }
                    else
                    {
                        reads.Add(coalesce);
                        replaced.Add(coalesce.Syntax.Parent is ParenthesizedExpressionSyntax parenthesized ? parenthesized : coalesce.Syntax);
                    }

                    break;
                case var parent when IsDrawOrArgument(reference, parent):
                    reads.Add(reference);
                    replaced.Add(WithSuppression(reference.Syntax));
                    break;
                default:
                    return null;
            }
        }

        // Reads through a lazy accessor: static Random Rng => t_rng ??= new Random(seed);
        foreach (var node in lambdaOperation.Descendants())
        {
            var accessor = node switch
            {
                IPropertyReferenceOperation { Property: { Parameters.Length: 0, GetMethod: { } getter } } => getter,
                IInvocationOperation { Arguments.Length: 0, TargetMethod: { } method } => method,
                _ => null,
            };

            if (accessor is not null && LazyCreation(accessor, field, node, bodies, out var body) is { } accessorCreation)
            {
                if (IsWrittenOrByReference(node) || !IsDrawOrArgument(node, node.Parent))
                {
                    return null;
                }

                accessors.Add(accessor.OriginalDefinition);
                reads.Add(node);
                replaced.Add(WithSuppression(node.Syntax));
                created ??= accessorCreation;
                creationBoundary ??= body;
            }
        }

        // The functions the body calls must not reach the field any other way (they would keep the per-thread RNG).
        foreach (var region in scope.Regions.Skip(1))
        {
            if (region.Owner is { } owner && accessors.Contains(owner.OriginalDefinition))
            {
                continue;
            }

            if (SharedRngUses.ReferencesTo(region.Root, field).Any()
                || region.Root.Descendants().Any(o => AccessorOf(o) is { } m && accessors.Contains(m.OriginalDefinition)))
            {
                return null;
            }
        }

        var adaptor = AdaptorFor(field.Type, reads, types);
        if (reads.Count == 0 || created is null || adaptor is null)
        {
            return null;
        }

        return PerItemPlan(apiName, rootIndex, invocation, lambda, RootFor(created, creationBoundary!, invocation, model, types), replaced.Select(r => (r, adaptor)), removals);
    }

    private static FixPlan PerItemPlan(
        string apiName,
        int rootIndex,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        string root,
        IEnumerable<(SyntaxNode Node, string Adaptor)> references,
        IEnumerable<StatementSyntax> removals)
    {
        var plan = new FixPlan
        {
            Mode = FixMode.PerItemStreams,
            ApiName = apiName,
            Invocation = invocation,
            Lambda = lambda,
            RootArgumentIndex = rootIndex,
            Root = root,
        };

        plan.References.AddRange(references);
        plan.Removals.AddRange(removals);
        return plan;
    }

    // rngs.Value! and t_rng!: the item's generator is never null, so the suppression goes with the read.
    private static SyntaxNode WithSuppression(SyntaxNode read) =>
        read.Parent is PostfixUnaryExpressionSyntax suppression && suppression.IsKind(SyntaxKind.SuppressNullableWarningExpression) ? suppression : read;

    private static IMethodSymbol? AccessorOf(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.GetMethod: { } getter } => getter,
        IInvocationOperation invocation => invocation.TargetMethod,
        _ => null,
    };

    // The RNG created by an accessor whose whole body is `return field ??= creation;` (or `=> field ??= creation`).
    private static IOperation? LazyCreation(IMethodSymbol accessor, IFieldSymbol field, IOperation near, FunctionBodies bodies, out IOperation body)
    {
        body = null!;
        if (accessor.MethodKind is not (MethodKind.PropertyGet or MethodKind.Ordinary) || accessor.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var found = bodies.Get(accessor, near);
        if (found is null)
        {
            return null;
        }

        var returns = found.Descendants().OfType<IReturnOperation>().ToList();
        if (returns.Count != 1
            || found.Descendants().Any(o => o is IExpressionStatementOperation)
            || returns[0].ReturnedValue?.WalkDownConversions() is not ICoalesceAssignmentOperation { Target: IFieldReferenceOperation target } coalesce
            || !SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
        {
            return null;
        }

        body = found;
        return coalesce.Value;
    }

    // rng.NextDouble(), rng.Property, Use(rng): reads that draw from the RNG or hand it on by value.
    private static bool IsDrawOrArgument(IOperation reference, IOperation? parent) => parent switch
    {
        IInvocationOperation invocation => invocation.Instance == reference,
        IPropertyReferenceOperation property => property.Instance == reference && !IsWrittenOrByReference(property),
        IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.None },
        IConversionOperation conversion => conversion.Operand == reference && IsDrawOrArgument(conversion, conversion.Parent),
        _ => false,
    };

    private static bool IsWrittenOrByReference(IOperation reference)
    {
        var current = reference.WalkUpConversions();
        return current.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == current,
            IArgumentOperation argument => argument.Parameter is { RefKind: not RefKind.None },
            IIncrementOrDecrementOperation => true,
            _ => false,
        };
    }

    private static IAnonymousFunctionOperation? DelegateLambda(IOperation value) =>
        value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda : null;

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    // localInit only builds the RNG: its statements are declarations, returns and locks around them (a locked seeder).
    private static bool OnlyCreates(IAnonymousFunctionOperation localInit)
    {
        foreach (var statement in localInit.Body.Descendants())
        {
            if (statement is IExpressionStatementOperation or ILoopOperation or IConditionalOperation { IsRef: false, Type: null }
                or ITryOperation or IThrowOperation or IUsingOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    // rng => { } or rng => rng.Dispose() / { rng.Dispose(); } / rng?.Dispose().
    private static bool DoesNothingOrDisposes(IAnonymousFunctionOperation localFinally)
    {
        if (localFinally.Symbol.Parameters.Length != 1)
        {
            return false;
        }

        foreach (var operation in localFinally.Body.Operations)
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: null, IsImplicit: true }:
                    continue;
                case IExpressionStatementOperation { Operation: var expression } when IsDisposeOfParameter(expression, localFinally):
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsDisposeOfParameter(IOperation expression, IAnonymousFunctionOperation localFinally)
    {
        if (expression is IConditionalAccessOperation conditional)
        {
            return conditional.Operation.WalkDownConversions() is IParameterReferenceOperation target
                && SymbolEqualityComparer.Default.Equals(target.Parameter, localFinally.Symbol.Parameters[0])
                && conditional.WhenNotNull is IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.Length: 0 };
        }

        return expression is IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.Length: 0, Instance: { } instance }
            && instance.WalkDownConversions() is IParameterReferenceOperation parameter
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter, localFinally.Symbol.Parameters[0]);
    }

    /// <summary>
    /// The root of the per-item streams for per-thread RNGs built by <paramref name="created"/> inside
    /// <paramref name="boundary"/> (the factory, localInit or lazy initialiser): see the class summary.
    /// </summary>
    private static string RootFor(IOperation created, IOperation boundary, InvocationExpressionSyntax loop, SemanticModel model, RngKnownTypes types)
    {
        created = created.WalkDownConversions();
        IOperation? seed = null;
        if (types.SeedSinks.TryGetUse(created, out var sinkUse))
        {
            seed = sinkUse.SeedValue;
        }
        else
        {
            var arguments = created switch
            {
                IObjectCreationOperation creation => creation.Arguments,
                IInvocationOperation invocation => invocation.Arguments,
                _ => default,
            };

            seed = arguments.IsDefaultOrEmpty ? null : arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit)?.Value;
        }

        var entropy = seed is null ? null : RootEntropy(seed, boundary, loop, model, types, depth: 0);
        return "new " + RngFixSyntax.SeedSequenceName + "(" + (entropy ?? "") + ")";
    }

    private static string? RootEntropy(IOperation seed, IOperation boundary, InvocationExpressionSyntax loop, SemanticModel model, RngKnownTypes types, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        var value = seed.WalkDownConversions();
        switch (value)
        {
            case ILocalReferenceOperation local when IsInside(local.Local, boundary):
                return OperationHelpers.GetReachingValue(local) is { } assigned ? RootEntropy(assigned, boundary, loop, model, types, depth + 1) : null;

            case IInvocationOperation { TargetMethod: { Name: "Increment" or "Decrement" or "Add" } method } interlocked
                when RngKnownTypes.Is(method.ContainingType, types.Interlocked) && interlocked.Arguments.Length > 0:
                return CounterStart(interlocked.Arguments[0].Value, boundary, loop, model, types);

            case IIncrementOrDecrementOperation increment:
                return CounterStart(increment.Target, boundary, loop, model, types);

            case IInvocationOperation { Instance: { } instance } draw when types.IsRngType(instance.Type):
                // A seeder (usually locked): draw the root from it once, before the loop, as for a locked RNG.
                var seeder = instance.WalkDownConversions();
                return SharedRngUses.ReferencedSymbol(seeder) is { } symbol && IsVisibleAt(symbol, loop, model) && seeder.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    ? DrawFrom(seeder.Syntax.ToString(), seeder.Type, types)
                    : null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Or } binary:
                // rootSeed + Interlocked.Increment(ref next): the other operand is the base.
                var leftVaries = VariesPerThread(binary.LeftOperand, types);
                var rightVaries = VariesPerThread(binary.RightOperand, types);
                return leftVaries == rightVaries ? null
                    : Base(leftVaries ? binary.RightOperand : binary.LeftOperand, boundary, loop, model);

            default:
                return null;
        }
    }

    // The value a counter starts from: a local's initializer (not otherwise assigned), a field's constant initializer.
    private static string? CounterStart(IOperation counter, IOperation boundary, InvocationExpressionSyntax loop, SemanticModel model, RngKnownTypes types)
    {
        switch (counter.WalkDownConversions())
        {
            case ILocalReferenceOperation local when !IsInside(local.Local, boundary):
                if (local.Local.DeclaringSyntaxReferences.Length != 1
                    || local.Local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    || initializer.SyntaxTree != model.SyntaxTree
                    || model.GetOperation(initializer) is not { } start
                    || local.GetRoot().Descendants().Any(o => o is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                        && !assignment.Syntax.Span.IntersectsWith(boundary.Syntax.Span)))
                {
                    return null;
                }

                return Base(start, boundary, loop, model);

            case IFieldReferenceOperation field:
                var definition = field.Field.OriginalDefinition;
                if (definition.DeclaringSyntaxReferences.Length == 1
                    && definition.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } fieldInitializer }
                    && fieldInitializer.SyntaxTree == model.SyntaxTree
                    && model.GetOperation(fieldInitializer) is { } fieldStart
                    && fieldStart.TryGetIntegerConstant(out _))
                {
                    return Base(fieldStart, boundary, loop, model);
                }

                return null;

            default:
                return null;
        }
    }

    private static bool VariesPerThread(IOperation operand, RngKnownTypes types) =>
        operand.DescendantsAndSelf().Any(o => o is IIncrementOrDecrementOperation
            || (o is IInvocationOperation { TargetMethod: var method, Instance: var instance }
                && (RngKnownTypes.Is(method.ContainingType, types.Interlocked) || (instance is not null && types.IsRngType(instance.Type)))));

    // A constant, or an integer parameter, local or field visible at the loop, as SeedSequence entropy.
    private static string? Base(IOperation operand, IOperation boundary, InvocationExpressionSyntax loop, SemanticModel model)
    {
        var value = operand.WalkDownConversions();
        if (value.TryGetIntegerConstant(out var constant))
        {
            if (constant.Sign >= 0)
            {
                return constant.ToString(System.Globalization.CultureInfo.InvariantCulture) + (constant > long.MaxValue ? "UL" : "");
            }

            // Reinterpreted as unsigned of the same width, as the seed arithmetic fixes do (lossless).
            var unsigned = value.Type?.SpecialType == SpecialType.System_Int64 ? constant + System.Numerics.BigInteger.Pow(2, 64) : constant + System.Numerics.BigInteger.Pow(2, 32);
            return unsigned.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL";
        }

        var symbol = value switch
        {
            ILocalReferenceOperation local when !IsInside(local.Local, boundary) => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };

        if (symbol is null || !IsVisibleAt(symbol, loop, model) || value.Syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return null;
        }

        // An instance field read from a static context (a lambda in a static method) would not compile at the loop.
        if (symbol is IFieldSymbol { IsStatic: false } && model.GetEnclosingSymbol(loop.SpanStart) is { IsStatic: true })
        {
            return null;
        }

        var text = value.Syntax.ToString();
        var cast = value.Type?.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 => "",
            SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 => "(uint)",
            SpecialType.System_Int64 => "(ulong)",
            _ => null,
        };

        return cast is null ? null : RngFixSyntax.Unchecked(cast + text, cast.Length > 0, loop, model.Compilation);
    }

    private static bool IsInside(ISymbol symbol, IOperation boundary) =>
        symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == boundary.Syntax.SyntaxTree && boundary.Syntax.Span.Contains(r.Span));

    private static bool IsVisibleAt(ISymbol symbol, InvocationExpressionSyntax loop, SemanticModel model) =>
        model.LookupSymbols(loop.SpanStart, name: symbol.Name).Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, symbol.OriginalDefinition));

    private static SyntaxNode RewriteLocalInit(
        InvocationExpressionSyntax invocation,
        FixPlan plan,
        Dictionary<SyntaxAnnotation, string> replacements,
        HashSet<string> names)
    {
        var shape = plan.LocalInit!;
        var generatorName = Unique(names, "itemRng");
        var replaced = (InvocationExpressionSyntax)ReplaceReferences(invocation, replacements, generatorName);
        var arguments = replaced.ArgumentList.Arguments;
        var bodyArgument = arguments[shape.BodyArgument];
        if (bodyArgument.Expression is not ParenthesizedLambdaExpressionSyntax { Block: { } block } lambda)
        {
            return invocation;
        }

        // (i, state, rng) -> (i, itemRng); (item, state, [index,] rng) -> (item, index, itemRng).
        var oldParameters = lambda.ParameterList.Parameters;
        var typed = oldParameters.Any(p => p.Type is not null);
        var newParameters = new List<ParameterSyntax> { oldParameters[0] };
        if (plan.ApiName == "ForEach")
        {
            newParameters.Add(shape.HasIndexParameter ? oldParameters[2] : Parameter(Unique(names, "index"), typed ? "long" : null));
        }

        newParameters.Add(Parameter(generatorName, typed ? RngFixSyntax.GeneratorName : null));

        // The body returned the state: the final return goes, earlier ones return nothing.
        var returns = block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .ToList();
        var last = block.Statements.LastOrDefault() as ReturnStatementSyntax;
        var newBlock = block.ReplaceNodes(
            returns.Where(r => r != last),
            (_, rewritten) => SyntaxFactory.ReturnStatement().WithTriviaFrom(rewritten));
        if (last is not null)
        {
            newBlock = newBlock.WithStatements(newBlock.Statements.RemoveAt(newBlock.Statements.Count - 1));
        }

        var newLambda = SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(newParameters)).WithTriviaFrom(lambda.ParameterList),
                newBlock)
            .WithArrowToken(lambda.ArrowToken)
            .WithTriviaFrom(lambda);

        // from, to / source, then the root, the options and the body, with the original separators and line breaks.
        var newArguments = shape.LeadingArguments.Select(i => arguments[i]).ToList();
        var rootPosition = newArguments.Count;
        newArguments.Add(SyntaxFactory.Argument(RngFixSyntax.Parse(plan.Root)).WithLeadingTrivia(arguments[rootPosition].GetLeadingTrivia()));
        if (shape.OptionsArgument is { } options)
        {
            newArguments.Add(arguments[options]);
        }

        newArguments.Add(bodyArgument.WithExpression(newLambda).WithTrailingTrivia(arguments.Last().GetTrailingTrivia()));
        var separators = arguments.GetSeparators().Take(newArguments.Count - 1).ToList();
        var target = RngFixSyntax.Parse("global::Rng.ParallelRandom." + plan.ApiName);
        return replaced
            .WithExpression(target.WithTriviaFrom(replaced.Expression))
            .WithArgumentList(replaced.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(newArguments, separators)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
