using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Rng.Analyzers.CodeFixes;

/// <summary>A seed sink found again from a diagnostic's location, with what a fix needs to rewrite it.</summary>
internal sealed class SeedFixTarget
{
    public SeedFixTarget(Document document, SyntaxNode root, SemanticModel model, RngKnownTypes types, SeedSinkUse use)
    {
        Document = document;
        Root = root;
        Model = model;
        Types = types;
        Use = use;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public RngKnownTypes Types { get; }

    public SeedSinkUse Use { get; }
}

/// <summary>Builds the code the fixes write: fully qualified names (simplified and imported by the cleanup), entropy lists, seed words.</summary>
internal static class RngFixSyntax
{
    public const string SeedSequenceName = "global::Rng.SeedSequence";
    public const string GeneratorName = "global::Rng.Generator";
    public const string Pcg64Name = "global::Rng.Pcg64";
    public const string BigIntegerName = "global::System.Numerics.BigInteger";

    /// <summary>Finds the seed sink whose seed expression the diagnostic at <paramref name="span"/> marks.</summary>
    public static async Task<SeedFixTarget?> FindSeedSinkAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var argument = node.FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument?.Parent?.Parent is not { } callSyntax)
        {
            return null;
        }

        var types = RngKnownTypes.Create(model.Compilation, document.Project.AnalyzerOptions);
        var call = model.GetOperation(callSyntax, cancellationToken);
        if (call is null || !types.SeedSinks.TryGetUse(call, out var use) || !use.SeedSyntax.Span.Equals(span))
        {
            return null;
        }

