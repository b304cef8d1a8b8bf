using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// The types the RngSafety analyzers reason about, resolved once per compilation by metadata name
/// (so the analyzers also work, with fewer fixes, when Rng.Runtime is not referenced), plus the seed sinks.
/// </summary>
internal sealed class RngKnownTypes
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _rngTypes = new(SymbolEqualityComparer.Default);

    private RngKnownTypes(Compilation compilation, AnalyzerOptions? options)
    {
        Compilation = compilation;

        SystemRandom = Get("System.Random");
        SeedSequence = Get("Rng.SeedSequence");
        Generator = Get("Rng.Generator");
        BitGenerator = Get("Rng.BitGenerator");
        Pcg64 = Get("Rng.Pcg64");
        Pcg64Dxsm = Get("Rng.Pcg64Dxsm");
        Philox = Get("Rng.Philox");
        Sfc64 = Get("Rng.Sfc64");
        Mt19937 = Get("Rng.Mt19937");
        ParallelRandom = Get("Rng.ParallelRandom");

        Parallel = Get("System.Threading.Tasks.Parallel");
        ParallelLoopState = Get("System.Threading.Tasks.ParallelLoopState");
        ParallelOptions = Get("System.Threading.Tasks.ParallelOptions");
        Task = Get("System.Threading.Tasks.Task");
        TaskOfT = Get("System.Threading.Tasks.Task`1");
        TaskFactory = Get("System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = Get("System.Threading.Tasks.TaskFactory`1");
        Thread = Get("System.Threading.Thread");
        ThreadPool = Get("System.Threading.ThreadPool");
        ThreadLocalOfT = Get("System.Threading.ThreadLocal`1");
        ThreadStaticAttribute = Get("System.ThreadStaticAttribute");
        Interlocked = Get("System.Threading.Interlocked");
        Monitor = Get("System.Threading.Monitor");
        CancellationToken = Get("System.Threading.CancellationToken");
        ParallelEnumerable = Get("System.Linq.ParallelEnumerable");
        ParallelQuery = Get("System.Linq.ParallelQuery");
        ParallelQueryOfT = Get("System.Linq.ParallelQuery`1");
        LazyOfT = Get("System.Lazy`1");

        DateTime = Get("System.DateTime");
        DateTimeOffset = Get("System.DateTimeOffset");
        Environment = Get("System.Environment");
        Stopwatch = Get("System.Diagnostics.Stopwatch");
        Guid = Get("System.Guid");
        Process = Get("System.Diagnostics.Process");

        HashCode = Get("System.HashCode");
        EqualityComparerOfT = Get("System.Collections.Generic.EqualityComparer`1");
        StringComparer = Get("System.StringComparer");
        Tuple = Get("System.Tuple");

        BigInteger = Get("System.Numerics.BigInteger");
        UInt128 = Get("System.UInt128");
        Int128 = Get("System.Int128");
        ReadOnlySpanOfT = Get("System.ReadOnlySpan`1");
        SpanOfT = Get("System.Span`1");
        EnumerableOfT = Get("System.Collections.Generic.IEnumerable`1");
        Sha256 = Get("System.Security.Cryptography.SHA256");
        Encoding = Get("System.Text.Encoding");

        var configuration = RngConfiguration.Read(compilation, options);
        SeedSinks = new SeedSinkCatalog(this, configuration.SeedSinks);
        ConfigurationErrors = configuration.Errors;
    }

    public Compilation Compilation { get; }

    // Randomness: System.Random and Rng.Runtime (null when Rng.Runtime is not referenced).
    public INamedTypeSymbol? SystemRandom { get; }
    public INamedTypeSymbol? SeedSequence { get; }
    public INamedTypeSymbol? Generator { get; }
    public INamedTypeSymbol? BitGenerator { get; }
    public INamedTypeSymbol? Pcg64 { get; }
    public INamedTypeSymbol? Pcg64Dxsm { get; }
    public INamedTypeSymbol? Philox { get; }
    public INamedTypeSymbol? Sfc64 { get; }
    public INamedTypeSymbol? Mt19937 { get; }
    public INamedTypeSymbol? ParallelRandom { get; }

    // Concurrency.
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ParallelLoopState { get; }
    public INamedTypeSymbol? ParallelOptions { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? ThreadLocalOfT { get; }
    public INamedTypeSymbol? ThreadStaticAttribute { get; }
    public INamedTypeSymbol? Interlocked { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? ParallelEnumerable { get; }
    public INamedTypeSymbol? ParallelQuery { get; }
    public INamedTypeSymbol? ParallelQueryOfT { get; }
    public INamedTypeSymbol? LazyOfT { get; }

    // Clock, process and thread sources (RNG1003).
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? Process { get; }

    // Per-process hashes (RNG1004).
    public INamedTypeSymbol? HashCode { get; }
    public INamedTypeSymbol? EqualityComparerOfT { get; }
    public INamedTypeSymbol? StringComparer { get; }
    public INamedTypeSymbol? Tuple { get; }

    // Values and helpers the code fixes write.
    public INamedTypeSymbol? BigInteger { get; }
    public INamedTypeSymbol? UInt128 { get; }
    public INamedTypeSymbol? Int128 { get; }
    public INamedTypeSymbol? ReadOnlySpanOfT { get; }
    public INamedTypeSymbol? SpanOfT { get; }
    public INamedTypeSymbol? EnumerableOfT { get; }
    public INamedTypeSymbol? Sha256 { get; }
    public INamedTypeSymbol? Encoding { get; }

    /// <summary>True when the compilation references Rng.Runtime, so fixes may write SeedSequence and Generator.</summary>
    public bool HasRngRuntime => SeedSequence is not null;

    /// <summary>The constructors and factories that take a seed, built-in and configured.</summary>
    public SeedSinkCatalog SeedSinks { get; }

    /// <summary>Problems found in the rng_safety options (reported once by <see cref="RngConfigurationAnalyzer"/>).</summary>
    public ImmutableArray<ConfigurationError> ConfigurationErrors { get; }

    /// <summary>Resolves the known types of <paramref name="compilation"/> and reads the rng_safety options.</summary>
    public static RngKnownTypes Create(Compilation compilation, AnalyzerOptions? options) => new(compilation, options);

    /// <summary>
    /// True for an "RNG type": System.Random and its subclasses, Rng.BitGenerator and its subclasses,
    /// Rng.Generator, and any type that declares a configured seed sink.
    /// </summary>
    public bool IsRngType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        // Asked for nearly every object creation in the compilation, mostly about the same few types.
        var definition = named.OriginalDefinition;
        if (!_rngTypes.TryGetValue(definition, out var isRng))
        {
            isRng = IsRngTypeDefinition(definition);
            _rngTypes.TryAdd(definition, isRng);
        }

        return isRng;
    }

    private bool IsRngTypeDefinition(INamedTypeSymbol definition) =>
        Is(definition, Generator)
        || InheritsFromOrEquals(definition, SystemRandom)
        || InheritsFromOrEquals(definition, BitGenerator)
        || SeedSinks.IsConfiguredSinkType(definition);

    /// <summary>True when <paramref name="type"/> is System.Random or derives from it.</summary>
    public bool IsSystemRandom(ITypeSymbol? type) => InheritsFromOrEquals(type, SystemRandom);

    /// <summary>True when <paramref name="type"/> is Rng.BitGenerator or derives from it.</summary>
    public bool IsBitGenerator(ITypeSymbol? type) => InheritsFromOrEquals(type, BitGenerator);

    /// <summary>True when <paramref name="type"/> is a 8- to 64-bit integer, BigInteger, Int128 or UInt128.</summary>
    public bool IsIntegerType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        return Is(type, BigInteger) || Is(type, UInt128) || Is(type, Int128);
    }

    /// <summary>True for an array, span or other single-argument generic collection of integers (list entropy).</summary>
    public bool IsIntegerCollectionType(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.Rank == 1 && IsIntegerType(array.ElementType);
            case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named:
                return IsIntegerType(named.TypeArguments[0]) && IsSequence(named);
            default:
                return false;
        }
    }

    private bool IsSequence(INamedTypeSymbol type)
    {
        if (Is(type, ReadOnlySpanOfT) || Is(type, SpanOfT) || Is(type, EnumerableOfT))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Is(implemented, EnumerableOfT))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public static bool InheritsFromOrEquals(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private INamedTypeSymbol? Get(string metadataName) => Compilation.GetTypeByMetadataName(metadataName);
}
