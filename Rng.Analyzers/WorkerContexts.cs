using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>Code that runs once per iteration, worker or thread, so an RNG created there should get a different seed each time.</summary>
internal enum WorkerContextKind
{
    /// <summary>The body of a for, foreach, while or do loop.</summary>
    LoopBody,

    /// <summary>A delegate passed to a parallel API as the body (once per item or task).</summary>
    ParallelBody,

    /// <summary>Parallel.For/ForEach localInit (once per worker).</summary>
    LocalInit,

    /// <summary>The value factory of a ThreadLocal&lt;T&gt; (once per thread).</summary>
    ThreadLocalFactory,

    /// <summary>An assignment to a [ThreadStatic] field outside its declaration (lazy, once per thread).</summary>
    ThreadStaticInitializer,

    /// <summary>A function called from a parallel body (found by following calls).</summary>
    CalledFromParallelBody,
}

/// <summary>The innermost per-iteration/worker/thread context of an operation.</summary>
internal sealed class WorkerContext
{
    public WorkerContext(WorkerContextKind kind, IOperation boundary, ParallelDelegate? parallelDelegate)
    {
        Kind = kind;
        Boundary = boundary;
        ParallelDelegate = parallelDelegate;
    }

    public WorkerContextKind Kind { get; }

    /// <summary>
    /// The code that is repeated: the loop, the lambda or local function, or the whole function for thread-static
    /// initialisation and called functions. Locals and parameters declared inside it differ per repetition.
    /// </summary>
    public IOperation Boundary { get; }

    /// <summary>The parallel delegate, for parallel bodies and localInit.</summary>
    public ParallelDelegate? ParallelDelegate { get; }

    /// <summary>The word messages use: "iteration", "worker" or "thread".</summary>
    public string Noun => Kind switch
    {
        WorkerContextKind.LoopBody => "iteration",
        WorkerContextKind.ParallelBody or WorkerContextKind.LocalInit or WorkerContextKind.CalledFromParallelBody => "worker",
        _ => "thread",
    };

    /// <summary>
    /// The integer index that distinguishes the repetitions, if the context has one in scope at the seed:
    /// a for-loop variable, an integer foreach variable, or a parallel body's integer index or item parameter.
    /// </summary>
    public ISymbol? Index(RngKnownTypes types)
    {
        switch (Boundary)
        {
            case IForLoopOperation forLoop:
                foreach (var local in forLoop.Locals)
                {
                    if (types.IsIntegerType(local.Type) && local.Type.SpecialType != SpecialType.None)
                    {
                        return local;
                    }
                }

                return null;
            case IForEachLoopOperation forEach:
                foreach (var local in forEach.Locals)
                {
                    if (local.Type.SpecialType != SpecialType.None && types.IsIntegerType(local.Type))
                    {
                        return local;
                    }
                }

                return null;
        }

        if (Kind == WorkerContextKind.ParallelBody && ParallelDelegate is { } parallelDelegate)
        {
            // ForEach and PLINQ put the index after the item: prefer it, since items may repeat.
            var parameters = parallelDelegate.Target.Parameters;
            var indexLast = parallelDelegate.Kind is ParallelApiKind.ParallelForEach or ParallelApiKind.ParallelForEachAsync or ParallelApiKind.Plinq;
            foreach (var parameter in indexLast ? parameters.Reverse() : parameters.AsEnumerable())
            {
                if (parameter.Type.SpecialType != SpecialType.None
                    && types.IsIntegerType(parameter.Type)
                    && ParallelBodies.IsPerWorkerParameter(parameter, parallelDelegate, types))
                {
                    return parameter;
                }
            }
        }

        return null;
    }
}

