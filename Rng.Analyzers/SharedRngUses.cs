using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>Why an RNG used in a parallel body is a problem.</summary>
internal enum SharedUseKind
{
    /// <summary>RNG2001: an RNG declared outside the body (field, captured local, parameter) used without synchronisation.</summary>
    Shared,

    /// <summary>RNG2002: Random.Shared itself.</summary>
    RandomShared,

    /// <summary>RNG2002: a field or local holding Random.Shared.</summary>
    HoldsRandomShared,

    /// <summary>RNG2002: a shared RNG used under a lock.</summary>
    UnderLock,

    /// <summary>RNG2002: a per-thread RNG (ThreadLocal, [ThreadStatic], localInit) with deterministic seeds.</summary>
    PerThread,
}

/// <summary>One use of an RNG in a parallel body that a sharing rule reports.</summary>
internal readonly struct SharedUse
{
    public SharedUse(SharedUseKind kind, IOperation reference, ISymbol symbol, ScopeRegion region)
    {
        Kind = kind;
        Reference = reference;
        Symbol = symbol;
        Region = region;
    }

    public SharedUseKind Kind { get; }

    /// <summary>The reference as written: a field, local or parameter reference, <c>Random.Shared</c>, or <c>threadLocal.Value</c>.</summary>
    public IOperation Reference { get; }

    /// <summary>The field, local, parameter or property (Random.Shared, ThreadLocal.Value's owner) the reference reads.</summary>
    public ISymbol Symbol { get; }

    public ScopeRegion Region { get; }

    /// <summary>The name messages use: the variable, or <c>Random.Shared</c> / <c>rngs.Value</c> as written.</summary>
    public string Name => Kind == SharedUseKind.RandomShared || (Reference is IPropertyReferenceOperation && Symbol is not IPropertySymbol)
        ? OperationHelpers.Text(Reference)
        : Symbol.Name;
}

/// <summary>Finds the RNG uses in a parallel scope that RNG2001 and RNG2002 report.</summary>
internal static class SharedRngUses
{
    /// <summary>
    /// The first reportable use of each RNG in <paramref name="scope"/> (the delegate's own code first, then the
    /// functions it calls), in source order within each function.
    /// </summary>
    public static List<SharedUse> Find(ParallelScope scope, RngKnownTypes types, FunctionBodies bodies)
    {
        var result = new List<SharedUse>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var localState = LocalStateParameter(scope.Delegate, types);
        foreach (var region in scope.Regions)
        {
            foreach (var node in Walk(region.Root))
            {
                if (Classify(node, scope, region, types, bodies, localState) is { } use && seen.Add(use.Symbol))
                {
                    result.Add(use);
                }
            }
        }

        return result;
    }

