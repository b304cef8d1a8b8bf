using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>The APIs that run a delegate on other threads.</summary>
internal enum ParallelApiKind
{
    ParallelFor,
    ParallelForEach,
    ParallelForAsync,
    ParallelForEachAsync,
    ParallelInvoke,
    TaskRun,
    TaskFactoryStartNew,
    NewThread,
    ThreadPoolQueue,
    Plinq,
}

/// <summary>What a delegate passed to a parallel API is for.</summary>
internal enum ParallelDelegateRole
{
    /// <summary>The work itself: runs once per item, iteration or task, possibly concurrently.</summary>
    Body,

    /// <summary>Parallel.For/ForEach localInit: runs once per worker thread (or per partition).</summary>
    LocalInit,

    /// <summary>Parallel.For/ForEach localFinally: runs once per worker thread.</summary>
    LocalFinally,
}

/// <summary>A delegate (lambda, anonymous method or method group) passed to a parallel API.</summary>
internal sealed class ParallelDelegate
{
    public ParallelDelegate(IOperation call, ParallelApiKind kind, ParallelDelegateRole role, IOperation delegateValue, IMethodSymbol target, bool hasLocalState)
    {
        Call = call;
        Kind = kind;
        Role = role;
        DelegateValue = delegateValue;
        Target = target;
        HasLocalState = hasLocalState;
    }

    /// <summary>The IInvocationOperation or IObjectCreationOperation of the parallel API.</summary>
    public IOperation Call { get; }

    public ParallelApiKind Kind { get; }

    public ParallelDelegateRole Role { get; }

    /// <summary>The IAnonymousFunctionOperation or IMethodReferenceOperation passed.</summary>
    public IOperation DelegateValue { get; }

    /// <summary>The lambda's symbol, or the method (local function, method) the method group refers to.</summary>
    public IMethodSymbol Target { get; }

    /// <summary>True when the call also has a localInit: the body's last parameter is then per-thread state, not per-item.</summary>
    public bool HasLocalState { get; }

    /// <summary>The lambda, when the delegate is one.</summary>
    public IAnonymousFunctionOperation? Lambda => DelegateValue as IAnonymousFunctionOperation;
}

/// <summary>Finds parallel bodies: delegates passed to Parallel.*, Task.Run, TaskFactory.StartNew, new Thread, ThreadPool.*QueueUserWorkItem and PLINQ operators.</summary>
internal static class ParallelBodies
{
    /// <summary>Which parallel API <paramref name="method"/> is, if any.</summary>
    public static bool TryGetApiKind(IMethodSymbol method, RngKnownTypes types, out ParallelApiKind kind)
    {
        kind = default;

        // Called for every invocation and creation: reject by name before touching the containing type. PLINQ operators
        // are extension methods of ParallelEnumerable with many names, so extension methods pass this first test.
        switch (method.Name)
        {
            case "For" or "ForEach" or "ForAsync" or "ForEachAsync" or "Invoke" or "Run" or "StartNew" or ".ctor" or "QueueUserWorkItem" or "UnsafeQueueUserWorkItem":
                break;
            default:
                if (!method.IsExtensionMethod && method.MethodKind != MethodKind.ReducedExtension)
                {
                    return false;
                }

                break;
        }

        switch (method.ContainingType?.Name)
        {
            case "Parallel" or "Task" or "TaskFactory" or "Thread" or "ThreadPool" or "ParallelEnumerable":
                break;
            default:
                return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var type = definition.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (RngKnownTypes.Is(type, types.Parallel))
        {
            switch (definition.Name)
            {
                case "For": kind = ParallelApiKind.ParallelFor; return true;
                case "ForEach": kind = ParallelApiKind.ParallelForEach; return true;
                case "ForAsync": kind = ParallelApiKind.ParallelForAsync; return true;
                case "ForEachAsync": kind = ParallelApiKind.ParallelForEachAsync; return true;
                case "Invoke": kind = ParallelApiKind.ParallelInvoke; return true;
                default: return false;
            }
        }

        if (RngKnownTypes.Is(type, types.Task) && definition.Name == "Run")
        {
            kind = ParallelApiKind.TaskRun;
            return true;
        }

        if ((RngKnownTypes.Is(type, types.TaskFactory) || RngKnownTypes.Is(type, types.TaskFactoryOfT)) && definition.Name == "StartNew")
        {
            kind = ParallelApiKind.TaskFactoryStartNew;
            return true;
        }

        if (RngKnownTypes.Is(type, types.Thread) && definition.MethodKind == MethodKind.Constructor)
        {
            kind = ParallelApiKind.NewThread;
            return true;
        }

        if (RngKnownTypes.Is(type, types.ThreadPool) && definition.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem")
        {
            kind = ParallelApiKind.ThreadPoolQueue;
            return true;
        }

        if (RngKnownTypes.Is(type, types.ParallelEnumerable))
        {
            kind = ParallelApiKind.Plinq;
            return true;
        }

        return false;
    }

    /// <summary>Every delegate passed to <paramref name="call"/> when it is a parallel API, with its role.</summary>
    public static IEnumerable<ParallelDelegate> GetDelegates(IOperation call, RngKnownTypes types)
    {
        if (!TryGetCall(call, out var method, out var arguments) || !TryGetApiKind(method, types, out var kind))
        {
            yield break;
        }

        var hasLocalState = HasLocalInit(kind, arguments);
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || !TryGetRole(kind, parameter, out var role))
            {
                continue;
            }

            foreach (var delegateValue in DelegateValues(argument.Value))
            {
                if (TargetOf(delegateValue) is { } target)
                {
                    yield return new ParallelDelegate(call, kind, role, delegateValue, target, hasLocalState);
                }
            }
        }
    }

