using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG1004 fix (needs Rng.Runtime and SHA256.HashData): replace a per-process hash code with a stable one, the same in
/// every process and on every machine. One string (s.GetHashCode(), StringComparer.Ordinal.GetHashCode(s),
/// EqualityComparer&lt;string&gt;.Default, HashCode.Combine(s)): the SHA-256 hash of its UTF-8 text as SeedSequence entropy.
/// Several values (HashCode.Combine(a, b), tuples, anonymous types, records, EqualityComparer&lt;T&gt;.Default of those):
/// SeedSequence list entropy with each string's SHA-256 hash and each integer as it is. Values without a stable form
/// (double, object), culture-aware comparers and HashCode.ToHashCode get no fix. Inline code rather than a runtime helper,
/// so the fixed code needs nothing beyond SeedSequence and reads the same as its NumPy equivalent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProcessHashSeedCodeFixProvider))]
[Shared]
public sealed class ProcessHashSeedCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string StableHashKey = "RNG1004.StableHash";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SeedFromProcessHash.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null || !target.Types.HasRngRuntime || !HasStableHashApis(target.Types)
            || !SeedSources.TryFindProcessHash(target.Use, target.Types, out var source)
            || source.Operation is not IInvocationOperation hash
            || hash.Syntax.SyntaxTree != target.Root.SyntaxTree)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        string entropy;
        string title;
        var hasSignedCast = false;
        if (HashedText(hash, target.Types) is { } text)
        {
            entropy = Sha256Entropy(text.Syntax.ToString());
            title = "Seed from the SHA-256 hash of the UTF-8 text of '" + OperationHelpers.Text(text) + "' (the same in every process)";
        }
        else if (HashedValues(hash, target.Types, target.Model) is { } values
            && EntropyList(values, target.Types, out hasSignedCast) is { } list)
        {
            entropy = list;
            var named = string.Join(", ", values.Take(4).Select(v => "'" + v.Text + "'")) + (values.Count > 4 ? " and " + (values.Count - 4).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more" : string.Empty);
            title = "Seed from a stable hash of " + named + " (SHA-256 of the UTF-8 text, integers as they are; the same in every process)";
        }
        else
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var use = target.Use;
        SyntaxNode node;
        string replacement;
        if (use.Sink.Kind == SeedSinkKind.SeedSequence && !use.Sink.IsListEntropy && use.SeedValue.WalkDownConversions() == hash)
        {
            // The hash is the SeedSequence's entropy: the digest (or the list) becomes the entropy.
            node = use.SeedSyntax;
            replacement = entropy;
        }
        else
        {
            node = OperationHelpers.WithEnclosingParenthesesAndChecked(hash.Syntax);
            var word = RngFixSyntax.SeedWordAs(hash.Type, "new " + RngFixSyntax.SeedSequenceName + "(" + entropy + ")", out var wordHasSignedCast);
            if (word is null)
            {
                return ImmutableArray<RngEdit>.Empty;
            }

            replacement = word;
            hasSignedCast |= wordHasSignedCast;
        }

        return ImmutableArray.Create(new RngEdit(
            title,
            StableHashKey,
            node,
            RngFixSyntax.Unchecked(replacement, hasSignedCast, node, target.Model.Compilation)));
    }

    private static string Sha256Entropy(string text) =>
        "new " + RngFixSyntax.BigIntegerName + "(global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.UTF8.GetBytes("
        + text + ")), isUnsigned: true)";

    // The single string whose hash is taken, when the hash means "the exact text" (ordinal).
    private static IOperation? HashedText(IInvocationOperation hash, RngKnownTypes types)
    {
        var method = hash.TargetMethod;
        bool IsString(IOperation? operation) => operation?.WalkDownConversions().Type?.SpecialType == SpecialType.System_String;

        if (method.Name == "GetHashCode")
        {
            if (hash.Instance is { } instance && IsString(instance) && (hash.Arguments.Length == 0 || IsOrdinal(hash.Arguments[0].Value)))
            {
                return instance.WalkDownConversions();
            }

            if (hash.Arguments.Length == 1 && IsString(hash.Arguments[0].Value))
            {
                var comparer = hash.Instance?.WalkDownConversions();
                var isOrdinalComparer = comparer is IPropertyReferenceOperation { Property.Name: "Ordinal" } ordinal
                    && RngKnownTypes.Is(ordinal.Property.ContainingType, types.StringComparer);
                var isDefaultComparer = RngKnownTypes.Is(method.ContainingType, types.EqualityComparerOfT);
                if (isOrdinalComparer || isDefaultComparer)
                {
                    return hash.Arguments[0].Value.WalkDownConversions();
                }
            }

            return null;
        }

        if (method.Name == "Combine" && RngKnownTypes.Is(method.ContainingType, types.HashCode)
            && hash.Arguments.Length == 1 && IsString(hash.Arguments[0].Value))
        {
            return hash.Arguments[0].Value.WalkDownConversions();
        }

        return null;
    }

    // ---------------- several values: HashCode.Combine(a, b), tuples, anonymous types, records ----------------

    /// <summary>One value the per-process hash covers, as code the fix can write (evaluated once, in source order).</summary>
    private readonly struct HashedValue
    {
        public HashedValue(string code, string rawCode, ITypeSymbol type, bool isRepeatable, string text, bool isNegativeConstant = false, bool isNonNegativeConstant = false)
        {
            IsNegativeConstant = isNegativeConstant;
            IsNonNegativeConstant = isNonNegativeConstant;
            Code = code;
            RawCode = rawCode;
            Type = type;
            IsRepeatable = isRepeatable;
            Text = text;
        }

        /// <summary>The expression, parenthesised where a cast or operator will be put before or after it.</summary>
        public string Code { get; }

        /// <summary>The expression as written, for places that need no parentheses (a method argument).</summary>
        public string RawCode { get; }

        public ITypeSymbol Type { get; }

        /// <summary>True when writing <see cref="Code"/> twice is harmless (a variable or member access, a literal).</summary>
        public bool IsRepeatable { get; }

        /// <summary>True for a constant below zero: its cast to uint must be written unchecked (CS0221).</summary>
        public bool IsNegativeConstant { get; }

        /// <summary>True for a constant of at least zero: as an entry it needs no cast.</summary>
        public bool IsNonNegativeConstant { get; }

        /// <summary>For the title.</summary>
        public string Text { get; }
    }

    private const int MaxDepth = 3;

    // The values whose hash is taken, flattened in order; null when one of them has no stable form we can write.
    private static List<HashedValue>? HashedValues(IInvocationOperation hash, RngKnownTypes types, SemanticModel model)
    {
        var method = hash.TargetMethod;
        var values = new List<HashedValue>();
        var position = hash.Syntax.SpanStart;
        if (method.Name == "Combine" && RngKnownTypes.Is(method.ContainingType, types.HashCode))
        {
            foreach (var argument in hash.Arguments.OrderBy(a => a.Syntax.SpanStart))
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || !AddValue(argument.Value, types, model, position, values, depth: 0))
                {
                    return null;
                }
            }

            return values.Count > 0 ? values : null;
        }

        if (method.Name != "GetHashCode")
        {
            return null;
        }

        // x.GetHashCode() of a tuple, record or anonymous type, or EqualityComparer<T>.Default.GetHashCode(x) of such.
        IOperation? hashed = method.Parameters.Length == 0 ? hash.Instance
            : method.Parameters.Length == 1 && RngKnownTypes.Is(method.ContainingType, types.EqualityComparerOfT) ? hash.Arguments[0].Value
            : null;
        return hashed is not null && AddValue(hashed, types, model, position, values, depth: 0) && values.Count > 0 ? values : null;
    }

    private static bool AddValue(IOperation value, RngKnownTypes types, SemanticModel model, int position, List<HashedValue> values, int depth)
    {
        if (depth > MaxDepth || value.Type is not { } type)
        {
            return false;
        }

        if (IsScalar(type))
        {
            var syntax = value.Syntax.ToString();
            var isSimple = value.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax
                or PrefixUnaryExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax;
            var isConstant = value.TryGetIntegerConstant(out var constant);
            var isRepeatable = isConstant || IsStableReference(value.WalkDownConversions());
            values.Add(new HashedValue(isSimple ? syntax : "(" + syntax + ")", syntax, type, isRepeatable, OperationHelpers.Text(value), isConstant && constant.Sign < 0, isConstant && constant.Sign >= 0));
            return true;
        }

        switch (value.WalkDownConversions())
        {
            case ITupleOperation tuple:
                return tuple.Elements.All(e => AddValue(e, types, model, position, values, depth + 1));
            case IAnonymousObjectCreationOperation anonymous:
                return anonymous.Initializers.All(i => i is ISimpleAssignmentOperation assignment && AddValue(assignment.Value, types, model, position, values, depth + 1));
            case IInvocationOperation { TargetMethod: { Name: "Create", IsStatic: true, ContainingType: { } tupleClass } } create
                when IsSystemTuple(tupleClass) && create.Arguments.Length <= 7:
                return create.Arguments.OrderBy(a => a.Syntax.SpanStart).All(a => a.ArgumentKind == ArgumentKind.Explicit && AddValue(a.Value, types, model, position, values, depth + 1));
            case IObjectCreationOperation { Type: INamedTypeSymbol tupleType } creation when IsSystemTuple(tupleType) && creation.Arguments.Length <= 7:
                return creation.Arguments.OrderBy(a => a.Syntax.SpanStart).All(a => a.ArgumentKind == ArgumentKind.Explicit && AddValue(a.Value, types, model, position, values, depth + 1));
            case var reference when IsStableReference(reference):
                var code = reference.IsImplicit ? "this" : reference.Syntax.ToString();
                return AddMembers(reference.Type, code, model, position, values, depth);
            default:
                return false;
        }
    }

    // The members a tuple, anonymous type or record hashes, read from a variable (so reading it again is harmless).
    private static bool AddMembers(ITypeSymbol? type, string code, SemanticModel model, int position, List<HashedValue> values, int depth)
    {
        if (depth > MaxDepth || type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (IsScalar(named))
        {
            values.Add(new HashedValue(code, code, named, isRepeatable: true, code));
            return true;
        }

        var members = new List<ISymbol>();
        if (named.IsTupleType)
        {
            members.AddRange(named.TupleElements);
        }
        else if (named.IsAnonymousType)
        {
            members.AddRange(named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer));
        }
        else if (IsSystemTuple(named) && named.TypeArguments.Length <= 7)
        {
            members.AddRange(named.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name.StartsWith("Item", System.StringComparison.Ordinal)).OrderBy(p => p.Name, System.StringComparer.Ordinal));
        }
        else if (named.IsRecord)
        {
            // A record hashes its base record's fields first, then its own instance fields (the backing fields of its properties).
            var chain = new List<INamedTypeSymbol>();
            for (var current = named; current is { IsRecord: true }; current = current.BaseType)
            {
                chain.Insert(0, current);
            }

            // A record that writes its own GetHashCode hashes what it chooses, which the fix cannot know.
            if (chain.Any(r => r.GetMembers("GetHashCode").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 0 && !m.IsImplicitlyDeclared)))
            {
                return false;
            }

            foreach (var record in chain)
            {
                foreach (var field in record.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
                {
                    members.Add(field.AssociatedSymbol is IPropertySymbol property ? property : field);
                }
            }
        }
        else
        {
            return false;
        }

        foreach (var member in members)
        {
            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is null || member.Name.Length == 0 || !model.IsAccessible(position, member)
                || !AddMembers(memberType, code + "." + Identifier(member.Name), model, position, values, depth + 1))
            {
                return false;
            }
        }

        return members.Count > 0;
    }

    private static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;

    // Reading it twice gives the same value and runs nothing (a local, parameter, this, or a field/property of those).
    private static bool IsStableReference(IOperation operation) => operation switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation field => field.Instance is null || IsStableReference(field.Instance),
        IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Instance is null || IsStableReference(property.Instance),
        _ => false,
    };

    private static bool IsSystemTuple(INamedTypeSymbol type) =>
        type.Name == "Tuple" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    // Types whose value has a stable integer form: strings (hashed), bool, char, 8- to 64-bit integers and such enums.
    private static bool IsScalar(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || IntegerKind(type) is not null;

    private static SpecialType? IntegerKind(ITypeSymbol type)
    {
        var special = type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying.SpecialType : type.SpecialType;
        return special switch
        {
            SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_SByte
                or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                or SpecialType.System_Int64 or SpecialType.System_UInt64 => special,
            _ => null,
        };
    }

    /// <summary>
    /// The values as NumPy list entropy: a string as the SHA-256 digest of its UTF-8 text (256 bits, one list entry),
    /// an integer of up to 32 bits as its unsigned 32-bit pattern, a 64-bit integer as two 32-bit halves (low first, so
    /// every value is a fixed number of words and no two lists of the same shape run together), bool as 0 or 1.
    /// BigInteger[] when a digest is present, else ulong[]. Null when a 64-bit value would have to be written twice
    /// but its expression is not a plain variable or member.
    /// </summary>
    private static string? EntropyList(List<HashedValue> values, RngKnownTypes types, out bool hasSignedCast)
    {
        hasSignedCast = false;
        var elements = new List<string>();
        var hasDigest = false;
        foreach (var value in values)
        {
            if (value.Type.SpecialType == SpecialType.System_String)
            {
                hasDigest = true;
                elements.Add(Sha256Entropy(value.RawCode));
                continue;
            }

            var isEnum = value.Type.TypeKind == TypeKind.Enum;
            var first = elements.Count;
            switch (IntegerKind(value.Type))
            {
                case SpecialType.System_Boolean:
                    elements.Add("(" + value.Code + " ? 1u : 0u)");
                    break;
                case SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 when !isEnum:
                    elements.Add(value.Code);
                    break;
                case SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32:
                    elements.Add("(uint)" + value.Code);
                    break;
                case SpecialType.System_Int32 when value.IsNonNegativeConstant && !isEnum && value.Type.SpecialType == SpecialType.System_Int32:
                    elements.Add(value.Code);
                    break;
                case SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32:
                    hasSignedCast = true;
                    elements.Add("(uint)" + value.Code);
                    break;
                case SpecialType.System_Int64 or SpecialType.System_UInt64 when value.IsRepeatable:
                    hasSignedCast = true; // (uint) of a 64-bit value drops the high half: unchecked in a checked context
                    var asInteger = isEnum ? "(" + (IntegerKind(value.Type) == SpecialType.System_Int64 ? "long" : "ulong") + ")" + value.Code : value.Code;
                    elements.Add("(uint)" + value.Code);
                    elements.Add("(uint)(" + asInteger + " >> 32)");
                    break;
                default:
                    return null;
            }

            for (var i = first; value.IsNegativeConstant && i < elements.Count; i++)
            {
                elements[i] = "unchecked(" + elements[i] + ")";
            }
        }

        if (hasDigest ? !HasBigIntegerArrayConstructor(types) : !RngFixSyntax.HasUInt64ListConstructor(types))
        {
            return null;
        }

        return "new " + (hasDigest ? RngFixSyntax.BigIntegerName : "ulong") + "[] { " + string.Join(", ", elements) + " }";
    }

    private static bool HasBigIntegerArrayConstructor(RngKnownTypes types) =>
        types.SeedSequence is { } seedSequence
        && seedSequence.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0
            && c.Parameters[0].Type is IArrayTypeSymbol { ElementType: var element } && RngKnownTypes.Is(element, types.BigInteger)
            && c.Parameters.Skip(1).All(p => p.IsOptional));

    private static bool IsOrdinal(IOperation value) =>
        value.WalkDownConversions() is IFieldReferenceOperation { Field: { Name: "Ordinal", ContainingType.Name: "StringComparison" } };

    private static bool HasStableHashApis(RngKnownTypes types) =>
        types.Sha256 is { } sha256
        && sha256.GetMembers("HashData").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 1 && m.Parameters[0].Type is IArrayTypeSymbol)
        && types.Encoding is not null
        && types.BigInteger is { } bigInteger
        && bigInteger.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == "isUnsigned"));
}