    /// <summary>Every reference to <paramref name="symbol"/> in <paramref name="root"/> that reads it (nameof and lock targets excluded).</summary>
    public static IEnumerable<IOperation> ReferencesTo(IOperation root, ISymbol symbol)
    {
        foreach (var node in Walk(root))
        {
            if (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(node), symbol))
            {
                yield return node;
            }
        }
    }

    /// <summary>The symbol a field, local, parameter or property reference reads.</summary>
    public static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };

    /// <summary>True for <c>System.Random.Shared</c>.</summary>
    public static bool IsRandomShared(IOperation operation, RngKnownTypes types) =>
        operation is IPropertyReferenceOperation { Property: { Name: "Shared", IsStatic: true } property }
        && RngKnownTypes.Is(property.ContainingType, types.SystemRandom);

    // Descendants in source order, skipping nameof(...) and the object a lock statement locks on: neither draws numbers.
    private static IEnumerable<IOperation> Walk(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current != root)
            {
                yield return current;
            }

            if (current is INameOfOperation)
            {
                continue;
            }

            var children = new List<IOperation>(current.ChildOperations);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (current is ILockOperation lockOperation && children[i] == lockOperation.LockedValue)
                {
                    continue;
                }

                stack.Push(children[i]);
            }
        }
    }

    private static SharedUse? Classify(IOperation node, ParallelScope scope, ScopeRegion region, RngKnownTypes types, FunctionBodies bodies, IParameterSymbol? localState)
    {
        if (OnlyReadsState(node))
        {
            return null;
        }

        switch (node)
        {
            case IPropertyReferenceOperation property:
                if (IsRandomShared(property, types))
                {
                    return new SharedUse(SharedUseKind.RandomShared, node, property.Property.OriginalDefinition, region);
                }

                if (property.Property.Name == "Value" && RngKnownTypes.Is(property.Property.ContainingType, types.ThreadLocalOfT)
                    && types.IsRngType(property.Type)
                    && property.Instance?.WalkDownConversions() is { } owner
                    && ReferencedSymbol(owner) is { } threadLocal
                    && ThreadLocalSeeding(owner, bodies, types) == PerThreadSeeding.Deterministic)
                {
                    return new SharedUse(SharedUseKind.PerThread, node, threadLocal, region);
                }

                if (types.IsRngType(property.Type)
                    && !IsPlainWriteTarget(property)
                    && AutoPropertyBackingField(property.Property) is { } backingField
                    && IsSharedInstance(property.Instance, scope))
                {
                    return ClassifyField(node, backingField, property.Property.OriginalDefinition, scope, region, types, bodies);
                }

                return null;

            case IFieldReferenceOperation field when types.IsRngType(field.Type) && !IsPlainWriteTarget(field) && IsSharedInstance(field.Instance, scope):
                return ClassifyField(node, field.Field.OriginalDefinition, field.Field.OriginalDefinition, scope, region, types, bodies);

            case ILocalReferenceOperation local when types.IsRngType(local.Type) && !IsPlainWriteTarget(local) && !scope.Declares(local.Local):
                if (HoldsOnlyRandomShared(local, types))
                {
                    return new SharedUse(SharedUseKind.HoldsRandomShared, node, local.Local, region);
                }

                return new SharedUse(IsUnderLock(node, region) ? SharedUseKind.UnderLock : SharedUseKind.Shared, node, local.Local, region);

            case IParameterReferenceOperation parameter when types.IsRngType(parameter.Type) && !IsPlainWriteTarget(parameter):
                if (localState is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter, localState))
                {
                    return new SharedUse(SharedUseKind.PerThread, node, parameter.Parameter, region);
                }

                if (scope.Declares(parameter.Parameter))
                {
                    return null;
                }

                return new SharedUse(IsUnderLock(node, region) ? SharedUseKind.UnderLock : SharedUseKind.Shared, node, parameter.Parameter, region);

            default:
                return null;
        }
    }

    private static SharedUse? ClassifyField(IOperation node, IFieldSymbol field, ISymbol symbol, ParallelScope scope, ScopeRegion region, RngKnownTypes types, FunctionBodies bodies)
    {
        if (WorkerContexts.IsThreadStatic(field, types))
        {
            return ThreadStaticSeeding(field, scope, types) == PerThreadSeeding.Deterministic
                ? new SharedUse(SharedUseKind.PerThread, node, symbol, region)
                : null;
        }

        var initializer = symbol is IPropertySymbol property ? bodies.GetPropertyInitializer(property, node) : bodies.GetFieldInitializer(field, node);
        if (initializer is not null && IsRandomShared(initializer.WalkDownConversions(), types))
        {
            return new SharedUse(SharedUseKind.HoldsRandomShared, node, symbol, region);
        }

        return new SharedUse(IsUnderLock(node, region) ? SharedUseKind.UnderLock : SharedUseKind.Shared, node, symbol, region);
    }

    // An instance member is shared when its object is: this, a static or shared field, or a local or parameter from
    // outside the body. agents[i].Rng or item.Rng belongs to one item.
    private static bool IsSharedInstance(IOperation? instance, ParallelScope scope)
    {
        for (var current = instance?.WalkDownConversions(); ; )
        {
            switch (current)
            {
                case null:
                case IInstanceReferenceOperation:
                    return true;
                case ILocalReferenceOperation local:
                    return !scope.Declares(local.Local);
                case IParameterReferenceOperation parameter:
                    return !scope.Declares(parameter.Parameter);
                case IFieldReferenceOperation field:
                    current = field.Instance?.WalkDownConversions();
                    continue;
                default:
                    return false;
            }
        }
    }

    /// <summary>The compiler-generated backing field of an auto-property, or null for a property with accessor bodies.</summary>
    public static IFieldSymbol? AutoPropertyBackingField(IPropertySymbol property)
    {
        var definition = property.OriginalDefinition;
        foreach (var member in definition.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } backing
                && SymbolEqualityComparer.Default.Equals(backing.AssociatedSymbol, definition))
            {
                return backing;
            }
        }

        return null;
    }

    // root.Jumped(i) and root.State copy the root's state without drawing from it: per-item jumped streams from a
    // shared root are the documented way to use jumps in parallel (overlaps between them are RNG3001's business).
    private static bool OnlyReadsState(IOperation reference) => reference.Parent switch
    {
        IInvocationOperation { TargetMethod.Name: "Jumped" } invocation => invocation.Instance == reference,
        IPropertyReferenceOperation { Property.Name: "State" } property => property.Instance == reference,
        _ => false,
    };

    private static bool IsPlainWriteTarget(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;

    private static bool IsUnderLock(IOperation reference, ScopeRegion region)
    {
        for (var current = reference.Parent; current is not null && current != region.Root; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }
        }

        return false;
    }

    // var rng = Random.Shared; ... Parallel.For(..., i => rng.Next()): the same as Random.Shared.
    private static bool HoldsOnlyRandomShared(ILocalReferenceOperation local, RngKnownTypes types)
    {
        var any = false;
        foreach (var value in OperationHelpers.GetAssignedValues(local.GetRoot(), local.Local))
        {
            if (!IsRandomShared(value.WalkDownConversions(), types))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // The localInit state parameter of a body whose localInit creates an RNG with deterministic per-thread seeds.
    private static IParameterSymbol? LocalStateParameter(ParallelDelegate body, RngKnownTypes types)
    {
        if (body.Role != ParallelDelegateRole.Body || !body.HasLocalState || body.Target.Parameters.Length == 0)
        {
            return null;
        }

        var state = body.Target.Parameters[body.Target.Parameters.Length - 1];
        if (!types.IsRngType(state.Type))
        {
            return null;
        }

        foreach (var candidate in ParallelBodies.GetDelegates(body.Call, types))
        {
            if (candidate.Role == ParallelDelegateRole.LocalInit
                && candidate.Lambda is { } lambda
                && ReturnedValue(lambda) is { } created
                && PerThreadSeeds.ClassifyPerThread(created, lambda, types) == PerThreadSeeding.Deterministic)
            {
                return state;
            }
        }

        return null;
    }

    // How the RNGs of a ThreadLocal<RNG> (a field or local) are seeded: from its value factory.
    private static PerThreadSeeding ThreadLocalSeeding(IOperation owner, FunctionBodies bodies, RngKnownTypes types)
    {
        IOperation? creation = owner switch
        {
            IFieldReferenceOperation field => bodies.GetFieldInitializer(field.Field, owner),
            ILocalReferenceOperation local => OperationHelpers.GetReachingValue(local),
            _ => null,
        };

        if (creation?.WalkDownConversions() is not IObjectCreationOperation { Arguments: var arguments })
        {
            return PerThreadSeeding.Unknown;
        }

        foreach (var argument in arguments)
        {
            if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory }
                && ReturnedValue(factory) is { } created)
            {
                return PerThreadSeeds.ClassifyPerThread(created, factory, types);
            }
        }

        return PerThreadSeeding.Unknown;
    }

    // How a [ThreadStatic] RNG is seeded: from the assignments to it in the scope (its lazy initialisation).
    private static PerThreadSeeding ThreadStaticSeeding(IFieldSymbol field, ParallelScope scope, RngKnownTypes types)
    {
        var result = PerThreadSeeding.Unknown;
        foreach (var region in scope.Regions)
        {
            foreach (var node in region.Root.Descendants())
            {
                if (node is IAssignmentOperation { Target: IFieldReferenceOperation target } assignment
                    && assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation
                    && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field))
                {
                    var seeding = PerThreadSeeds.ClassifyPerThread(assignment.Value, WorkerContexts.FunctionRoot(assignment), types);
                    if (seeding != PerThreadSeeding.Deterministic)
                    {
                        return seeding;
                    }

                    result = seeding;
                }
            }
        }

        return result;
    }

    /// <summary>The value a lambda returns, when it has exactly one return, looking through one local (<c>var r = new Random(s); return r;</c>).</summary>
    public static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
    {
        IOperation? returned = null;
        foreach (var node in lambda.Body.Descendants())
        {
            if (node is IReturnOperation { ReturnedValue: { } value } && IsDirectlyIn(node, lambda))
            {
                if (returned is not null)
                {
                    return null;
                }

                returned = value;
            }
        }

        if (returned?.WalkDownConversions() is ILocalReferenceOperation local)
        {
            returned = OperationHelpers.GetReachingValue(local);
        }

        return returned;
    }

    private static bool IsDirectlyIn(IOperation node, IAnonymousFunctionOperation lambda)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current == lambda)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }
}
