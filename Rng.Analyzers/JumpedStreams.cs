using System.Collections.Generic;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>A position in a root generator's stream: so many jumps plus so many advanced steps (the two commute).</summary>
internal readonly struct StreamPosition
{
    public StreamPosition(ISymbol root, OffsetSet jumps, BigInteger? advance, bool isRootItself)
    {
        Root = root;
        Jumps = jumps;
        Advance = advance;
        IsRootItself = isRootItself;
    }

    /// <summary>The generator the position is relative to (a local, parameter or field).</summary>
    public ISymbol Root { get; }

    /// <summary>How many times it was jumped (<c>Jumped(k)</c> jumps k times).</summary>
    public OffsetSet Jumps { get; }

    /// <summary>The total of constant <c>Advance</c> deltas, or null when one is not constant.</summary>
    public BigInteger? Advance { get; }

    /// <summary>True for the root generator itself (not a copy).</summary>
    public bool IsRootItself { get; }

    public StreamPosition Jump(OffsetSet jumps) => new(Root, Jumps.Add(jumps), Advance, isRootItself: false);

    public StreamPosition Advanced(BigInteger? delta) => new(Root, Jumps, Advance is { } a && delta is { } d ? a + d : null, isRootItself: false);

    public StreamPosition Copy() => new(Root, Jumps, Advance, isRootItself: false);
}

/// <summary>A place in a method where a jumped, advanced or copied stream is made.</summary>
internal sealed class DerivedStream
{
    public DerivedStream(IOperation site, StreamPosition position, string name)
    {
        Site = site;
        Position = position;
        Name = name;
    }

    /// <summary>The whole derivation expression (<c>root.Jumped(2)</c>, <c>new Pcg64(root.State).Advance(1000)</c>).</summary>
    public IOperation Site { get; }

    public StreamPosition Position { get; }

    /// <summary>The local the stream is stored in, or the expression as written.</summary>
    public string Name { get; }
}

/// <summary>
/// Finds the jumped, advanced and copied streams of one method and where they sit in their root's stream, following
/// chains (<c>root.Jumped(1).Jumped(2)</c>), locals, array elements filled in a loop (<c>blocked[i] = root.Jumped(i)</c>,
/// then <c>blocked[0].Jumped()</c>) and <c>Advance</c> calls on stored copies.
/// </summary>
internal sealed class JumpedStreams
{
    private readonly RngKnownTypes _types;
    private readonly OffsetEvaluator _offsets;
    private readonly IOperation _root;
    private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, BigInteger?>? _localAdvances;
    private List<DerivedStream>? _streams;
    private int _budget = OperationHelpers.MaxVisitedNodes;

    public JumpedStreams(IOperation root, RngKnownTypes types)
    {
        _root = root;
        _types = types;
        _offsets = new OffsetEvaluator(root, types);
    }

    public OffsetEvaluator Offsets => _offsets;

    /// <summary>True for <c>x.Jumped(...)</c> on a bit generator.</summary>
    public bool IsJumped(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "Jumped", Instance: not null } invocation && _types.IsBitGenerator(invocation.TargetMethod.ContainingType);

    /// <summary>True for <c>x.Advance(...)</c> on a bit generator.</summary>
    public bool IsAdvance(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "Advance", Instance: not null, Arguments.Length: 1 } invocation && _types.IsBitGenerator(invocation.TargetMethod.ContainingType);

    /// <summary>True for <c>new T(x.State)</c>: a copy of x.</summary>
    public bool IsStateCopy(IOperation operation) => StateCopySource(operation) is not null;

    /// <summary>Every derived stream of the method, in source order (computed once).</summary>
    public List<DerivedStream> FindStreams() => _streams ??= BuildStreams();

    private List<DerivedStream> BuildStreams()
    {
        var streams = new List<DerivedStream>();
        foreach (var node in _root.Descendants())
        {
            if (!IsSite(node) || IsInnerPartOfAnotherSite(node) || Resolve(node) is not { } position)
            {
                continue;
            }

            // A copy stored in a local and then advanced in place: a = new Pcg64(root.State); a.Advance(1000);
            if (node.WalkUpConversions().Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                && _offsets.IsStable(declarator.Symbol))
            {
                position = position.Advanced(AdvancesOf(declarator.Symbol));
            }

            streams.Add(new DerivedStream(node, position, NameOf(node)));
        }

        return streams;
    }