    /// <summary>
    /// If the lambda or method reference <paramref name="delegateValue"/> is passed (directly, or as an element of
    /// Parallel.Invoke's array) to a parallel API, describes it.
    /// </summary>
    public static bool TryGetParallelDelegate(IOperation delegateValue, RngKnownTypes types, out ParallelDelegate parallelDelegate)
    {
        parallelDelegate = null!;
        var current = delegateValue.Parent;

        // lambda -> delegate creation -> (conversions) -> argument, or -> array initializer -> array creation -> argument.
        while (current is IDelegateCreationOperation or IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation)
        {
            current = current.Parent;
        }

        if (current is not IArgumentOperation { Parameter: { } parameter, Parent: { } call }
            || !TryGetCall(call, out var method, out var arguments)
            || !TryGetApiKind(method, types, out var kind)
            || !TryGetRole(kind, parameter, out var role)
            || TargetOf(delegateValue) is not { } target)
        {
            return false;
        }

        parallelDelegate = new ParallelDelegate(call, kind, role, delegateValue, target, HasLocalInit(kind, arguments));
        return true;
    }

    /// <summary>
    /// The innermost parallel delegate (with the given role, any role when null) whose lambda contains
    /// <paramref name="operation"/>; nested ordinary lambdas are looked through.
    /// </summary>
    public static bool TryGetEnclosing(IOperation operation, RngKnownTypes types, out ParallelDelegate parallelDelegate, ParallelDelegateRole? role = ParallelDelegateRole.Body)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda
                && TryGetParallelDelegate(lambda, types, out parallelDelegate)
                && (role is null || parallelDelegate.Role == role))
            {
                return true;
            }

            if (current is ILocalFunctionOperation localFunction
                && TryGetParallelDelegateOfLocalFunction(localFunction, types, out parallelDelegate)
                && (role is null || parallelDelegate.Role == role))
            {
                return true;
            }
        }

        parallelDelegate = null!;
        return false;
    }

    /// <summary>If a local function is passed as a method group to a parallel API in the same body, describes that use.</summary>
    public static bool TryGetParallelDelegateOfLocalFunction(ILocalFunctionOperation localFunction, RngKnownTypes types, out ParallelDelegate parallelDelegate)
    {
        parallelDelegate = null!;
        var root = localFunction.GetRoot();
        foreach (var descendant in root.Descendants())
        {
            if (descendant is IMethodReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, localFunction.Symbol.OriginalDefinition)
                && TryGetParallelDelegate(reference, types, out parallelDelegate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="parameter"/> of a parallel body differs per item or worker: a Parallel.For index,
    /// a ForEach item or index, a PLINQ element or index, or the state handed to a thread or task.
    /// Loop state, cancellation tokens and localInit state are not.
    /// </summary>
    public static bool IsPerWorkerParameter(IParameterSymbol parameter, ParallelDelegate parallelDelegate, RngKnownTypes types)
    {
        if (parallelDelegate.Role != ParallelDelegateRole.Body
            || RngKnownTypes.Is(parameter.Type, types.ParallelLoopState)
            || RngKnownTypes.Is(parameter.Type, types.CancellationToken))
        {
            return false;
        }

        var parameters = parallelDelegate.Target.Parameters;
        if (parallelDelegate.HasLocalState && parameter.Ordinal == parameters.Length - 1)
        {
            return false;
        }

        return true;
    }

    private static bool TryGetRole(ParallelApiKind kind, IParameterSymbol parameter, out ParallelDelegateRole role)
    {
        role = ParallelDelegateRole.Body;
        var type = parameter.Type;
        var isDelegate = type.TypeKind == TypeKind.Delegate
            || type is IArrayTypeSymbol { ElementType.TypeKind: TypeKind.Delegate };
        if (!isDelegate)
        {
            return false;
        }

        if (kind is ParallelApiKind.ParallelFor or ParallelApiKind.ParallelForEach)
        {
            if (parameter.Name == "localInit")
            {
                role = ParallelDelegateRole.LocalInit;
            }
            else if (parameter.Name == "localFinally")
            {
                role = ParallelDelegateRole.LocalFinally;
            }
        }

        return true;
    }

    private static bool HasLocalInit(ParallelApiKind kind, ImmutableArray<IArgumentOperation> arguments)
    {
        if (kind is not (ParallelApiKind.ParallelFor or ParallelApiKind.ParallelForEach))
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "localInit")
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IOperation> DelegateValues(IOperation value)
    {
        var current = value.WalkDownConversions();
        if (current is IDelegateCreationOperation creation)
        {
            var target = creation.Target.WalkDownConversions();
            if (target is IAnonymousFunctionOperation or IMethodReferenceOperation)
            {
                yield return target;
            }
        }
        else if (current is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                foreach (var inner in DelegateValues(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IMethodSymbol? TargetOf(IOperation delegateValue) => delegateValue switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol,
        IMethodReferenceOperation reference => reference.Method,
        _ => null,
    };

    private static bool TryGetCall(IOperation call, out IMethodSymbol method, out ImmutableArray<IArgumentOperation> arguments)
    {
        switch (call)
        {
            case IInvocationOperation invocation:
                method = invocation.TargetMethod;
                arguments = invocation.Arguments;
                return true;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                method = constructor;
                arguments = creation.Arguments;
                return true;
            default:
                method = null!;
                arguments = default;
                return false;
        }
    }
}