        return new SeedFixTarget(document, root, model, types, use);
    }

    /// <summary>Parses generated code; <c>global::</c> names are marked for simplification and for adding the using directive.</summary>
    public static ExpressionSyntax Parse(string text)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        var toAnnotate = new HashSet<SyntaxNode>();
        foreach (var alias in expression.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>())
        {
            SyntaxNode current = alias;
            toAnnotate.Add(current);
            while (current.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax
                && (current.Parent is QualifiedNameSyntax qualified ? qualified.Left == current : ((MemberAccessExpressionSyntax)current.Parent).Expression == current))
            {
                current = current.Parent;
                toAnnotate.Add(current);
            }
        }

        expression = expression.ReplaceNodes(toAnnotate, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        return expression.WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>True when <paramref name="node"/> is evaluated in a checked context, where (uint)negative would throw.</summary>
    public static bool IsCheckedContext(SyntaxNode node, Compilation compilation)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case CheckedExpressionSyntax expression:
                    return expression.IsKind(SyntaxKind.CheckedExpression);
                case CheckedStatementSyntax statement:
                    return statement.IsKind(SyntaxKind.CheckedStatement);
                case MemberDeclarationSyntax:
                    return compilation.Options.CheckOverflow;
            }
        }

        return compilation.Options.CheckOverflow;
    }

    /// <summary>
    /// NumPy list entropy for <paramref name="operands"/>, e.g. <c>new ulong[] { (uint)workerId, (uint)rootSeed }</c>.
    /// Signed values are reinterpreted as unsigned of the same width (int as uint, long as ulong), which is lossless:
    /// distinct values stay distinct and non-negative values are unchanged, so it equals NumPy's
    /// <c>SeedSequence([worker_id &amp; 0xFFFFFFFF, root_seed &amp; 0xFFFFFFFF])</c>. Null when an operand is not an integer.
    /// </summary>
    public static string? EntropyList(IEnumerable<IOperation> operands, RngKnownTypes types, out bool hasSignedCast)
    {
        hasSignedCast = false;
        var list = operands.ToList();
        var useBigIntegers = list.Any(o => RngKnownTypes.Is(o.Type, types.BigInteger) || RngKnownTypes.Is(o.Type, types.UInt128) || RngKnownTypes.Is(o.Type, types.Int128))
            || !HasUInt64ListConstructor(types);
        var elements = new List<string>(list.Count);
        foreach (var operand in list)
        {
            var element = EntropyElement(operand, types, ref hasSignedCast);
            if (element is null)
            {
                return null;
            }

            elements.Add(element);
        }

        var elementType = useBigIntegers ? BigIntegerName : "ulong";
        return "new " + elementType + "[] { " + string.Join(", ", elements) + " }";
    }

    /// <summary>
    /// Seed words of <paramref name="seedSequence"/> converted to <paramref name="type"/> (the type the replaced expression had):
    /// <c>(int)ss.GenerateState(1)[0]</c>, <c>ss.GenerateState(1)[0]</c>, <c>(long)ss.GenerateState64(1)[0]</c>, <c>ss.GenerateState64(1)[0]</c>.
    /// Null for other types.
    /// </summary>
    public static string? SeedWordAs(ITypeSymbol? type, string seedSequence, out bool hasSignedCast)
    {
        hasSignedCast = false;
        switch (type?.SpecialType)
        {
            case SpecialType.System_Int32:
                hasSignedCast = true;
                return "(int)" + seedSequence + ".GenerateState(1)[0]";
            case SpecialType.System_UInt32:
                return seedSequence + ".GenerateState(1)[0]";
            case SpecialType.System_Int64:
                hasSignedCast = true;
                return "(long)" + seedSequence + ".GenerateState64(1)[0]";
            case SpecialType.System_UInt64:
                return seedSequence + ".GenerateState64(1)[0]";
            default:
                return null;
        }
    }

    /// <summary>Wraps <paramref name="text"/> in <c>unchecked(...)</c> when it casts signed values and runs in a checked context.</summary>
    public static string Unchecked(string text, bool hasSignedCast, SyntaxNode location, Compilation compilation) =>
        hasSignedCast && IsCheckedContext(location, compilation) ? "unchecked(" + text + ")" : text;

    /// <summary>True when Rng.SeedSequence has a constructor taking a list of ulong (ulong[] or ReadOnlySpan&lt;ulong&gt;).</summary>
    public static bool HasUInt64ListConstructor(RngKnownTypes types) =>
        types.SeedSequence is { } seedSequence
        && seedSequence.InstanceConstructors.Any(c => c.Parameters.Length > 0 && c.DeclaredAccessibility == Accessibility.Public && IsUInt64List(c.Parameters[0].Type, types));

    /// <summary>True when <paramref name="type"/> has a public constructor whose parameters are exactly one Rng.SeedSequence (plus optional ones).</summary>
    public static bool HasSeedSequenceConstructor(INamedTypeSymbol? type, RngKnownTypes types) =>
        type is not null
        && type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public
            && c.Parameters.Length > 0
            && RngKnownTypes.Is(c.Parameters[0].Type, types.SeedSequence)
            && c.Parameters.Skip(1).All(p => p.IsOptional));

    /// <summary>True when Rng.Generator has a public instance method <paramref name="name"/> with no required parameters.</summary>
    public static bool GeneratorHasParameterlessMethod(RngKnownTypes types, string name, bool isStatic) =>
        types.Generator is { } generator
        && generator.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.DeclaredAccessibility == Accessibility.Public
            && m.IsStatic == isStatic
            && m.Parameters.All(p => p.IsOptional));

    /// <summary>The expression that builds a Generator from <paramref name="seedSequence"/>: Generator.Create(ss) when it exists, else new Generator(new Pcg64(ss)).</summary>
    public static string? GeneratorFrom(string seedSequence, RngKnownTypes types)
    {
        if (types.Generator is null)
        {
            return null;
        }

        var hasCreateFromSeedSequence = types.Generator.GetMembers("Create").OfType<IMethodSymbol>()
            .Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length >= 1
                && RngKnownTypes.Is(m.Parameters[0].Type, types.SeedSequence) && m.Parameters.Skip(1).All(p => p.IsOptional));
        if (hasCreateFromSeedSequence)
        {
            return GeneratorName + ".Create(" + seedSequence + ")";
        }

        return HasSeedSequenceConstructor(types.Pcg64, types) ? "new " + GeneratorName + "(new " + Pcg64Name + "(" + seedSequence + "))" : null;
    }

    /// <summary>The fully qualified name of <paramref name="type"/> (with global::), for generated code.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static bool IsUInt64List(ITypeSymbol type, RngKnownTypes types) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_UInt64,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => RngKnownTypes.Is(named, types.ReadOnlySpanOfT) && named.TypeArguments[0].SpecialType == SpecialType.System_UInt64,
        _ => false,
    };

    private static string? EntropyElement(IOperation operand, RngKnownTypes types, ref bool hasSignedCast)
    {
        var text = operand.Syntax.ToString();
        if (operand.Syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax
            or PrefixUnaryExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax))
        {
            text = "(" + text + ")";
        }

        if (operand.TryGetIntegerConstant(out var constant))
        {
            // A negative constant cast needs unchecked even in an unchecked context (CS0221).
            return constant.Sign >= 0
                ? text
                : "unchecked((" + (operand.Type?.SpecialType is SpecialType.System_Int64 ? "ulong" : "uint") + ")" + text + ")";
        }

        var type = operand.Type;
        switch (type?.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Char:
                return text;
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
                hasSignedCast = true;
                return "(uint)" + text;
            case SpecialType.System_Int64:
            case SpecialType.System_IntPtr:
                hasSignedCast = true;
                return "(ulong)" + text;
            case SpecialType.System_UIntPtr:
                return "(ulong)" + text;
        }

        if (RngKnownTypes.Is(type, types.BigInteger) || RngKnownTypes.Is(type, types.UInt128))
        {
            return text;
        }

        if (RngKnownTypes.Is(type, types.Int128))
        {
            hasSignedCast = true;
            return "(global::System.UInt128)" + text;
        }

        return null;
    }
}