    /// <summary>
    /// True when <paramref name="root"/> is used as a stream in the method: drawn from, passed on or stored, rather than
    /// only jumped, advanced or copied.
    /// </summary>
    public bool IsUsedDirectly(ISymbol root)
    {
        foreach (var node in _root.Descendants())
        {
            if (SymbolOf(node) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, root)
                && !(node.Parent is IInvocationOperation invocation && invocation.Instance == node && (IsJumped(invocation) || IsAdvance(invocation)))
                && !(node.Parent is IPropertyReferenceOperation { Property.Name: "State" })
                && !(node.Parent is IAssignmentOperation assignment && assignment.Target == node))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSite(IOperation node) =>
        IsJumped(node)
        || (IsAdvance(node) && ((IInvocationOperation)node).Instance!.WalkDownConversions() is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation))
        || IsStateCopy(node);

    // root.Jumped(1) inside root.Jumped(1).Jumped(2) or inside new Pcg64(root.Jumped(1).State) is not a stream of its own.
    private bool IsInnerPartOfAnotherSite(IOperation node)
    {
        var parent = node.WalkUpConversions().Parent;
        if (parent is IInvocationOperation invocation && invocation.Instance?.WalkDownConversions() == node && (IsJumped(invocation) || IsAdvance(invocation)))
        {
            return true;
        }

        return parent is IPropertyReferenceOperation { Property.Name: "State" } state && IsStateCopyArgument(state);
    }

    private bool IsStateCopyArgument(IPropertyReferenceOperation state)
    {
        var current = state.WalkUpConversions();
        return current.Parent is IArgumentOperation { Parent: { } creation } && IsStateCopy(creation);
    }

