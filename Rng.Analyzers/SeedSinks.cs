using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>What a seed sink builds; decides which rules and fixes apply.</summary>
internal enum SeedSinkKind
{
    /// <summary>A System.Random (or subclass) constructor taking an int seed.</summary>
    SystemRandom,

    /// <summary>A Rng.SeedSequence constructor; the seed is its entropy.</summary>
    SeedSequence,

    /// <summary>A Rng.BitGenerator subclass constructor taking an integer seed (which means new SeedSequence(seed)).</summary>
    BitGenerator,

    /// <summary>Rng.Generator.Create(seed): NumPy's default_rng(seed).</summary>
    GeneratorCreate,

    /// <summary>A method listed in rng_safety.seed_sinks.</summary>
    Configured,

    /// <summary>
    /// A method or constructor of the compilation that passes one of its parameters, as is or combined with constants
    /// (<c>seed * 2 + 1</c>), to another seed sink: a factory (<c>static Random Make(int seed) => new Random(seed)</c>), a
    /// worker entry point (<c>void Simulate(int seed) { var rng = new Random(seed); ... }</c>) or a worker's constructor,
    /// primary constructors included, whose argument is therefore a seed.
    /// </summary>
    Forwarding,
}

/// <summary>What the seed argument means to the sink.</summary>
internal enum SeedRole
{
    /// <summary>A seed that is hashed or expanded into state (System.Random's seed, SeedSequence entropy, a bit generator's integer seed).</summary>
    Seed,

    /// <summary>Philox's explicit key: NumPy's documented independent-stream strategy is rootKey + streamId, so key arithmetic is not RNG1001.</summary>
    Key,
}

/// <summary>A constructor or factory method that takes a seed, and which parameter is the seed.</summary>
internal sealed class SeedSink
{
    public SeedSink(IMethodSymbol method, IParameterSymbol seedParameter, SeedSinkKind kind, SeedRole role, bool isListEntropy, SeedSink? forwardsTo = null, bool transformsSeed = false)
    {
        Method = method;
        SeedParameter = seedParameter;
        Kind = kind;
        Role = role;
        IsListEntropy = isListEntropy;
        ForwardsTo = forwardsTo;
        TransformsSeed = transformsSeed;
    }

    public IMethodSymbol Method { get; }

    public IParameterSymbol SeedParameter { get; }

    public SeedSinkKind Kind { get; }

    public SeedRole Role { get; }

    /// <summary>True when the seed parameter is a collection (NumPy list entropy, e.g. [workerId, rootSeed]).</summary>
    public bool IsListEntropy { get; }

    /// <summary>For a <see cref="SeedSinkKind.Forwarding"/> sink, the sink its seed parameter is passed to.</summary>
    public SeedSink? ForwardsTo { get; }

    /// <summary>The kind of the sink that finally receives the seed (through any forwarding methods).</summary>
    public SeedSinkKind FinalKind => ForwardsTo?.FinalKind ?? Kind;

    /// <summary>True for a forwarding sink that combines the seed with constants before passing it on (<c>seed * 2 + 1</c>).</summary>
    public bool TransformsSeed { get; }

    /// <summary>True when the argument reaches the final sink unchanged (conversions aside), through any forwarding methods.</summary>
    public bool PassesSeedUnchanged => !TransformsSeed && (ForwardsTo?.PassesSeedUnchanged ?? true);

    /// <summary>True for a root seed that NumPy recommends to be 128 bits (SeedSequence, Generator.Create, bit generator seeds).</summary>
    public bool IsRootSeed => Role == SeedRole.Seed && !IsListEntropy
        && Kind is SeedSinkKind.SeedSequence or SeedSinkKind.BitGenerator or SeedSinkKind.GeneratorCreate;
}

