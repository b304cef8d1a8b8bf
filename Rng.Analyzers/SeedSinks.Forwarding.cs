using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>
/// Seed sinks of the user's code (<see cref="SeedSinkKind.Forwarding"/>): methods, local functions, constructors (primary
/// ones included) and delegates holding a lambda, that pass one of their parameters on to another seed sink, as is or
/// combined with constants, directly or through a member the constructor keeps it in.
/// </summary>
internal sealed partial class SeedSinkCatalog
{
    // Methods of this compilation asked about: their forwarding sink, or null.
    private readonly ConcurrentDictionary<IMethodSymbol, SeedSink?> _forwarding = new(SymbolEqualityComparer.Default);

    // Local delegates of the compilation asked about: the function each holds for good, or null.
    private readonly ConcurrentDictionary<ILocalSymbol, IMethodSymbol?> _heldByLocal = new(SymbolEqualityComparer.Default);

    // The methods being worked out on this thread, and how often a cycle among them was cut: a result that depended on
    // a cut is not cached, so what is cached does not depend on which method was asked about first.
    [ThreadStatic]
    private static HashSet<IMethodSymbol>? t_inProgress;
    [ThreadStatic]
    private static int t_cuts;

    private SeedSink? GetForwardingSink(IMethodSymbol method)
    {
        if (_forwarding.TryGetValue(method, out var known))
        {
            return known;
        }

        var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(method))
        {
            t_cuts++;
            return null;
        }

