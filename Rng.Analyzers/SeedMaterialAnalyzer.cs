using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>What a stream was built from.</summary>
internal enum SeedMaterialKind
{
    /// <summary>A SeedSequence instance held in a local, parameter or field.</summary>
    Instance,

    /// <summary>An element of an array of spawned children (<c>kids[0]</c>).</summary>
    Element,

    /// <summary>An integer seed or SeedSequence entropy.</summary>
    Entropy,

    /// <summary>A Philox key.</summary>
    Key,
}

/// <summary>One generator (or standalone SeedSequence) built in a method, and the seed material it was built from.</summary>
internal sealed class SeededStream
{
    public SeededStream(IOperation creation, ITypeSymbol type, SeedMaterialKind kind, OffsetSet material, ImmutableArray<BigInteger> extras, IOperation materialOperation, string description, string name)
    {
        Creation = creation;
        Type = type;
        Kind = kind;
        Material = material;
        Extras = extras;
        MaterialOperation = materialOperation;
        Description = description;
        Name = name;
    }

    /// <summary>The creation or factory call: the squiggle of RNG3002.</summary>
    public IOperation Creation { get; }

    /// <summary>What is built (streams of different types are different even from the same material).</summary>
    public ITypeSymbol Type { get; }

    public SeedMaterialKind Kind { get; }

    /// <summary>The symbol (instance, array) or value (entropy, key) the material is; for elements the indices.</summary>
    public OffsetSet Material { get; }

    /// <summary>Other integer arguments that also shape the stream (a Philox counter); they must match too.</summary>
    public ImmutableArray<BigInteger> Extras { get; }

    /// <summary>The seed argument (or the SeedSequence argument) as written.</summary>
    public IOperation MaterialOperation { get; }

    /// <summary>For messages: "SeedSequence 'ss'", "spawned child 'kids[0]'", "Philox key 'rootKey + 1'", "the seed '42'".</summary>
    public string Description { get; }

    /// <summary>The local the stream is stored in, or the expression as written.</summary>
    public string Name { get; }
}

/// <summary>A stream built from the same material as an earlier one in the same method.</summary>
internal sealed class SeedMaterialReuse
{
    public SeedMaterialReuse(SeededStream later, SeededStream earlier)
    {
        Later = later;
        Earlier = earlier;
    }

    public SeededStream Later { get; }

    public SeededStream Earlier { get; }
}

/// <summary>Finds the streams of one method and which of them reuse seed material (RNG3002); shared by the analyzer and its fix.</summary>
internal sealed class SeedMaterials
{
    private readonly RngKnownTypes _types;
    private readonly IOperation _root;
    private readonly OffsetEvaluator _offsets;
    private List<SeededStream>? _streams;

    public SeedMaterials(IOperation root, RngKnownTypes types)
    {
        _root = root;
        _types = types;
        _offsets = new OffsetEvaluator(root, types);
    }

    public OffsetEvaluator Offsets => _offsets;

    /// <summary>Every stream built in the method, in source order.</summary>
    public List<SeededStream> Streams() => _streams ??= Build();

    /// <summary>Every stream whose material an earlier stream of the same type already used, once each, in source order.</summary>
    public List<SeedMaterialReuse> FindReuses()
    {
        var streams = Streams();
        var reuses = new List<SeedMaterialReuse>();
        for (var j = 0; j < streams.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (SameMaterial(streams[i], streams[j]))
                {
                    reuses.Add(new SeedMaterialReuse(streams[j], streams[i]));
                    break;
                }
            }
        }

