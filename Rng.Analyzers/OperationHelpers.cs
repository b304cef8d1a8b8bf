using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>Small IOperation utilities shared by the analyzers and code fixes.</summary>
internal static class OperationHelpers
{
    /// <summary>Upper bound on nodes visited when following values, so pathological code cannot make an analyzer slow.</summary>
    public const int MaxVisitedNodes = 2000;

    /// <summary>Skips conversions (casts, implicit widening, user-defined conversions such as int to BigInteger) and parentheses.</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation { Operand: { } operand }:
                    current = operand;
                    continue;
                case IParenthesizedOperation { Operand: { } inner }:
                    current = inner;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>Skips conversions and parentheses upwards.</summary>
    public static IOperation WalkUpConversions(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The outermost operation of the tree that contains <paramref name="operation"/> (the method, lambda-free body, or field initializer).</summary>
    public static IOperation GetRoot(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>
    /// Extends <paramref name="node"/> to the enclosing <c>(...)</c>, <c>checked(...)</c> and <c>unchecked(...)</c>,
    /// which have no operation of their own in C#, so a squiggle covers the expression as written.
    /// </summary>
    public static SyntaxNode WithEnclosingParenthesesAndChecked(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is ParenthesizedExpressionSyntax or CheckedExpressionSyntax)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The source text of an operation, whitespace collapsed, for messages.</summary>
    public static string Text(this IOperation operation) => Text(operation.Syntax);

    public static string Text(SyntaxNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        var text = node.ToString();
        if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The value a local holds at <paramref name="use"/>: the last plain definition (initializer or simple assignment)
    /// that appears before the use in the same operation tree. Null when there is none, or when the local is also
    /// changed in other ways (compound assignment, ++, ref, out), since then no single expression describes it.
    /// </summary>
    public static IOperation? GetReachingValue(ILocalReferenceOperation use)
    {
        var local = use.Local;
        if (local.IsConst || local.RefKind != RefKind.None)
        {
            return null;
        }

        var usePosition = use.Syntax.SpanStart;
        IOperation? best = null;
        var bestPosition = -1;
        foreach (var definition in EnumerateDefinitions(use.GetRoot(), local))
        {
            if (definition.Value is null)
            {
                // Modified by ++, compound assignment, out or ref: the local is not a simple alias of one expression.
                return null;
            }

            var position = definition.Position;
            if (position < usePosition && position > bestPosition)
            {
                best = definition.Value;
                bestPosition = position;
            }
        }

        return best;
    }

    /// <summary>Every expression assigned to <paramref name="local"/> in <paramref name="root"/>, whatever the order (for "comes from" searches).</summary>
    public static IEnumerable<IOperation> GetAssignedValues(IOperation root, ILocalSymbol local)
    {
        foreach (var definition in EnumerateDefinitions(root, local))
        {
            if (definition.Value is not null)
            {
                yield return definition.Value;
            }
        }
    }

    /// <summary>Every expression assigned to <paramref name="field"/> in <paramref name="root"/>.</summary>
    public static IEnumerable<IOperation> GetAssignedValues(IOperation root, IFieldSymbol field)
    {
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
            {
                yield return assignment.Value;
            }
        }
    }

    /// <summary>The constant integer value of <paramref name="operation"/> (through conversions), if it has one.</summary>
    public static bool TryGetIntegerConstant(this IOperation operation, out System.Numerics.BigInteger value)
    {
        value = default;
        var current = operation;
        while (true)
        {
            if (current.ConstantValue is { HasValue: true, Value: { } constant })
            {
                switch (constant)
                {
                    case int i: value = i; return true;
                    case uint ui: value = ui; return true;
                    case long l: value = l; return true;
                    case ulong ul: value = ul; return true;
                    case short s: value = s; return true;
                    case ushort us: value = us; return true;
                    case byte b: value = b; return true;
                    case sbyte sb: value = sb; return true;
                    case char c: value = c; return true;
                }
            }

            if (current is IConversionOperation { Operand: { } operand })
            {
                current = operand;
                continue;
            }

            return false;
        }
    }

    private readonly struct Definition
    {
        public Definition(int position, IOperation? value)
        {
            Position = position;
            Value = value;
        }

        public int Position { get; }

        public IOperation? Value { get; }
    }

    private static IEnumerable<Definition> EnumerateDefinitions(IOperation root, ILocalSymbol local)
    {
        foreach (var descendant in root.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer?.Value is { } initialValue)
                    {
                        yield return new Definition(initialValue.Syntax.SpanStart, initialValue);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return new Definition(assignment.Syntax.SpanStart, assignment.IsRef ? null : assignment.Value);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return new Definition(descendant.Syntax.SpanStart, null);
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return new Definition(descendant.Syntax.SpanStart, null);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return new Definition(descendant.Syntax.SpanStart, null);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var inner in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (inner is ILocalReferenceOperation deconstructed && SymbolEqualityComparer.Default.Equals(deconstructed.Local, local))
                        {
                            yield return new Definition(descendant.Syntax.SpanStart, null);
                        }
                    }

                    break;
            }
        }
    }
}
