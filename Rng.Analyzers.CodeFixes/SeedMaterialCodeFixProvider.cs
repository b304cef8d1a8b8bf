using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG3002 fix (Rng.Runtime referenced): build the later stream from a distinct spawned child. A reused SeedSequence or
/// child <c>ss</c> becomes <c>ss.Spawn(1)[0]</c> (a new child each time it runs); a repeated seed <c>42</c> becomes child m of
/// <c>new SeedSequence(42)</c>, where m counts the children of that seed already taken in the method, so every repeat
/// gets its own. Philox keys get no fix (choose distinct keys).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedMaterialCodeFixProvider))]
[Shared]
public sealed class SeedMaterialCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string SpawnChildKey = "RNG3002.SpawnChild";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.StreamsFromSameSeedMaterial.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var span = diagnostic.Location.SourceSpan;
        var types = RngKnownTypes.Create(model.Compilation, document.Project.AnalyzerOptions);
        if (!types.HasRngRuntime || model.GetOperation(root.FindNode(span, getInnermostNodeForTie: true), cancellationToken) is not { } creation)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var materials = new SeedMaterials(creation.GetRoot(), types);
        var reuses = materials.FindReuses();
        var reuse = reuses.FirstOrDefault(r => r.Later.Creation.Syntax.Span == span);
        if (reuse is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var later = reuse.Later;
        var title = "Build '" + later.Name + "' from a distinct spawned child";
        switch (later.Kind)
        {
            case SeedMaterialKind.Instance:
            case SeedMaterialKind.Element:
                var material = OperationHelpers.WithEnclosingParenthesesAndChecked(later.MaterialOperation.Syntax);
                return ImmutableArray.Create(new RngEdit(title, SpawnChildKey, material, OperationHelpers.Text(material) + ".Spawn(1)[0]"));
            case SeedMaterialKind.Entropy when later.Material.IsSingle:
                return EntropyEdit(later, reuses, materials, types, model.Compilation, title) is { } edit ? ImmutableArray.Create(edit) : ImmutableArray<RngEdit>.Empty;
            default:
                return ImmutableArray<RngEdit>.Empty;
        }
    }

    private static RngEdit? EntropyEdit(SeededStream later, System.Collections.Generic.List<SeedMaterialReuse> reuses, SeedMaterials materials, RngKnownTypes types, Compilation compilation, string title)
    {
        // Child m of new SeedSequence(seed): after the children of this seed the method already takes, and after the
        // repeats before this one (so fixing one at a time or all at once writes the same code).
        var index = NextFreeChild(later.Material, materials, types)
            + reuses.Count(r => r.Later.Kind == SeedMaterialKind.Entropy && r.Later.Material.IsSingle
                && SameValue(r.Later.Material, later.Material) && r.Later.Creation.Syntax.SpanStart < later.Creation.Syntax.SpanStart);

        IOperation seed;
        SyntaxNode replaced;
        SeedSinkKind? sinkKind = null;
        if (later.MaterialOperation is IObjectCreationOperation inner && types.SeedSinks.TryGetUse(inner, out var innerUse))
        {
            // new Pcg64(new SeedSequence(7)): replace the inner sequence with its child.
            seed = innerUse.SeedValue;
            replaced = inner.Syntax;
        }
        else if (types.SeedSinks.TryGetUse(later.Creation, out var use))
        {
            seed = use.SeedValue;
            sinkKind = use.Sink.Kind;
            replaced = use.Sink.Kind == SeedSinkKind.SeedSequence ? later.Creation.Syntax : use.SeedSyntax;
        }
        else
        {
            return null;
        }

        var entropy = EntropyText(seed, types);
        if (entropy is null)
        {
            return null;
        }

        var child = "new " + RngFixSyntax.SeedSequenceName + "(" + entropy + ").Spawn(" + (index + 1).ToString(CultureInfo.InvariantCulture) + ")[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        var hasSignedCast = false;
        string? replacement = sinkKind switch
        {
            null or SeedSinkKind.SeedSequence => child,
            SeedSinkKind.BitGenerator when later.Type is INamedTypeSymbol bitGenerator && RngFixSyntax.HasSeedSequenceConstructor(bitGenerator, types) => child,
            SeedSinkKind.GeneratorCreate when types.Generator!.GetMembers("Create").OfType<IMethodSymbol>().Any(m => m.Parameters.Length >= 1 && RngKnownTypes.Is(m.Parameters[0].Type, types.SeedSequence)) => child,
            SeedSinkKind.SystemRandom or SeedSinkKind.Configured => RngFixSyntax.SeedWordAs(seed.Type, child, out hasSignedCast),
            _ => null,
        };

        return replacement is null ? null : new RngEdit(title, SpawnChildKey, replaced, RngFixSyntax.Unchecked(replacement, hasSignedCast, replaced, compilation));
    }

    // The seed as SeedSequence entropy: as written when it cannot be negative, else reinterpreted as unsigned (lossless).
    private static string? EntropyText(IOperation seed, RngKnownTypes types)
    {
        var isNonNegativeConstant = seed.TryGetIntegerConstant(out var constant) && constant.Sign >= 0;
        var type = seed.WalkDownConversions().Type;
        var isUnsigned = type?.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            || RngKnownTypes.Is(type, types.UInt128);
        if (isNonNegativeConstant || isUnsigned)
        {
            return OperationHelpers.Text(seed.WalkDownConversions());
        }

        return RngFixSyntax.EntropyList(new[] { seed.WalkDownConversions() }, types, out _);
    }

    // One past the highest child index of new SeedSequence(seed).Spawn(n)[m] with the same seed already in the method.
    private static int NextFreeChild(OffsetSet seed, SeedMaterials materials, RngKnownTypes types)
    {
        var next = 0;
        foreach (var node in materials.Offsets.Root.Descendants())
        {
            if (node is IArrayElementReferenceOperation { Indices.Length: 1 } element
                && element.Indices[0].TryGetIntegerConstant(out var childIndex)
                && element.ArrayReference.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "Spawn", Instance: IObjectCreationOperation parent }
                && types.SeedSinks.TryGetUse(parent, out var parentUse)
                && RngKnownTypes.Is(parent.Type, types.SeedSequence)
                && EntropyValue(parentUse.SeedValue, materials) is { } value
                && SameValue(value, seed))
            {
                next = (int)BigInteger.Max(next, childIndex + 1);
            }
        }

        return next;
    }

    // new ulong[] { unchecked((uint)-3) } written by an earlier fix stands for the seed -3.
    private static OffsetSet? EntropyValue(IOperation entropy, SeedMaterials materials)
    {
        var value = entropy.WalkDownConversions();
        if (value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements })
        {
            var element = elements[0].WalkDownConversions();
            if (element is IConversionOperation { Operand: var operand })
            {
                element = operand;
            }

            return materials.Offsets.Evaluate(element);
        }

        return materials.Offsets.Evaluate(value);
    }

    private static bool SameValue(OffsetSet a, OffsetSet b) =>
        SymbolEqualityComparer.Default.Equals(a.Base, b.Base) && a.IsSingle && b.IsSingle && a.Low == b.Low;
}