        return reuses;
    }

    private static bool SameMaterial(SeededStream a, SeededStream b) =>
        a.Kind == b.Kind
        && SymbolEqualityComparer.Default.Equals(a.Type.OriginalDefinition, b.Type.OriginalDefinition)
        && a.Material.Intersects(b.Material)
        && a.Extras.SequenceEqual(b.Extras)
        && a.Creation != b.Creation
        && !OffsetEvaluator.AreExclusive(a.Creation, b.Creation);

    private List<SeededStream> Build()
    {
        var streams = new List<SeededStream>();
        foreach (var node in _root.Descendants())
        {
            if (node is (IObjectCreationOperation or IInvocationOperation) && TryDescribe(node) is { } stream)
            {
                streams.Add(stream);
            }
        }

        return streams;
    }

    private SeededStream? TryDescribe(IOperation node)
    {
        var arguments = node switch
        {
            IObjectCreationOperation creation => creation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        if (node.Type is not { } type || arguments.IsEmpty)
        {
            return null;
        }

        // Seed sinks: integer seeds, SeedSequence entropy, Philox keys.
        if (_types.SeedSinks.TryGetUse(node, out var use))
        {
            if (use.Sink.IsListEntropy
                || (use.Sink.Kind == SeedSinkKind.SeedSequence && !IsStored(node))
                || _offsets.Evaluate(use.SeedValue) is not { } seed
                || Extras(arguments, use.SeedArgument) is not { } extras)
            {
                return null;
            }

            var kind = use.Sink.Role == SeedRole.Key ? SeedMaterialKind.Key : SeedMaterialKind.Entropy;
            var description = (kind == SeedMaterialKind.Key ? "Philox key '" : "the seed '") + OperationHelpers.Text(use.SeedSyntax) + "'";
            return new SeededStream(node, type, kind, seed, extras, use.SeedValue, description, NameOf(node));
        }

        if (!_types.IsRngType(type) || _types.SeedSequence is null)
        {
            return null;
        }

        // RNGs built from a SeedSequence argument.
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || !RngKnownTypes.Is(argument.Value.WalkDownConversions().Type, _types.SeedSequence))
            {
                continue;
            }

            var value = argument.Value.WalkDownConversions();
            if (Extras(arguments, argument) is not { } extras)
            {
                return null;
            }

            if (value is IObjectCreationOperation inner && _types.SeedSinks.TryGetUse(inner, out var entropy))
            {
                // new Pcg64(new SeedSequence(42)) is the same material as new Pcg64(42).
                return !entropy.Sink.IsListEntropy && _offsets.Evaluate(entropy.SeedValue) is { } seed
                    ? new SeededStream(node, type, SeedMaterialKind.Entropy, seed, extras, value, "the seed '" + OperationHelpers.Text(entropy.SeedSyntax) + "'", NameOf(node))
                    : null;
            }

            if (ElementMaterial(value) is { } element)
            {
                return new SeededStream(node, type, SeedMaterialKind.Element, element.Indices, extras, value, "spawned child '" + OperationHelpers.Text(value) + "'", NameOf(node));
            }

            var symbol = value switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field.OriginalDefinition,
                _ => null,
            };

            if (symbol is null || !_offsets.IsStable(symbol))
            {
                return null;
            }

            // A local holding kids[0] is that child.
            if (value is ILocalReferenceOperation holder && OperationHelpers.GetReachingValue(holder)?.WalkDownConversions() is { } held && ElementMaterial(held) is { } heldElement)
            {
                return new SeededStream(node, type, SeedMaterialKind.Element, heldElement.Indices, extras, value, "spawned child '" + OperationHelpers.Text(held) + "'", NameOf(node));
            }

            return new SeededStream(node, type, SeedMaterialKind.Instance, new OffsetSet(symbol, 0, 0, isExact: true), extras, value, "SeedSequence '" + symbol.Name + "'", NameOf(node));
        }

        return null;
    }

    // kids[i] where kids is a stable local, parameter or field whose elements the method does not assign.
    private (OffsetSet Indices, ISymbol Array)? ElementMaterial(IOperation value)
    {
        if (value is not IArrayElementReferenceOperation { Indices.Length: 1 } element)
        {
            return null;
        }

        var array = element.ArrayReference.WalkDownConversions() switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field.OriginalDefinition,
            _ => null,
        };

        if (array is null || !_offsets.IsStable(array) || ElementsAssigned(array) || _offsets.Evaluate(element.Indices[0]) is not { Base: null } indices)
        {
            return null;
        }

        return (new OffsetSet(array, indices.Low, indices.High, indices.IsExact), array);
    }

    private bool ElementsAssigned(ISymbol array)
    {
        foreach (var node in _root.Descendants())
        {
            if (node is IAssignmentOperation { Target: IArrayElementReferenceOperation target }
                && SymbolEqualityComparer.Default.Equals(SymbolOf(target.ArrayReference.WalkDownConversions()), array))
            {
                return true;
            }
        }

        return false;
    }

    // The other explicit arguments (a Philox counter, a pool size) as integer constants, by parameter position; null when
    // one is anything else (a spawn key, a variable), since then the two streams may well differ.
    private static ImmutableArray<BigInteger>? Extras(ImmutableArray<IArgumentOperation> arguments, IArgumentOperation seed)
    {
        var extras = ImmutableArray.CreateBuilder<BigInteger>();
        foreach (var argument in arguments)
        {
            if (argument == seed || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            if (!argument.Value.TryGetIntegerConstant(out var value))
            {
                return null;
            }

            extras.Add((argument.Parameter?.Ordinal ?? -1) * (BigInteger.One << 130));
            extras.Add(value);
        }

        return extras.ToImmutable();
    }

    // A SeedSequence is a stream of its own only when it is kept (var s = new SeedSequence(42)); passed straight to
    // new Pcg64(...) it is described by the Pcg64, and new SeedSequence(42).Spawn(2)[1] is a child, not the sequence.
    private static bool IsStored(IOperation node) =>
        node.WalkUpConversions().Parent is IVariableInitializerOperation or ISimpleAssignmentOperation;

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        _ => null,
    };

    private static string NameOf(IOperation creation)
    {
        var current = creation.WalkUpConversions();
        if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return declarator.Symbol.Name;
        }

        if (current.Parent is ISimpleAssignmentOperation assignment && assignment.Value == current)
        {
            return OperationHelpers.Text(assignment.Target);
        }

        return OperationHelpers.Text(creation);
    }
}