        var cutsBefore = t_cuts;
        try
        {
            var found = FindForwardingSink(method);
            if (t_cuts == cutsBefore)
            {
                _forwarding.TryAdd(method, found);
            }

            return found;
        }
        finally
        {
            inProgress.Remove(method);
        }
    }

    // The first seed sink in the method's body whose seed is one of the method's parameters, as is or combined with
    // constants. A primary constructor's parameters are used in its type's base call, initialisers and members.
    private SeedSink? FindForwardingSink(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (syntax is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax or ConstructorDeclarationSyntax or AnonymousFunctionExpressionSyntax or TypeDeclarationSyntax { ParameterList: not null })
            || !_types.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return null;
        }

        var seedParameterNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            if (IsSeedValue(parameter.Type))
            {
                seedParameterNames.Add(parameter.Name);
            }
        }

        if (seedParameterNames.Count == 0)
        {
            return null;
        }

        // A constructor may keep a parameter in a member of its type, which its methods then seed from: look through the
        // whole type declaration for those.
        var searched = syntax;
        if (syntax is TypeDeclarationSyntax type)
        {
            AddMembersHoldingParameters(type, seedParameterNames);
        }
        else if (syntax is ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax owner } constructor && AddMembersAssignedParameters(constructor, seedParameterNames))
        {
            searched = owner;
        }

        // Nearly every called method of the compilation is asked about: a look at the syntax rules out most of them before
        // any binding (a seed-like parameter must appear in an argument), and only the calls with such an argument are bound.
        SemanticModel? model = null;
        foreach (var node in searched.DescendantNodes())
        {
            if (node is not ArgumentSyntax { Parent.Parent: { } call } argument || !MayCarry(argument.Expression, seedParameterNames))
            {
                continue;
            }

            model ??= ModelOf(syntax.SyntaxTree);
            var transformsSeed = false;
            if (model.GetOperation(call) is { } operation
                && operation is (IObjectCreationOperation or IInvocationOperation)
                && TryGetUse(operation, out var use)
                && use.SeedArgument.Syntax == argument
                && SeedParameterOf(use.SeedValue, method, ref transformsSeed) is { } seedParameter)
            {
                return new SeedSink(method, seedParameter, SeedSinkKind.Forwarding, use.Sink.Role, use.Sink.IsListEntropy && _types.IsIntegerCollectionType(seedParameter.Type), use.Sink, transformsSeed);
            }
        }

        return null;
    }

    // The parameter of method that value is, as is or combined with constants (seed * 2 + 1, seed ^ 0x5DEECE66D, -seed):
    // a fixed function of the caller's argument, so equal, clock-based or arithmetic arguments stay so.
    private IParameterSymbol? SeedParameterOf(IOperation value, IMethodSymbol method, ref bool transformed)
    {
        switch (value.WalkDownConversions())
        {
            case IParameterReferenceOperation { Parameter: var parameter }:
                return ParameterOf(parameter, method);
            case IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member: IPropertySymbol or IFieldSymbol } member:
                return ConstructorParameterIn(member.Member, method);
            case IBinaryOperation binary when IsArithmetic(binary.OperatorKind) && binary.RightOperand.ConstantValue.HasValue:
                transformed = true;
                return SeedParameterOf(binary.LeftOperand, method, ref transformed);
            case IBinaryOperation binary when IsArithmetic(binary.OperatorKind) && binary.LeftOperand.ConstantValue.HasValue:
                transformed = true;
                return SeedParameterOf(binary.RightOperand, method, ref transformed);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.BitwiseNegation or UnaryOperatorKind.Plus } unary:
                transformed = true;
                return SeedParameterOf(unary.Operand, method, ref transformed);
            default:
                return null;
        }
    }

    // The lambda, anonymous method or method group that a delegate invocation calls, when the delegate is a local initialised
    // with it and never assigned again (Func<int, double> simulate = seed => ...; simulate(rootSeed + i)) or a readonly field
    // initialised with it; otherwise null.
    private IMethodSymbol? FunctionHeldBy(IOperation target, IOperation invocation)
    {
        switch (target.WalkDownConversions())
        {
            case ILocalReferenceOperation { Local: var local }:
                // Looked up once per local: a method may call the same delegate many times.
                return _heldByLocal.GetOrAdd(local, _ => FunctionHeldBy(local, invocation.GetRoot()));
            case IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field }
                when field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }:
                return AnonymousFunctionIn(InitialValue(initializer));
            default:
                return null;
        }
    }

    private static IMethodSymbol? FunctionHeldBy(ILocalSymbol local, IOperation root)
    {
        IMethodSymbol? held = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    held = AnonymousFunctionIn(declarator.Initializer?.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation assigned } when SymbolEqualityComparer.Default.Equals(assigned.Local, local):
                    return null;
                case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    return null;
            }
        }

        return held;
    }

    private static IMethodSymbol? AnonymousFunctionIn(IOperation? value) => value?.WalkDownConversions() switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } => function.Symbol,
        IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var group } } => group,
        IAnonymousFunctionOperation function => function.Symbol,
        _ => null,
    };

    private static IParameterSymbol? ParameterOf(IParameterSymbol parameter, IMethodSymbol method) =>
        parameter.Ordinal < method.Parameters.Length && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, method)
            ? method.Parameters[parameter.Ordinal]
            : null;

    // The constructor parameter that an unchangeable instance member of its type holds as is: a record's positional property
    // (record Job(int Seed)), an init-only or get-only property or readonly field initialised with a primary constructor's
    // parameter (int Seed { get; } = seed), or one that a constructor assigns the parameter to (_seed = seed;). Members
    // that can be set after construction are not followed.
    private IParameterSymbol? ConstructorParameterIn(ISymbol member, IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Constructor
            || member.IsStatic
            || member.DeclaringSyntaxReferences.Length != 1
            || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, method.ContainingType)
            || !IsSetOnlyOnConstruction(member))
        {
            return null;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration is ParameterSyntax)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.DeclaringSyntaxReferences.Length == 1 && parameter.DeclaringSyntaxReferences[0].GetSyntax() == declaration)
                {
                    return parameter;
                }
            }

            return null;
        }

        if (method.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax constructor)
        {
            return ParameterAssignedTo(member, constructor, method);
        }

        var initializer = declaration switch
        {
            PropertyDeclarationSyntax property => property.Initializer,
            VariableDeclaratorSyntax variable => variable.Initializer,
            _ => null,
        };
        return InitialValue(initializer)?.WalkDownConversions() is IParameterReferenceOperation { Parameter: var initialParameter }
            ? ParameterOf(initialParameter, method)
            : null;
    }

    // The value a field or property initialiser of this compilation assigns, bound.
    private IOperation? InitialValue(EqualsValueClauseSyntax? initializer) =>
        initializer is not null && _types.Compilation.ContainsSyntaxTree(initializer.SyntaxTree)
            ? (ModelOf(initializer.SyntaxTree).GetOperation(initializer) as ISymbolInitializerOperation)?.Value
            : null;

    // The code looked into may be in another file than the one being analysed, which needs that file's model (the
    // driver's, cached per tree); each method is looked into once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private SemanticModel ModelOf(SyntaxTree tree) => _types.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    // Readonly fields, get-only and init-only properties, and private fields and private setters that the type writes only
    // in its constructors (by name, so a same-named write elsewhere counts too).
    private static bool IsSetOnlyOnConstruction(ISymbol member)
    {
        switch (member)
        {
            case IFieldSymbol { IsReadOnly: true }:
            case IPropertySymbol { SetMethod: null or { IsInitOnly: true } }:
                return true;
            case IFieldSymbol { DeclaredAccessibility: Accessibility.Private }:
            case IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Private }:
                foreach (var part in member.ContainingType.DeclaringSyntaxReferences)
                {
                    if (IsWrittenOutsideConstructors(part.GetSyntax(), member.Name))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool IsWrittenOutsideConstructors(SyntaxNode type, string name)
    {
        foreach (var node in type.DescendantNodes())
        {
            var written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => unary.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } unary => unary.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                _ => null,
            };
            if (written is not null && Names(written, name) && node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is null)
            {
                return true;
            }
        }

        return false;
    }

    // Whether the written expression is name (this.name, other.name, or an element of a deconstructing tuple).
    private static bool Names(ExpressionSyntax written, string name)
    {
        switch (written)
        {
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText == name;
            case MemberAccessExpressionSyntax access:
                return access.Name.Identifier.ValueText == name;
            case TupleExpressionSyntax tuple:
                foreach (var element in tuple.Arguments)
                {
                    if (Names(element.Expression, name))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // The parameter of the constructor that it assigns, as is, to member (_seed = seed; this.Seed = seed;).
    private IParameterSymbol? ParameterAssignedTo(ISymbol member, ConstructorDeclarationSyntax constructor, IMethodSymbol method)
    {
        var body = ModelOf(constructor.SyntaxTree).GetOperation(constructor);
        if (body is null)
        {
            return null;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation } target, Value: var value }
                && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member)
                && value.WalkDownConversions() is IParameterReferenceOperation { Parameter: var parameter })
            {
                return ParameterOf(parameter, method);
            }
        }

        return null;
    }

    private static bool IsArithmetic(BinaryOperatorKind kind) => kind
        is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide
        or BinaryOperatorKind.Remainder or BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift
        or BinaryOperatorKind.UnsignedRightShift or BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr;

    // A primary constructor's type may keep a parameter in a member (int Seed { get; } = seed; readonly int _seed = seed;)
    // and seed from that: the members' names join the names looked for (checked exactly once bound).
    private static void AddMembersHoldingParameters(TypeDeclarationSyntax type, HashSet<string> names)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax { Initializer.Value: IdentifierNameSyntax value } property when names.Contains(value.Identifier.ValueText):
                    names.Add(property.Identifier.ValueText);
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer?.Value is IdentifierNameSyntax initial && names.Contains(initial.Identifier.ValueText))
                        {
                            names.Add(variable.Identifier.ValueText);
                        }
                    }

                    break;
            }
        }
    }

    // A constructor may assign a parameter to a member of its type (_seed = seed; this.Seed = seed;): the members' names join
    // the names looked for (checked exactly once bound). True when there is one.
    private static bool AddMembersAssignedParameters(ConstructorDeclarationSyntax constructor, HashSet<string> names)
    {
        var added = false;
        foreach (var node in constructor.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: IdentifierNameSyntax value } assignment
                && names.Contains(value.Identifier.ValueText)
                && assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name,
                    _ => null,
                } is { } holder)
            {
                names.Add(holder.Identifier.ValueText);
                added = true;
            }
        }

        return added;
    }

    // Whether expression may be one of the names, as is or combined with something (checked exactly once bound).
    private static bool MayCarry(ExpressionSyntax expression, HashSet<string> names)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return names.Contains(identifier.Identifier.ValueText);
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                    expression = access.Name;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    break;
                case PrefixUnaryExpressionSyntax unary:
                    expression = unary.Operand;
                    break;
                case BinaryExpressionSyntax binary:
                    if (MayCarry(binary.Left, names))
                    {
                        return true;
                    }

                    expression = binary.Right;
                    break;
                default:
                    return false;
            }
        }
    }
}
