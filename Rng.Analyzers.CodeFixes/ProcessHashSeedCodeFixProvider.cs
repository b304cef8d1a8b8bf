using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG1004 fix (needs Rng.Runtime and SHA256.HashData): replace a string's per-process hash code with the SHA-256 hash of
/// its UTF-8 text used as SeedSequence entropy, which is the same in every process and on every machine. Offered when the
/// hashed value is one string (s.GetHashCode(), StringComparer.Ordinal.GetHashCode(s), EqualityComparer&lt;string&gt;.Default,
/// HashCode.Combine(s)); tuples, records and culture-aware comparers have no single text to hash, so they get no fix.
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
            || hash.Syntax.SyntaxTree != target.Root.SyntaxTree
            || HashedText(hash, target.Types) is not { } text)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var use = target.Use;
        var entropy = "new " + RngFixSyntax.BigIntegerName + "(global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.UTF8.GetBytes("
            + text.Syntax + ")), isUnsigned: true)";
        SyntaxNode node;
        string replacement;
        if (use.Sink.Kind == SeedSinkKind.SeedSequence && !use.Sink.IsListEntropy && use.SeedValue.WalkDownConversions() == hash)
        {
            // The hash is the SeedSequence's entropy: all 256 bits of the digest become the entropy.
            node = use.SeedSyntax;
            replacement = entropy;
        }
        else
        {
            node = OperationHelpers.WithEnclosingParenthesesAndChecked(hash.Syntax);
            var word = RngFixSyntax.SeedWordAs(hash.Type, "new " + RngFixSyntax.SeedSequenceName + "(" + entropy + ")", out var hasSignedCast);
            if (word is null)
            {
                return ImmutableArray<RngEdit>.Empty;
            }

            replacement = RngFixSyntax.Unchecked(word, hasSignedCast, node, target.Model.Compilation);
        }

        return ImmutableArray.Create(new RngEdit(
            "Seed from the SHA-256 hash of the UTF-8 text of '" + OperationHelpers.Text(text) + "' (the same in every process)",
            StableHashKey,
            node,
            replacement));
    }

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

    private static bool IsOrdinal(IOperation value) =>
        value.WalkDownConversions() is IFieldReferenceOperation { Field: { Name: "Ordinal", ContainingType.Name: "StringComparison" } };

    private static bool HasStableHashApis(RngKnownTypes types) =>
        types.Sha256 is { } sha256
        && sha256.GetMembers("HashData").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 1 && m.Parameters[0].Type is IArrayTypeSymbol)
        && types.Encoding is not null
        && types.BigInteger is { } bigInteger
        && bigInteger.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == "isUnsigned"));
}