/// <summary>
/// RNG3002: in one method, two streams of the same type are built from the same seed material: the same SeedSequence
/// instance or spawned child, the same Philox key, or the same seed. Both streams are identical.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeedMaterialAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.StreamsFromSameSeedMaterial);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);

            // Each method that builds an RNG is analysed once, when the first one is seen; a reuse is then reported by
            // the action of the later stream's own creation, which keeps the diagnostic local to it (so the IDE can fix it).
            // Weak keys: a body's results go when the driver drops its operations (a dictionary would keep every body alive).
            var analysed = new ConditionalWeakTable<IOperation, Dictionary<IOperation, SeedMaterialReuse>>();
            start.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (!TypeFilters.MayBeRngClass(operation.Type) || operation.Type is not { } type || !(RngKnownTypes.Is(type, types.SeedSequence) || types.IsRngType(type)))
                    {
                        return;
                    }

                    // A field or property initialised with one RNG (private readonly Random _rng = new Random(42)) is
                    // the commonest creation and holds a single stream: nothing to compare it with.
                    var root = operation.GetRoot();
                    if (root is ISymbolInitializerOperation initializer && initializer.Value.WalkDownConversions() == operation)
                    {
                        return;
                    }

                    var reuses = analysed.GetValue(root, body => new SeedMaterials(body, types).FindReuses().ToDictionary(r => r.Later.Creation));
                    if (reuses.TryGetValue(operation, out var reuse))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.StreamsFromSameSeedMaterial,
                            operation.Syntax.GetLocation(),
                            reuse.Later.Name,
                            reuse.Later.Description,
                            reuse.Earlier.Name));
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }
}