/// <summary>Finds the per-iteration/worker/thread context of a seed, and decides whether a value stays the same in every repetition.</summary>
internal static class WorkerContexts
{
    /// <summary>
    /// The innermost context that repeats <paramref name="operation"/>: a loop body, a parallel delegate, a ThreadLocal
    /// factory, or an assignment to a [ThreadStatic] field. Ordinary lambdas stop the search (when they run is unknown).
    /// </summary>
    public static WorkerContext? Find(IOperation operation, RngKnownTypes types)
    {
        if (IsThreadStaticAssignmentValue(operation, types))
        {
            return new WorkerContext(WorkerContextKind.ThreadStaticInitializer, FunctionRoot(operation), null);
        }

        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when loop.Body == child:
                    return new WorkerContext(WorkerContextKind.LoopBody, loop, null);
                case IAnonymousFunctionOperation lambda:
                    if (ParallelBodies.TryGetParallelDelegate(lambda, types, out var parallelDelegate))
                    {
                        return parallelDelegate.Role switch
                        {
                            ParallelDelegateRole.Body => new WorkerContext(WorkerContextKind.ParallelBody, lambda, parallelDelegate),
                            ParallelDelegateRole.LocalInit => new WorkerContext(WorkerContextKind.LocalInit, lambda, parallelDelegate),
                            _ => null,
                        };
                    }

                    return IsThreadLocalFactory(lambda, types) ? new WorkerContext(WorkerContextKind.ThreadLocalFactory, lambda, null) : null;
                case ILocalFunctionOperation localFunction:
                    if (ParallelBodies.TryGetParallelDelegateOfLocalFunction(localFunction, types, out var localDelegate))
                    {
                        return localDelegate.Role switch
                        {
                            ParallelDelegateRole.Body => new WorkerContext(WorkerContextKind.ParallelBody, localFunction, localDelegate),
                            ParallelDelegateRole.LocalInit => new WorkerContext(WorkerContextKind.LocalInit, localFunction, localDelegate),
                            _ => null,
                        };
                    }

                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="lambda"/> is the valueFactory of <c>new ThreadLocal&lt;T&gt;(...)</c>.</summary>
    public static bool IsThreadLocalFactory(IAnonymousFunctionOperation lambda, RngKnownTypes types)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: IObjectCreationOperation creation }
            && RngKnownTypes.Is(creation.Type, types.ThreadLocalOfT);
    }

    /// <summary>True for a [ThreadStatic] field.</summary>
    public static bool IsThreadStatic(IFieldSymbol field, RngKnownTypes types)
    {
        if (types.ThreadStaticAttribute is null || !field.IsStatic)
        {
            return false;
        }

        foreach (var attribute in field.GetAttributes())
        {
            if (RngKnownTypes.Is(attribute.AttributeClass, types.ThreadStaticAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="value"/> (through conversions) is assigned, plainly or by <c>??=</c>, to a [ThreadStatic]
    /// field in ordinary code: lazy per-thread initialisation (a declaration's initializer is RNG2003's business).
    /// </summary>
    public static bool IsThreadStaticAssignmentValue(IOperation value, RngKnownTypes types)
    {
        var current = value.WalkUpConversions();
        return current.Parent is IAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } } assignment
            && assignment.Value == current
            && assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation
            && IsThreadStatic(field, types);
    }

    /// <summary>The lambda, local function or member body that contains <paramref name="operation"/>.</summary>
    public static IOperation FunctionRoot(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            if (current.Parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current.Parent;
            }

            current = current.Parent;
        }

        return current;
    }
}