/// <summary>A call of a seed sink and its seed argument.</summary>
internal readonly struct SeedSinkUse
{
    public SeedSinkUse(IOperation call, SeedSink sink, IArgumentOperation seedArgument)
    {
        Call = call;
        Sink = sink;
        SeedArgument = seedArgument;
    }

    /// <summary>The IObjectCreationOperation or IInvocationOperation.</summary>
    public IOperation Call { get; }

    public SeedSink Sink { get; }

    public IArgumentOperation SeedArgument { get; }

    /// <summary>The seed expression as written (conversions to the parameter type included).</summary>
    public IOperation SeedValue => SeedArgument.Value;

    /// <summary>
    /// The seed expression's syntax exactly as written, including <c>checked(...)</c>/<c>unchecked(...)</c> and
    /// parentheses, which have no operation of their own: the squiggle of every RNG1xxx rule.
    /// </summary>
    public SyntaxNode SeedSyntax => OperationHelpers.WithEnclosingParenthesesAndChecked(
        SeedArgument.Syntax is ArgumentSyntax argument ? argument.Expression : SeedArgument.Syntax);
}

/// <summary>
/// Which constructors and methods take a seed: the built-in RNG types, rng_safety.seed_sinks, and methods of the compilation
/// that pass a parameter on to one of those. Thread-safe.
/// </summary>
internal sealed partial class SeedSinkCatalog
{
    private readonly RngKnownTypes _types;
    private readonly HashSet<IMethodSymbol> _configured;
    private readonly HashSet<INamedTypeSymbol> _configuredTypes;

