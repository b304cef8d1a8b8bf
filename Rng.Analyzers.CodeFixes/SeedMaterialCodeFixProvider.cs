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
/// gets its own. A repeated Philox key (or intersecting key ranges) <c>Philox.FromKey(k)</c> becomes
/// <c>new Philox(new SeedSequence(k).Spawn(m + 1)[m])</c> in the same way.
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
            case SeedMaterialKind.Key:
                return KeyEdit(later, reuses, materials, types, model.Compilation, title) is { } keyEdit ? ImmutableArray.Create(keyEdit) : ImmutableArray<RngEdit>.Empty;
            default:
                return ImmutableArray<RngEdit>.Empty;
        }
    }

    // The child of new SeedSequence(seed) the later stream takes: past the children of its seed that the method already
    // takes (written by hand or by an earlier fix), and past the child of every earlier fixable repeat whose seed or key
    // shares a value with it, so that fixing one at a time in source order or all at once writes the same code and no
    // two rewritten streams share a child (also for key ranges of loops, where "count the earlier repeats" would not do).
    private static int ChildIndex(SeededStream later, System.Collections.Generic.List<SeedMaterialReuse> reuses, SeedMaterials materials, RngKnownTypes types)
    {
        var indices = new System.Collections.Generic.Dictionary<SeededStream, int>();
        foreach (var reuse in reuses)
        {
            var stream = reuse.Later;
            if (!IsChildFixable(stream))
            {
                continue;
            }

            var index = NextFreeChild(stream.Material, materials, types);
            foreach (var earlier in indices)
            {
                if (earlier.Key.Material.Intersects(stream.Material))
                {
                    index = System.Math.Max(index, earlier.Value + 1);
                }
            }

            if (stream == later)
            {
                return index;
            }

            indices.Add(stream, index);
        }

        return NextFreeChild(later.Material, materials, types);
    }

    // Repeats that the fix turns into a child of new SeedSequence(value): single seeds, and Philox keys (also key ranges).
    private static bool IsChildFixable(SeededStream stream) =>
        (stream.Kind == SeedMaterialKind.Entropy && stream.Material.IsSingle) || stream.Kind == SeedMaterialKind.Key;

    private static RngEdit? EntropyEdit(SeededStream later, System.Collections.Generic.List<SeedMaterialReuse> reuses, SeedMaterials materials, RngKnownTypes types, Compilation compilation, string title)
    {
        var index = ChildIndex(later, reuses, materials, types);

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
            SeedSinkKind.SystemRandom or SeedSinkKind.Configured or SeedSinkKind.Forwarding => RngFixSyntax.SeedWordAs(seed.Type, child, out hasSignedCast),
            _ => null,
        };

        return replacement is null ? null : new RngEdit(title, SpawnChildKey, replaced, RngFixSyntax.Unchecked(replacement, hasSignedCast, replaced, compilation));
    }

    // Philox.FromKey(key, counter) -> new Philox(new SeedSequence(key).Spawn(m + 1)[m], counter): the key stays the
    // material the stream is derived from (so the stream is still reproducible from it and distinct per key), but the
    // Philox key itself becomes SeedSequence output, which no small or structured key (rootKey + i) can hit. Shifting
    // the key to "an unused one" would only be unused within this method; other methods' keys are out of sight.
    private static RngEdit? KeyEdit(SeededStream later, System.Collections.Generic.List<SeedMaterialReuse> reuses, SeedMaterials materials, RngKnownTypes types, Compilation compilation, string title)
    {
        if (later.Creation is not IInvocationOperation { TargetMethod.IsStatic: true } factory
            || !types.SeedSinks.TryGetUse(factory, out var use)
            || use.Sink.Role != SeedRole.Key
            || factory.Type is not INamedTypeSymbol generatorType)
        {
            return null;
        }

        var otherArguments = factory.Arguments
            .Where(a => a != use.SeedArgument && a.ArgumentKind == ArgumentKind.Explicit)
            .OrderBy(a => a.Syntax.SpanStart)
            .ToList();
        var constructor = generatorType.InstanceConstructors.FirstOrDefault(c => c.DeclaredAccessibility == Accessibility.Public
            && c.Parameters.Length > 0
            && RngKnownTypes.Is(c.Parameters[0].Type, types.SeedSequence)
            && otherArguments.All(a => c.Parameters.Skip(1).Any(p => p.Name == a.Parameter?.Name && SymbolEqualityComparer.Default.Equals(p.Type, a.Parameter?.Type)))
            && c.Parameters.Skip(1).All(p => p.IsOptional || otherArguments.Any(a => a.Parameter?.Name == p.Name)));
        if (constructor is null)
        {
            return null;
        }

        var keyText = KeyEntropy(use, types, compilation);
        if (keyText is null)
        {
            return null;
        }

        var index = ChildIndex(later, reuses, materials, types);
        var child = "new " + RngFixSyntax.SeedSequenceName + "(" + keyText + ").Spawn(" + (index + 1).ToString(CultureInfo.InvariantCulture) + ")[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        // The other arguments (the counter): positional where the constructor has the parameter at the same place, else named.
        var arguments = new System.Collections.Generic.List<string> { child };
        foreach (var argument in otherArguments)
        {
            var parameter = constructor.Parameters.First(p => p.Name == argument.Parameter!.Name);
            var isPositional = argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { NameColon: null } && parameter.Ordinal == argument.Parameter!.Ordinal;
            arguments.Add((isPositional ? string.Empty : parameter.Name + ": ") + argument.Value.Syntax.ToString());
        }

        return new RngEdit(title, SpawnChildKey, factory.Syntax, "new " + RngFixSyntax.FullName(generatorType) + "(" + string.Join(", ", arguments) + ")");
    }

    // The key as SeedSequence entropy: as written (UInt128 converts to BigInteger, ulong stays ulong), a non-negative
    // constant as its value. A key that mixes a worker or loop index into a root key (rootKey + i: fine for Philox keys)
    // would be RNG1001's "root seed plus index" once it is SeedSequence entropy, so the index goes first in a list,
    // [i, rootKey + i], as NumPy recommends ([worker_id, root_seed]): still one entropy per key and index, and runs with
    // nearby root keys no longer share streams. (Not RNG1001's own [i, rootKey], which drops constant offsets: the
    // keys rootKey + 10 + i and rootKey + 20 + i would become the same list.)
    private static string? KeyEntropy(SeedSinkUse use, RngKnownTypes types, Compilation compilation)
    {
        var key = use.SeedValue;
        if (key.TryGetIntegerConstant(out var constant) && constant.Sign >= 0)
        {
            return OperationHelpers.Text(key.WalkDownConversions());
        }

        var asSeed = new SeedSinkUse(use.Call, new SeedSink(use.Sink.Method, use.Sink.SeedParameter, SeedSinkKind.SeedSequence, SeedRole.Seed, isListEntropy: false), use.SeedArgument);
        if (!SeedArithmetic.TryAnalyze(asSeed, types, out var arithmetic))
        {
            return use.SeedSyntax.ToString();
        }

        var list = RngFixSyntax.EntropyList(arithmetic.WorkerLeaves.Add(key), types, out var hasSignedCast);
        if (list is null)
        {
            return null;
        }

        // The key is the last entry, where it needs no parentheses.
        var keyText = key.Syntax.ToString();
        var parenthesized = ", (" + keyText + ") }";
        if (list.EndsWith(parenthesized, System.StringComparison.Ordinal))
        {
            list = list.Substring(0, list.Length - parenthesized.Length) + ", " + keyText + " }";
        }

        return RngFixSyntax.Unchecked(list, hasSignedCast, use.SeedSyntax, compilation);
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
                && value.Intersects(seed))
            {
                next = (int)BigInteger.Max(next, childIndex + 1);
            }
        }

        return next;
    }

    // new ulong[] { unchecked((uint)-3) } written by an earlier fix stands for the seed -3, and a key list
    // new BigInteger[] { (uint)j, rootKey + j } for its last entry, the key. Two children can only coincide when their
    // entropy is the same, and then so is this value, so the child indices above never miss a clash.
    private static OffsetSet? EntropyValue(IOperation entropy, SeedMaterials materials)
    {
        var value = entropy.WalkDownConversions();
        if (value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
        {
            return materials.Offsets.Evaluate(elements[elements.Length - 1].WalkDownConversions());
        }

        return materials.Offsets.Evaluate(value);
    }
}