/// <summary>
/// Decides whether a value is the same in every repetition of a context: built only from constants, readonly fields,
/// auto-properties and locals or parameters that the repeated code neither declares (with a varying value) nor changes.
/// Calls are never invariant: a seed drawn from a locked seeder differs per item.
/// </summary>
internal sealed class Invariance
{
    private readonly IOperation _boundary;
    private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);
    private List<IOperation>? _writes;
    private int _budget = OperationHelpers.MaxVisitedNodes;

    public Invariance(IOperation boundary)
    {
        _boundary = boundary;
    }

    /// <summary>True when <paramref name="operation"/> has the same value every time the boundary's code runs.</summary>
    public bool IsInvariant(IOperation operation)
    {
        if (--_budget < 0)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return !conversion.Conversion.IsUserDefined && IsInvariant(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return IsInvariant(parenthesized.Operand);
            case IBinaryOperation binary:
                return binary.OperatorMethod is null && IsInvariant(binary.LeftOperand) && IsInvariant(binary.RightOperand);
            case IUnaryOperation unary:
                return unary.OperatorMethod is null && IsInvariant(unary.Operand);
            case IInstanceReferenceOperation:
                return true;
            case ILocalReferenceOperation local:
                return IsInvariantLocal(local);
            case IParameterReferenceOperation parameter:
                return !DeclaredInside(parameter.Parameter) && !WrittenInside(parameter.Parameter);
            case IFieldReferenceOperation field:
                return IsInvariantField(field);
            case IPropertyReferenceOperation property:
                return IsInvariantAutoProperty(property);
            case IArrayElementReferenceOperation element:
                if (!IsInvariant(element.ArrayReference) || ReferencedSymbol(element.ArrayReference) is not { } array || ElementWrittenInside(array))
                {
                    return false;
                }

                foreach (var index in element.Indices)
                {
                    if (!IsInvariant(index))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private bool IsInvariantLocal(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsConst)
        {
            return true;
        }

        if (!DeclaredInside(local))
        {
            return !WrittenInside(local);
        }

        // Declared inside: invariant when it has one plain definition whose value is invariant.
        if (!_visiting.Add(local) || CountDefinitions(local) != 1)
        {
            return false;
        }

        var value = OperationHelpers.GetReachingValue(reference);
        var result = value is not null && IsInvariant(value);
        _visiting.Remove(local);
        return result;
    }

    private bool IsInvariantField(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (field.IsConst)
        {
            return true;
        }

        if (reference.Instance is { } instance && !IsInvariant(instance))
        {
            return false;
        }

        return field.IsReadOnly || !WrittenInside(field);
    }

    private bool IsInvariantAutoProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.Parameters.Length > 0 || property.IsIndexer || (reference.Instance is { } instance && !IsInvariant(instance)))
        {
            return false;
        }

        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } backing
                && SymbolEqualityComparer.Default.Equals(backing.AssociatedSymbol, property.OriginalDefinition))
            {
                return property.SetMethod is null || !WrittenInside(property);
            }
        }

        return false;
    }

    private bool DeclaredInside(ISymbol symbol)
    {
        var syntax = _boundary.Syntax;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == syntax.SyntaxTree && syntax.FullSpan.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private int CountDefinitions(ILocalSymbol local)
    {
        var count = 0;
        foreach (var write in Writes())
        {
            if (SymbolEqualityComparer.Default.Equals(WrittenSymbol(write), local))
            {
                count++;
            }
        }

        foreach (var descendant in _boundary.DescendantsAndSelf())
        {
            if (descendant is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                && (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is not null)
            {
                count++;
            }
        }

        return count;
    }

    private bool WrittenInside(ISymbol symbol)
    {
        var definition = symbol.OriginalDefinition;
        foreach (var write in Writes())
        {
            if (SymbolEqualityComparer.Default.Equals(WrittenSymbol(write)?.OriginalDefinition, definition))
            {
                return true;
            }
        }

        return false;
    }

    private bool ElementWrittenInside(ISymbol array)
    {
        foreach (var write in Writes())
        {
            if (write is IArrayElementReferenceOperation element
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(element.ArrayReference), array))
            {
                return true;
            }
        }

        return false;
    }

    // Every operation the boundary's code writes to: assignment targets, ++/--, ref and out arguments.
    private List<IOperation> Writes()
    {
        if (_writes is not null)
        {
            return _writes;
        }

        _writes = new List<IOperation>();
        foreach (var descendant in _boundary.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IAssignmentOperation assignment:
                    if (assignment is IDeconstructionAssignmentOperation deconstruction)
                    {
                        foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        {
                            _writes.Add(target);
                        }
                    }
                    else
                    {
                        _writes.Add(assignment.Target.WalkDownConversions());
                    }

                    break;
                case IIncrementOrDecrementOperation increment:
                    _writes.Add(increment.Target.WalkDownConversions());
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                    _writes.Add(argument.Value.WalkDownConversions());
                    break;
            }
        }

        return _writes;
    }

    private static ISymbol? WrittenSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private static ISymbol? ReferencedSymbol(IOperation operation) => WrittenSymbol(operation.WalkDownConversions());
}
