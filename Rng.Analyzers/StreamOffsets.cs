using System.Collections.Generic;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>
/// The integers an expression certainly takes in one method: <c>Base + [Low, High]</c>, where Base is an unchanged local,
/// parameter or readonly field (or nothing, for constants) and [Low, High] is what loops certainly cover: a constant is one
/// value; <c>for (int i = 2; i &lt; 6; i++)</c> makes i cover [2, 5]; a loop with an unknown bound certainly covers only its
/// first value. Two values from the same base certainly coincide once when their ranges intersect.
/// </summary>
internal readonly struct OffsetSet
{
    public OffsetSet(ISymbol? @base, BigInteger low, BigInteger high, bool isExact)
    {
        Base = @base;
        Low = low;
        High = high;
        IsExact = isExact;
    }

    /// <summary>The symbol the values are relative to; null for plain numbers.</summary>
    public ISymbol? Base { get; }

    public BigInteger Low { get; }

    public BigInteger High { get; }

    /// <summary>True when the range is everything the expression takes (no loop with an unknown bound), so an offset past it is unused.</summary>
    public bool IsExact { get; }

    public bool IsSingle => Low == High;

    public static OffsetSet Constant(BigInteger value) => new(null, value, value, isExact: true);

    public bool Intersects(OffsetSet other) =>
        SymbolEqualityComparer.Default.Equals(Base, other.Base)
        && BigInteger.Max(Low, other.Low) <= BigInteger.Min(High, other.High);

    public OffsetSet Add(OffsetSet other) => new(Base ?? other.Base, Low + other.Low, High + other.High, IsExact && other.IsExact);

    public OffsetSet Negate() => new(Base, -High, -Low, IsExact);

    /// <summary>For messages: "3", "2 to 5", "rootKey + 1".</summary>
    public string Describe()
    {
        var range = IsSingle ? Low.ToString(System.Globalization.CultureInfo.InvariantCulture) : Low + " to " + (IsExact ? High.ToString(System.Globalization.CultureInfo.InvariantCulture) : "more");
        if (Base is null)
        {
            return range;
        }

        return IsSingle && Low.IsZero ? Base.Name : Base.Name + " + " + (IsSingle ? range : "(" + range + ")");
    }
}

