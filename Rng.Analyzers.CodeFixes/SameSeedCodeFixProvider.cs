using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG1002 fix (when Rng.Runtime is referenced and the repeated code has an integer index in scope): key the seed by
/// the iteration or worker index with a SeedSequence, as RNG1001's fix does: <c>new Random(42)</c> in
/// <c>Parallel.For(0, n, i =&gt; ...)</c> becomes <c>new Random((int)new SeedSequence(new ulong[] { (uint)i, 42 }).GenerateState(1)[0])</c>.
/// Per-thread initialisers have no index, so they get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SameSeedCodeFixProvider))]
[Shared]
public sealed class SameSeedCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string KeyByIndexKey = "RNG1002.KeyByIndex";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SameSeedInEveryWorker.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null || !target.Types.HasRngRuntime || target.Use.Sink.Role != SeedRole.Seed || target.Use.Sink.IsListEntropy)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var types = target.Types;
        var use = target.Use;
        // Every enclosing repetition's index, innermost first: keying by the inner loop's index alone would repeat
        // the same streams in every iteration of an outer loop.
        var indices = new List<ISymbol>();
        for (var context = WorkerContexts.Find(use.Call, types); context?.Index(types) is { } index; context = WorkerContexts.Find(context.Boundary, types))
        {
            indices.Add(index);
        }

        if (indices.Count == 0)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        // The seed's own element, written by the shared entropy-list builder, then the index in front of it
        // (NumPy: varying ids first, the root seed last).
        var seedList = RngFixSyntax.EntropyList(new[] { use.SeedValue }, types, out var hasSignedCast);
        if (seedList is null || SyntaxFactory.ParseExpression(seedList) is not ArrayCreationExpressionSyntax { Initializer: { } initializer } seedArray
            || initializer.Expressions.Count != 1)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var elements = new List<string>();
        foreach (var index in indices)
        {
            var indexType = index is ILocalSymbol local ? local.Type : ((IParameterSymbol)index).Type;
            if (IndexElement(index.Name, indexType, ref hasSignedCast) is not { } element)
            {
                return ImmutableArray<RngEdit>.Empty;
            }

            elements.Add(element);
        }

        elements.Add(initializer.Expressions[0].ToString());
        var list = "new " + seedArray.Type.ElementType + "[] { " + string.Join(", ", elements) + " }";
        var seedSequence = "new " + RngFixSyntax.SeedSequenceName + "(" + list + ")";
        string? replacement;
        switch (use.Sink.Kind)
        {
            case SeedSinkKind.SeedSequence:
                replacement = list;
                break;
            case SeedSinkKind.BitGenerator when use.Call.Type is INamedTypeSymbol bitGenerator && RngFixSyntax.HasSeedSequenceConstructor(bitGenerator, types):
                replacement = seedSequence;
                break;
            case SeedSinkKind.GeneratorCreate when HasSeedSequenceOverload(use.Sink.Method, types):
                replacement = seedSequence;
                break;
            default:
                replacement = RngFixSyntax.SeedWordAs(use.SeedValue.Type, seedSequence, out var wordHasSignedCast);
                hasSignedCast |= wordHasSignedCast;
                break;
        }

        if (replacement is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var node = use.SeedSyntax;
        var keyText = "[" + string.Join(", ", indices.Select(i => i.Name)) + ", " + OperationHelpers.Text(node) + "]";
        return ImmutableArray.Create(new RngEdit(
            "Key the seed by " + keyText + " with a SeedSequence",
            KeyByIndexKey,
            node,
            RngFixSyntax.Unchecked(replacement, hasSignedCast, node, target.Model.Compilation)));
    }

    // The same reinterpretation RngFixSyntax uses: signed values as unsigned of the same width (lossless).
    private static string? IndexElement(string name, ITypeSymbol type, ref bool hasSignedCast)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
                return name;
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
                hasSignedCast = true;
                return "(uint)" + name;
            case SpecialType.System_Int64:
                hasSignedCast = true;
                return "(ulong)" + name;
            default:
                return null;
        }
    }

    private static bool HasSeedSequenceOverload(IMethodSymbol method, RngKnownTypes types) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => m.IsStatic == method.IsStatic
            && m.DeclaredAccessibility == Accessibility.Public
            && m.Parameters.Length >= 1
            && RngKnownTypes.Is(m.Parameters[0].Type, types.SeedSequence)
            && m.Parameters.Skip(1).All(p => p.IsOptional));
}