    public SeedSinkCatalog(RngKnownTypes types, ImmutableArray<IMethodSymbol> configured)
    {
        _types = types;
        _configured = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        _configuredTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in configured)
        {
            _configured.Add(method.OriginalDefinition);
            _configuredTypes.Add(method.ContainingType.OriginalDefinition);
        }
    }

    /// <summary>True when a configured seed sink belongs to <paramref name="type"/> (such types count as RNG types).</summary>
    public bool IsConfiguredSinkType(INamedTypeSymbol type) => _configuredTypes.Contains(type.OriginalDefinition);

    /// <summary>If <paramref name="operation"/> calls a seed sink with an explicit seed argument, returns it.</summary>
    public bool TryGetUse(IOperation operation, out SeedSinkUse use)
    {
        use = default;
        IMethodSymbol? method;
        ImmutableArray<IArgumentOperation> arguments;
        switch (operation)
        {
            case IObjectCreationOperation creation:
                method = creation.Constructor;
                arguments = creation.Arguments;
                break;
            case IInvocationOperation invocation:
                method = invocation.TargetMethod;
                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    method = invocation.Instance is { } target && FirstIntegerParameter(method) is not null ? FunctionHeldBy(target, invocation) : null;
                }

                arguments = invocation.Arguments;
                break;
            default:
                return false;
        }

        if (method is null || !TryGetSink(method, out var sink))
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter
                && parameter.Ordinal == sink.SeedParameter.Ordinal
                && argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Value is not null)
            {
                use = new SeedSinkUse(operation, sink, argument);
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> takes a seed; <paramref name="sink"/> says which parameter.</summary>
    public bool TryGetSink(IMethodSymbol method, out SeedSink sink)
    {
        sink = null!;
        var definition = method.ReducedFrom ?? method;
        definition = definition.OriginalDefinition;
        var type = definition.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (_configured.Count > 0 && _configured.Contains(definition))
        {
            var parameter = FirstIntegerParameter(definition) ?? definition.Parameters[0];
            sink = new SeedSink(definition, parameter, SeedSinkKind.Configured, SeedRole.Seed, _types.IsIntegerCollectionType(parameter.Type));
            return true;
        }

        if (TryGetBuiltInSink(definition, type, out sink))
        {
            return true;
        }

        // Methods of the user's code that hand a parameter on to a seed sink: factories (MakeRng(int seed)), worker
        // entry points (Simulate(int seed)) and constructors (new Worker(int seed) { _rng = new Random(seed); }).
        // Only source methods with a seed-like parameter are looked into, once each.
        if (definition.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor or MethodKind.AnonymousFunction
            && definition.Parameters.Length > 0
            && definition.DeclaringSyntaxReferences.Length == 1)
        {
            var forwarding = GetForwardingSink(definition);
            sink = forwarding!;
            return forwarding is not null;
        }

        return false;
    }

    private bool TryGetBuiltInSink(IMethodSymbol definition, INamedTypeSymbol type, out SeedSink sink)
    {
        sink = null!;

        // Asked for every call and creation in the compilation: built-in sinks are constructors or static factories of
        // RNG types and SeedSequence, and whether a type is one is cached.
        if ((definition.MethodKind != MethodKind.Constructor && !definition.IsStatic)
            || !(RngKnownTypes.Is(type, _types.SeedSequence) || _types.IsRngType(type)))
        {
            return false;
        }

        if (definition.MethodKind == MethodKind.Constructor)
        {
            if (_types.IsSystemRandom(type))
            {
                // System.Random(int Seed); for subclasses, a parameter named like a seed.
                foreach (var parameter in definition.Parameters)
                {
                    if (parameter.Type.SpecialType == SpecialType.System_Int32
                        && (RngKnownTypes.Is(type, _types.SystemRandom) || parameter.Name.IndexOf("seed", StringComparison.OrdinalIgnoreCase) >= 0))
                    {
                        sink = new SeedSink(definition, parameter, SeedSinkKind.SystemRandom, SeedRole.Seed, isListEntropy: false);
                        return true;
                    }
                }

                return false;
            }

            if (RngKnownTypes.Is(type, _types.SeedSequence))
            {
                foreach (var parameter in definition.Parameters)
                {
                    if (parameter.Name == "entropy")
                    {
                        sink = new SeedSink(definition, parameter, SeedSinkKind.SeedSequence, SeedRole.Seed, _types.IsIntegerCollectionType(parameter.Type));
                        return true;
                    }
                }

                return false;
            }

            if (_types.IsBitGenerator(type))
            {
                foreach (var parameter in definition.Parameters)
                {
                    // Philox's counter is a position in the stream, not seed material.
                    if (parameter.Name == "counter" || !IsSeedValue(parameter.Type))
                    {
                        continue;
                    }

                    var role = parameter.Name == "key" ? SeedRole.Key : SeedRole.Seed;
                    sink = new SeedSink(definition, parameter, SeedSinkKind.BitGenerator, role, _types.IsIntegerCollectionType(parameter.Type));
                    return true;
                }

                return false;
            }

            return false;
        }

        // Static factories of bit generators, e.g. Philox.FromKey(UInt128 key, ...).
        if (definition.IsStatic && _types.IsBitGenerator(type))
        {
            foreach (var parameter in definition.Parameters)
            {
                if (parameter.Name is "key" or "seed" && IsSeedValue(parameter.Type))
                {
                    var role = parameter.Name == "key" ? SeedRole.Key : SeedRole.Seed;
                    sink = new SeedSink(definition, parameter, SeedSinkKind.BitGenerator, role, _types.IsIntegerCollectionType(parameter.Type));
                    return true;
                }
            }

            return false;
        }

        if (definition.IsStatic && definition.Name == "Create" && RngKnownTypes.Is(type, _types.Generator))
        {
            var parameter = FirstIntegerParameter(definition);
            if (parameter is not null)
            {
                sink = new SeedSink(definition, parameter, SeedSinkKind.GeneratorCreate, SeedRole.Seed, _types.IsIntegerCollectionType(parameter.Type));
                return true;
            }
        }

        return false;
    }

    private IParameterSymbol? FirstIntegerParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsSeedValue(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    private bool IsSeedValue(ITypeSymbol type) => _types.IsIntegerType(type) || _types.IsIntegerCollectionType(type);
}