    private IOperation? StateCopySource(IOperation operation) =>
        operation is IObjectCreationOperation { Arguments.Length: 1 } creation
        && _types.IsBitGenerator(creation.Type)
        && creation.Arguments[0].Value.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "State", Instance: { } source }
        && _types.IsBitGenerator(source.Type)
            ? source
            : null;

    /// <summary>Where <paramref name="operation"/> sits in its root's stream, or null when unknown.</summary>
    public StreamPosition? Resolve(IOperation operation)
    {
        if (--_budget < 0)
        {
            return null;
        }

        var current = operation.WalkDownConversions();
        if (IsJumped(current))
        {
            var invocation = (IInvocationOperation)current;
            var jumps = invocation.Arguments.Length == 1 ? _offsets.Evaluate(invocation.Arguments[0].Value) : OffsetSet.Constant(1);
            return jumps is { } offset && Resolve(invocation.Instance!) is { } receiver ? receiver.Jump(offset) : null;
        }

        if (IsAdvance(current))
        {
            var invocation = (IInvocationOperation)current;
            var delta = invocation.Arguments[0].Value.TryGetIntegerConstant(out var value) ? value : (BigInteger?)null;
            return Resolve(invocation.Instance!) is { } receiver ? receiver.Advanced(delta) : null;
        }

        if (StateCopySource(current) is { } source)
        {
            return Resolve(source) is { } copied ? copied.Copy() : null;
        }

        switch (current)
        {
            case ILocalReferenceOperation local:
                return ResolveLocal(local);
            case IParameterReferenceOperation parameter when _offsets.IsStable(parameter.Parameter) && !IsAdvancedDirectly(parameter.Parameter):
                return RootItself(parameter.Parameter);
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation
                && _offsets.IsStable(field.Field) && !IsAdvancedDirectly(field.Field.OriginalDefinition):
                return RootItself(field.Field.OriginalDefinition);
            case IArrayElementReferenceOperation element:
                return ResolveElement(element);
            default:
                return null;
        }
    }

    private static StreamPosition RootItself(ISymbol symbol) => new(symbol, OffsetSet.Constant(0), 0, isRootItself: true);

    private StreamPosition? ResolveLocal(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (!_offsets.IsStable(local) || !_visiting.Add(local))
        {
            return null;
        }

        try
        {
            var value = OperationHelpers.GetReachingValue(reference);
            if (value is not null && (IsJumped(value.WalkDownConversions()) || IsAdvance(value.WalkDownConversions()) || IsStateCopy(value.WalkDownConversions())
                || value.WalkDownConversions() is IArrayElementReferenceOperation))
            {
                // A stored derived stream, plus the Advance calls made on the local afterwards.
                return Resolve(value) is { } stored ? stored.Advanced(AdvancesOf(local)) : null;
            }

            // Any other value (new Pcg64(seed), a call): the local is a root of its own, unless it is advanced in place.
            return IsAdvancedDirectly(local) ? null : RootItself(local);
        }
        finally
        {
            _visiting.Remove(local);
        }
    }

    // blocked[c], where blocked = new[] { root.Jumped(0), ... } or blocked[i] = root.Jumped(i) in a for loop.
    private StreamPosition? ResolveElement(IArrayElementReferenceOperation element)
    {
        if (element.Indices.Length != 1 || !element.Indices[0].TryGetIntegerConstant(out var index)
            || element.ArrayReference.WalkDownConversions() is not ILocalReferenceOperation array
            || !_offsets.IsStable(array.Local))
        {
            return null;
        }

        if (OperationHelpers.GetReachingValue(array)?.WalkDownConversions() is IArrayCreationOperation { Initializer: { } initializer })
        {
            return index >= 0 && index < initializer.ElementValues.Length ? Resolve(initializer.ElementValues[(int)index]) : null;
        }

        IOperation? assigned = null;
        foreach (var node in _root.Descendants())
        {
            if (node is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation target } assignment
                && target.ArrayReference.WalkDownConversions() is ILocalReferenceOperation targetArray
                && SymbolEqualityComparer.Default.Equals(targetArray.Local, array.Local))
            {
                if (assigned is not null)
                {
                    return null;
                }

                assigned = assignment;
            }
        }

        if (assigned is not ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: { Length: 1 } indices } } fill
            || _offsets.Evaluate(indices[0]) is not { Base: null } covered
            || index < covered.Low || index > covered.High
            || Resolve(fill.Value) is not { } filled)
        {
            return null;
        }

        // The element's jumps follow the loop variable one for one (or do not depend on it).
        var jumps = filled.Jumps;
        var shift = index - covered.Low;
        var at = jumps.IsSingle ? jumps : new OffsetSet(jumps.Base, jumps.Low + shift, jumps.Low + shift, isExact: true);
        return new StreamPosition(filled.Root, at, filled.Advance, isRootItself: false);
    }

    private bool IsAdvancedDirectly(ISymbol symbol) => AdvancesOf(symbol) is not { IsZero: true };

    // The total of the constant Advance calls made directly on a local (a.Advance(5); a.Advance(10) gives 15); null when one is not constant.
    private BigInteger? AdvancesOf(ISymbol symbol)
    {
        if (_localAdvances is null)
        {
            _localAdvances = new Dictionary<ISymbol, BigInteger?>(SymbolEqualityComparer.Default);
            foreach (var node in _root.Descendants())
            {
                if (IsAdvance(node) && SymbolOf(((IInvocationOperation)node).Instance!.WalkDownConversions()) is { } target)
                {
                    BigInteger? delta = ((IInvocationOperation)node).Arguments[0].Value.TryGetIntegerConstant(out var value) ? value : null;
                    if (!_localAdvances.TryGetValue(target, out var sum))
                    {
                        _localAdvances[target] = delta;
                    }
                    else
                    {
                        _localAdvances[target] = sum is { } known && delta is { } more ? known + more : null;
                    }
                }
            }
        }

        return _localAdvances.TryGetValue(symbol, out var total) ? total : BigInteger.Zero;
    }

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        _ => null,
    };

    // var extra = blocked[0].Jumped(); names the stream 'extra'; otherwise the expression as written.
    private static string NameOf(IOperation site)
    {
        var current = site.WalkUpConversions();
        if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return declarator.Symbol.Name;
        }

        if (current.Parent is ISimpleAssignmentOperation assignment && assignment.Value == current)
        {
            return OperationHelpers.Text(assignment.Target);
        }

        return OperationHelpers.Text(site);
    }
}
