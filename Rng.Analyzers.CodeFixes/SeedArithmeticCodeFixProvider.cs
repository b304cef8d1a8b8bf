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
/// RNG1001 fixes (only when Rng.Runtime is referenced; plain System.Random projects get no fix):
/// (a) derive the seed from a SeedSequence keyed by [workerId, rootSeed], keeping the seed's type;
/// (b) replace the RNG with one built from that SeedSequence (a Generator, <c>.AsRandom()</c> where a System.Random is needed).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedArithmeticCodeFixProvider))]
[Shared]
public sealed class SeedArithmeticCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of fix (a).</summary>
    public const string KeySeedSequenceKey = "RNG1001.KeySeedSequence";

    /// <summary>Equivalence key of fix (b).</summary>
    public const string UseGeneratorKey = "RNG1001.UseGenerator";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SeedDerivedByArithmetic.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null || !target.Types.HasRngRuntime || !SeedArithmetic.TryAnalyze(target.Use, target.Types, out var seed))
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var keys = SeedArithmetic.KeyOperands(seed).ToList();
        var list = RngFixSyntax.EntropyList(keys, target.Types, out var listHasSignedCast);
        if (list is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var keyText = "[" + string.Join(", ", keys.Select(k => OperationHelpers.Text(k))) + "]";
        var edits = ImmutableArray.CreateBuilder<RngEdit>();
        if (BuildKeyedSeed(target, seed, list, listHasSignedCast) is { } keyed)
        {
            edits.Add(new RngEdit("Derive the seed from a SeedSequence keyed by " + keyText, KeySeedSequenceKey, keyed.Node, keyed.Replacement));
        }

        if (!seed.ViaLocal && BuildGenerator(target, list, listHasSignedCast) is { } generator)
        {
            edits.Add(new RngEdit("Use a generator seeded by a SeedSequence keyed by " + keyText, UseGeneratorKey, generator.Node, generator.Replacement));
        }

        return edits.ToImmutable();
    }

    // (a): replace the arithmetic (or bare index) with seed words of the same type, or, when it is a SeedSequence's
    // entropy, with the list itself.
    private static (SyntaxNode Node, string Replacement)? BuildKeyedSeed(SeedFixTarget target, ArithmeticSeed seed, string list, bool listHasSignedCast)
    {
        var use = target.Use;
        SyntaxNode node;
        ITypeSymbol? type;
        if (seed.Arithmetic is { } arithmetic)
        {
            node = OperationHelpers.WithEnclosingParenthesesAndChecked(arithmetic.Syntax);
            type = arithmetic.Type;
        }
        else
        {
            node = use.SeedSyntax;
            type = use.SeedValue.Type;
        }

        var compilation = target.Model.Compilation;
        if (use.Sink.Kind == SeedSinkKind.SeedSequence && !use.Sink.IsListEntropy && node == use.SeedSyntax)
        {
            return (node, RngFixSyntax.Unchecked(list, listHasSignedCast, node, compilation));
        }

        var word = RngFixSyntax.SeedWordAs(type, "new " + RngFixSyntax.SeedSequenceName + "(" + list + ")", out var wordHasSignedCast);
        return word is null ? null : (node, RngFixSyntax.Unchecked(word, listHasSignedCast || wordHasSignedCast, node, compilation));
    }

    // (b): replace the whole RNG creation.
    private static (SyntaxNode Node, string Replacement)? BuildGenerator(SeedFixTarget target, string list, bool listHasSignedCast)
    {
        var use = target.Use;
        var types = target.Types;
        var seedSequence = "new " + RngFixSyntax.SeedSequenceName + "(" + list + ")";
        string? replacement = null;
        switch (use.Sink.Kind)
        {
            case SeedSinkKind.SystemRandom when use.Call is IObjectCreationOperation creation
                && RngKnownTypes.Is(creation.Type, types.SystemRandom)
                && RngFixSyntax.GeneratorHasParameterlessMethod(types, "AsRandom", isStatic: false):
                replacement = RngFixSyntax.GeneratorFrom(seedSequence, types) is { } generator ? generator + ".AsRandom()" : null;
                break;
            case SeedSinkKind.BitGenerator when use.Call is IObjectCreationOperation { Type: INamedTypeSymbol bitGenerator }
                && RngFixSyntax.HasSeedSequenceConstructor(bitGenerator, types):
                replacement = "new " + RngFixSyntax.FullName(bitGenerator) + "(" + seedSequence + ")";
                break;
            case SeedSinkKind.GeneratorCreate:
                replacement = RngFixSyntax.GeneratorFrom(seedSequence, types);
                break;
        }

        return replacement is null
            ? null
            : (use.Call.Syntax, RngFixSyntax.Unchecked(replacement, listHasSignedCast, use.Call.Syntax, target.Model.Compilation));
    }
}
