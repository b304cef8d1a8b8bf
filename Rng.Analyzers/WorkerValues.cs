using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>Why a value differs per iteration or worker.</summary>
internal enum WorkerValueKind
{
    /// <summary>A for/foreach iteration variable.</summary>
    LoopVariable,

    /// <summary>A local incremented inside an enclosing loop (a hand-made iteration counter).</summary>
    LoopCounter,

    /// <summary>A parallel body's index, item or state parameter.</summary>
    ParallelIndex,

    /// <summary>Thread.ManagedThreadId or Environment.CurrentManagedThreadId.</summary>
    ThreadId,

    /// <summary>Task.CurrentId or Task.Id.</summary>
    TaskId,

    /// <summary>The result of Interlocked.Increment/Decrement/Add (a shared worker counter).</summary>
    InterlockedCounter,
}

/// <summary>A value that differs per iteration or worker, found in a seed expression.</summary>
internal readonly struct WorkerValue
{
    public WorkerValue(WorkerValueKind kind, IOperation operation)
    {
        Kind = kind;
        Operation = operation;
    }

    public WorkerValueKind Kind { get; }

    /// <summary>The operation as written at the point where it was found (a local or parameter reference, a property, a call).</summary>
    public IOperation Operation { get; }

    /// <summary>The noun without its article, e.g. "loop index".</summary>
    public string NounWithoutArticle => Noun.Substring(Noun.IndexOf(' ') + 1);

    /// <summary>A short noun phrase for messages, e.g. "a loop index".</summary>
    public string Noun => Kind switch
    {
        WorkerValueKind.LoopVariable => "a loop index",
        WorkerValueKind.LoopCounter => "a loop counter",
        WorkerValueKind.ParallelIndex => "a worker index",
        WorkerValueKind.ThreadId => "a thread id",
        WorkerValueKind.TaskId => "a task id",
        _ => "an Interlocked counter",
    };
}