/// <summary>Evaluates integer expressions to <see cref="OffsetSet"/>s within one method.</summary>
internal sealed class OffsetEvaluator
{
    private readonly IOperation _root;
    private readonly RngKnownTypes _types;
    private readonly Dictionary<ISymbol, int> _definitionCounts = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);

    // Locals declared as `new T[constant]`: a loop bounded by their Length runs a known number of times.
    private readonly Dictionary<ISymbol, BigInteger> _arrayLengths = new(SymbolEqualityComparer.Default);
    private int _budget = OperationHelpers.MaxVisitedNodes;

    public OffsetEvaluator(IOperation root, RngKnownTypes types)
    {
        _root = root;
        _types = types;
        foreach (var node in root.Descendants())
        {
            var target = node switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                ICoalesceAssignmentOperation coalesce => coalesce.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                IVariableDeclaratorOperation declarator when (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is not null => declarator,
                _ => null,
            };

            var symbol = target switch
            {
                IVariableDeclaratorOperation declarator => declarator.Symbol,
                null => null,
                _ => SymbolOf(target.WalkDownConversions()),
            };

            if (symbol is not null)
            {
                _definitionCounts[symbol] = _definitionCounts.TryGetValue(symbol, out var count) ? count + 1 : 1;
            }

            if (target is IVariableDeclaratorOperation arrayDeclarator
                && (arrayDeclarator.Initializer ?? (arrayDeclarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value.WalkDownConversions()
                    is IArrayCreationOperation { DimensionSizes: { Length: 1 } sizes }
                && sizes[0].TryGetIntegerConstant(out var length))
            {
                _arrayLengths[arrayDeclarator.Symbol] = length;
            }

            if (node is IDeconstructionAssignmentOperation deconstruction)
            {
                foreach (var inner in deconstruction.Target.DescendantsAndSelf())
                {
                    if (SymbolOf(inner) is { } deconstructed)
                    {
                        _definitionCounts[deconstructed] = 2;
                    }
                }
            }
        }
    }

    /// <summary>How many times <paramref name="symbol"/> is assigned in the method (declaration initializers included).</summary>
    public int Definitions(ISymbol symbol) => _definitionCounts.TryGetValue(symbol, out var count) ? count : 0;

    /// <summary>True for a local assigned exactly once (normally its declaration) or a parameter/field never assigned in the method.</summary>
    public bool IsStable(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => !local.IsRef && Definitions(local) == 1,
        IParameterSymbol parameter => parameter.RefKind == RefKind.None && Definitions(parameter) == 0,
        IFieldSymbol field => field.IsConst || (field.IsReadOnly && Definitions(field) == 0) || Definitions(field) == 0,
        _ => false,
    };

    /// <summary>The integers <paramref name="operation"/> certainly takes, or null when unknown.</summary>
    public OffsetSet? Evaluate(IOperation operation)
    {
        if (--_budget < 0)
        {
            return null;
        }

        if (operation.TryGetIntegerConstant(out var constant))
        {
            return OffsetSet.Constant(constant);
        }

        switch (operation)
        {
            case IConversionOperation conversion when !conversion.Conversion.IsUserDefined || IsExactInteger(conversion.Type, conversion.Operand.Type):
                return Evaluate(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary
                when binary.OperatorMethod is null || IsExactInteger(binary.LeftOperand.Type, binary.RightOperand.Type):
                if (Evaluate(binary.LeftOperand) is not { } left || Evaluate(binary.RightOperand) is not { } right)
                {
                    return null;
                }

                if (binary.OperatorKind == BinaryOperatorKind.Subtract)
                {
                    if (right.Base is not null)
                    {
                        return null;
                    }

                    right = right.Negate();
                }

                // Sums of two ranges (i + j) or two bases are not intervals we can trust.
                return (left.Base is not null && right.Base is not null) || (!left.IsSingle && !right.IsSingle) ? null : left.Add(right);
            case ILocalReferenceOperation local:
                return EvaluateLocal(local);
            case IParameterReferenceOperation parameter:
                return IsStable(parameter.Parameter) && ParallelIndexRange(parameter) is { } index
                    ? index
                    : IsStable(parameter.Parameter) ? new OffsetSet(parameter.Parameter, 0, 0, isExact: true) : null;
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                return IsStable(field.Field) ? new OffsetSet(field.Field.OriginalDefinition, 0, 0, isExact: true) : null;
            default:
                return null;
        }
    }

    // UInt128, Int128 and BigInteger operators and conversions are user-defined but exact integer arithmetic.
    private bool IsExactInteger(ITypeSymbol? a, ITypeSymbol? b) => _types.IsIntegerType(a) && _types.IsIntegerType(b);

    private OffsetSet? EvaluateLocal(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (LoopRange(reference) is { } loop)
        {
            return loop;
        }

        if (!IsStable(local) || !_visiting.Add(local))
        {
            return null;
        }

        var value = OperationHelpers.GetReachingValue(reference);
        var result = value is null ? null : Evaluate(value);
        _visiting.Remove(local);

        // A stable local with an unknown value is its own base (var key = ComputeKey(); FromKey(key) twice).
        return result ?? new OffsetSet(local, 0, 0, isExact: true);
    }

    // for (int i = A; i < B; i++) with constant A: [A, B - 1], or [A, A] when B is not constant.
    private OffsetSet? LoopRange(ILocalReferenceOperation reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is not IForLoopOperation loop)
            {
                continue;
            }

            var declared = false;
            foreach (var local in loop.Locals)
            {
                declared |= SymbolEqualityComparer.Default.Equals(local, reference.Local);
            }

            if (!declared)
            {
                continue;
            }

            // Only the loop's own increment may change the variable.
            if (Definitions(reference.Local) != 2 || loop.AtLoopBottom.Length != 1 || !IsIncrementByOne(loop.AtLoopBottom[0], reference.Local))
            {
                return null;
            }

            IOperation? initial = null;
            foreach (var node in loop.Before)
            {
                foreach (var descendant in node.DescendantsAndSelf())
                {
                    if (descendant is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
                    {
                        initial = (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
                    }
                }
            }

            if (initial is null || !initial.TryGetIntegerConstant(out var low))
            {
                return null;
            }

            if (loop.Condition is IBinaryOperation { LeftOperand: var left, RightOperand: var right } condition
                && left.WalkDownConversions() is ILocalReferenceOperation conditionLocal
                && SymbolEqualityComparer.Default.Equals(conditionLocal.Local, reference.Local)
                && TryGetLoopBound(right, out var bound))
            {
                var high = condition.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => bound - 1,
                    BinaryOperatorKind.LessThanOrEqual => bound,
                    _ => low - 1,
                };

                return high >= low ? new OffsetSet(null, low, high, isExact: true) : null;
            }

            return new OffsetSet(null, low, low, isExact: false);
        }

        return null;
    }

    // A constant, or the Length of a local array created with a constant size and never reassigned.
    private bool TryGetLoopBound(IOperation bound, out BigInteger value)
    {
        if (bound.TryGetIntegerConstant(out value))
        {
            return true;
        }

        if (bound.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Length", Instance: ILocalReferenceOperation array }
            && array.Local.Type is IArrayTypeSymbol
            && IsStable(array.Local)
            && _arrayLengths.TryGetValue(array.Local, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    // Parallel.For(A, B, i => ...) with constant A: i covers [A, B - 1] (or [A, A] when B is not constant).
    private OffsetSet? ParallelIndexRange(IParameterReferenceOperation reference)
    {
        if (reference.Parameter is not { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambdaSymbol })
        {
            return null;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, lambdaSymbol))
            {
                IOperation walk = lambda;
                while (walk.Parent is IDelegateCreationOperation or IConversionOperation)
                {
                    walk = walk.Parent;
                }

                if (walk.Parent is not IArgumentOperation { Parent: IInvocationOperation call }
                    || !RngKnownTypes.Is(call.TargetMethod.ContainingType, _types.Parallel)
                    || call.TargetMethod.Name != "For"
                    || call.Arguments.Length < 3)
                {
                    return null;
                }

                IOperation? from = null;
                IOperation? to = null;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Name == "fromInclusive")
                    {
                        from = argument.Value;
                    }
                    else if (argument.Parameter?.Name == "toExclusive")
                    {
                        to = argument.Value;
                    }
                }

                if (from is null || !from.TryGetIntegerConstant(out var low))
                {
                    return null;
                }

                return to is not null && to.TryGetIntegerConstant(out var bound)
                    ? (bound - 1 >= low ? new OffsetSet(null, low, bound - 1, isExact: true) : null)
                    : new OffsetSet(null, low, low, isExact: false);
            }
        }

        return null;
    }

    private static bool IsIncrementByOne(IOperation operation, ILocalSymbol local)
    {
        var current = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
        return current switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } =>
                SymbolEqualityComparer.Default.Equals(target.Local, local),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value: var value } =>
                SymbolEqualityComparer.Default.Equals(target.Local, local) && value.TryGetIntegerConstant(out var step) && step.IsOne,
            _ => false,
        };
    }

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        _ => null,
    };

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are in different branches of one if/else, ?: or switch, so they never both run.</summary>
    public static bool AreExclusive(IOperation a, IOperation b)
    {
        var ancestorsOfA = new Dictionary<IOperation, IOperation>();
        for (IOperation? child = a, current = a.Parent; current is not null; child = current, current = current.Parent)
        {
            ancestorsOfA[current] = child!;
        }

        for (IOperation? child = b, current = b.Parent; current is not null; child = current, current = current.Parent)
        {
            if (!ancestorsOfA.TryGetValue(current, out var childOfA))
            {
                continue;
            }

            return current switch
            {
                IConditionalOperation conditional => childOfA != child && childOfA != conditional.Condition && child != conditional.Condition,
                ISwitchOperation => childOfA != child && childOfA is ISwitchCaseOperation && child is ISwitchCaseOperation,
                ISwitchExpressionOperation => childOfA != child && childOfA is ISwitchExpressionArmOperation && child is ISwitchExpressionArmOperation,
                _ => false,
            };
        }

        return false;
    }

    /// <summary>The root this evaluator was built for.</summary>
    public IOperation Root => _root;
}