/// <summary>
/// Classifies operations as per-iteration / per-worker values: for and foreach variables, loop counters,
/// parallel-body index parameters, thread and task ids and Interlocked counters, looking through conversions
/// and through locals assigned earlier in the method.
/// </summary>
internal static class WorkerValues
{
    /// <summary>
    /// True when <paramref name="operation"/> itself (through conversions and plain local copies) is a per-worker value,
    /// such as <c>i</c>, <c>(long)workerId</c> or <c>var id = Interlocked.Increment(ref next); ... id</c>.
    /// Arithmetic on such a value (<c>i + 1</c>) is not itself a worker value; see <see cref="ContainsWorkerValue"/>.
    /// </summary>
    public static bool TryClassify(IOperation operation, RngKnownTypes types, out WorkerValue value)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        return TryClassify(operation, types, visited, out value);
    }

    /// <summary>True when a per-worker value occurs anywhere in <paramref name="operation"/> (through arithmetic, calls and locals).</summary>
    public static bool ContainsWorkerValue(IOperation operation, RngKnownTypes types, out WorkerValue value)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var budget = OperationHelpers.MaxVisitedNodes;
        return Contains(operation, types, visited, ref budget, out value);
    }

    private static bool Contains(IOperation operation, RngKnownTypes types, HashSet<ISymbol> visited, ref int budget, out WorkerValue value)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (--budget < 0)
            {
                break;
            }

            if (node is IAnonymousFunctionOperation)
            {
                continue;
            }

            if (TryClassifyDirect(node, types, out value))
            {
                return true;
            }

            if (node is ILocalReferenceOperation local && visited.Add(local.Local)
                && OperationHelpers.GetReachingValue(local) is { } assigned
                && Contains(assigned, types, visited, ref budget, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryClassify(IOperation operation, RngKnownTypes types, HashSet<ISymbol> visited, out WorkerValue value)
    {
        var current = operation.WalkDownConversions();
        if (TryClassifyDirect(current, types, out value))
        {
            return true;
        }

        // Null-coalescing on Task.CurrentId ?? 0 and similar.
        if (current is ICoalesceOperation coalesce)
        {
            return TryClassify(coalesce.Value, types, visited, out value);
        }

        if (current is ILocalReferenceOperation local && visited.Add(local.Local)
            && OperationHelpers.GetReachingValue(local) is { } assigned)
        {
            return TryClassify(assigned, types, visited, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Classifies one node without following locals.</summary>
    private static bool TryClassifyDirect(IOperation operation, RngKnownTypes types, out WorkerValue value)
    {
        value = default;
        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (IsLoopVariable(local, out var isCounter))
                {
                    value = new WorkerValue(isCounter ? WorkerValueKind.LoopCounter : WorkerValueKind.LoopVariable, operation);
                    return true;
                }

                return false;

            case IParameterReferenceOperation parameterReference:
                if (IsParallelBodyParameter(parameterReference, types))
                {
                    value = new WorkerValue(WorkerValueKind.ParallelIndex, operation);
                    return true;
                }

                return false;

            case IPropertyReferenceOperation property:
                var propertyType = property.Property.ContainingType;
                var name = property.Property.Name;
                if ((RngKnownTypes.Is(propertyType, types.Thread) && name == "ManagedThreadId")
                    || (RngKnownTypes.Is(propertyType, types.Environment) && name == "CurrentManagedThreadId"))
                {
                    value = new WorkerValue(WorkerValueKind.ThreadId, operation);
                    return true;
                }

                if (RngKnownTypes.Is(propertyType, types.Task) && name is "CurrentId" or "Id")
                {
                    value = new WorkerValue(WorkerValueKind.TaskId, operation);
                    return true;
                }

                return false;

            case IInvocationOperation invocation:
                if (RngKnownTypes.Is(invocation.TargetMethod.ContainingType, types.Interlocked)
                    && invocation.TargetMethod.Name is "Increment" or "Decrement" or "Add")
                {
                    value = new WorkerValue(WorkerValueKind.InterlockedCounter, operation);
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    /// <summary>
    /// True for a for/foreach iteration variable of a loop enclosing <paramref name="reference"/>, or a local
    /// incremented inside such a loop (<c>int n = 0; while (...) { ... n++; }</c>).
    /// </summary>
    private static bool IsLoopVariable(ILocalReferenceOperation reference, out bool isCounter)
    {
        isCounter = false;
        var local = reference.Local;
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IForEachLoopOperation forEach when Contains(forEach.Locals, local):
                    return true;
                case IForLoopOperation forLoop when Contains(forLoop.Locals, local) || IsIncrementedIn(forLoop.AtLoopBottom, local):
                    return true;
                case ILoopOperation loop when IsIncrementedIn(loop.Body, local) && !IsDeclaredIn(loop.Body, local):
                    isCounter = true;
                    return true;
            }
        }

        return false;
    }

    private static bool IsParallelBodyParameter(IParameterReferenceOperation reference, RngKnownTypes types)
    {
        var parameter = reference.Parameter;
        if (parameter.ContainingSymbol is not IMethodSymbol owner
            || owner.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
        {
            return false;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            ParallelDelegate? parallelDelegate = null;
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, owner))
            {
                ParallelBodies.TryGetParallelDelegate(lambda, types, out parallelDelegate);
            }
            else if (current is ILocalFunctionOperation localFunction && SymbolEqualityComparer.Default.Equals(localFunction.Symbol, owner))
            {
                ParallelBodies.TryGetParallelDelegateOfLocalFunction(localFunction, types, out parallelDelegate);
            }
            else
            {
                continue;
            }

            return parallelDelegate is not null && ParallelBodies.IsPerWorkerParameter(parameter, parallelDelegate, types);
        }

        return false;
    }

    private static bool Contains(System.Collections.Immutable.ImmutableArray<ILocalSymbol> locals, ILocalSymbol local)
    {
        foreach (var candidate in locals)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIncrementedIn(IEnumerable<IOperation> operations, ILocalSymbol local)
    {
        foreach (var operation in operations)
        {
            if (IsIncrementedIn(operation, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIncrementedIn(IOperation? operation, ILocalSymbol local)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var node in operation.DescendantsAndSelf())
        {
            if ((node is IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                || (node is ICompoundAssignmentOperation { Target: ILocalReferenceOperation compoundTarget }
                    && SymbolEqualityComparer.Default.Equals(compoundTarget.Local, local)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredIn(IOperation? operation, ILocalSymbol local)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return true;
            }
        }

        return false;
    }
}
