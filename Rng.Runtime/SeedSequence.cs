using System.Numerics;
using System.Security.Cryptography;

namespace Rng;

/// <summary>
/// Mixes user entropy into a well-distributed pool and derives seeds and independent children from it,
/// exactly as NumPy's <c>numpy.random.SeedSequence</c> does: the same entropy, spawn key and pool size give
/// the same <see cref="GenerateState(int)"/> words and the same children as NumPy, value for value.
/// </summary>
/// <remarks>
/// A <see cref="SeedSequence"/> is immutable except for <see cref="ChildrenSpawned"/>, which
/// <see cref="Spawn(int)"/> advances. Reading it from many threads is safe; calling <see cref="Spawn(int)"/>
/// concurrently on the same instance is not (spawn the children you need up front, then hand them out).
/// </remarks>
public sealed partial class SeedSequence
{
    /// <summary>NumPy's default pool size, in 32-bit words.</summary>
    public const int DefaultPoolSize = 4;

    // Hash constants of NumPy's SeedSequence (O'Neill's seed_seq_fe).
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly BigInteger[] _entropy;
    private readonly BigInteger[] _spawnKey;
    private readonly uint[] _pool;

    /// <summary>Creates a sequence from 128 bits of operating-system entropy; log <see cref="Entropy"/> to reproduce the run.</summary>
    public SeedSequence()
        : this(DrawOsEntropy(DefaultPoolSize))
    {
    }

    /// <summary>Creates a sequence from a non-negative integer of any size, as NumPy's <c>SeedSequence(entropy)</c>.</summary>
    /// <param name="entropy">The root seed; must be non-negative. All of its bits are used.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    public SeedSequence(BigInteger entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(new[] { entropy }, isList: false, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a list of non-negative integers (NumPy's list entropy, e.g. <c>[workerId, rootSeed]</c>).</summary>
    /// <param name="entropy">The entropy words; each must be non-negative. Each element contributes all of its 32-bit words.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    public SeedSequence(ReadOnlySpan<BigInteger> entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(entropy.ToArray(), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    private SeedSequence(BigInteger[] entropy, bool isList, BigInteger[] spawnKey, int poolSize, int childrenSpawned)
    {
        if (poolSize < DefaultPoolSize)
        {
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize,
                $"The size of the entropy pool should be at least {DefaultPoolSize}.");
        }

        CheckNonNegative(entropy, "entropy");
        CheckNonNegative(spawnKey, "spawnKey");
        _entropy = entropy;
        IsEntropyList = isList;
        _spawnKey = spawnKey;
        PoolSize = poolSize;
        ChildrenSpawned = childrenSpawned;
        _pool = MixEntropy(poolSize, AssembleEntropy(entropy, spawnKey, poolSize));
    }

    /// <summary>The entropy this sequence was built from: one element for an integer seed, the list otherwise.</summary>
    public IReadOnlyList<BigInteger> Entropy => _entropy;

    /// <summary>True when the entropy was given as a list (NumPy list entropy), false for a single integer.</summary>
    public bool IsEntropyList { get; }

    /// <summary>The spawn key: the path from the root sequence to this one.</summary>
    public IReadOnlyList<BigInteger> SpawnKey => _spawnKey;

    /// <summary>The size of the entropy pool in 32-bit words.</summary>
    public int PoolSize { get; }

    /// <summary>How many children <see cref="Spawn(int)"/> has created so far (NumPy's <c>n_children_spawned</c>).</summary>
    public int ChildrenSpawned { get; private set; }

    /// <summary>Returns <paramref name="count"/> 32-bit words of seed material (NumPy's <c>generate_state(n, np.uint32)</c>).</summary>
    /// <param name="count">How many words to generate; must be non-negative.</param>
    public uint[] GenerateState(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var state = new uint[count];
        GenerateStateInto(state);
        return state;
    }

    /// <summary>Returns <paramref name="count"/> 64-bit words of seed material (NumPy's <c>generate_state(n, np.uint64)</c>).</summary>
    /// <param name="count">How many words to generate; must be non-negative and at most <see cref="int.MaxValue"/> / 2.</param>
    public ulong[] GenerateState64(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue / 2);
        var state = new ulong[count];
        GenerateState64Into(state);
        return state;
    }

    /// <summary>Writes <c>generate_state(destination.Length, np.uint64)</c> into <paramref name="destination"/> without allocating.</summary>
    internal void GenerateState64Into(Span<ulong> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            // NumPy views the 32-bit words as little-endian 64-bit pairs.
            uint low = NextStateWord(2 * i, ref hashConst);
            uint high = NextStateWord((2 * i) + 1, ref hashConst);
            destination[i] = low | ((ulong)high << 32);
        }
    }

    /// <summary>
    /// Creates <paramref name="count"/> children whose spawn keys extend this one's with
    /// <see cref="ChildrenSpawned"/> + i, then advances <see cref="ChildrenSpawned"/>; exactly NumPy's <c>spawn</c>.
    /// </summary>
    /// <param name="count">How many children to create; must be non-negative.</param>
    public SeedSequence[] Spawn(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue - ChildrenSpawned);
        var children = new SeedSequence[count];
        for (int i = 0; i < count; i++)
        {
            var key = new BigInteger[_spawnKey.Length + 1];
            _spawnKey.CopyTo(key, 0);
            key[^1] = ChildrenSpawned + i;
            children[i] = new SeedSequence(_entropy, IsEntropyList, key, PoolSize, childrenSpawned: 0);
        }

        ChildrenSpawned += count;
        return children;
    }

    private void GenerateStateInto(Span<uint> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextStateWord(i, ref hashConst);
        }
    }

    private uint NextStateWord(int index, ref uint hashConst)
    {
        uint value = _pool[index % _pool.Length];
        value ^= hashConst;
        hashConst *= MultB;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = (MixMultL * x) - (MixMultR * y);
        result ^= result >> XShift;
        return result;
    }

    private static uint[] MixEntropy(int poolSize, uint[] entropy)
    {
        var mixer = new uint[poolSize];
        uint hashConst = InitA;
        for (int i = 0; i < mixer.Length; i++)
        {
            mixer[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);
        }

        for (int src = 0; src < mixer.Length; src++)
        {
            for (int dst = 0; dst < mixer.Length; dst++)
            {
                if (src != dst)
                {
                    mixer[dst] = Mix(mixer[dst], HashMix(mixer[src], ref hashConst));
                }
            }
        }

        for (int src = mixer.Length; src < entropy.Length; src++)
        {
            for (int dst = 0; dst < mixer.Length; dst++)
            {
                mixer[dst] = Mix(mixer[dst], HashMix(entropy[src], ref hashConst));
            }
        }

        return mixer;
    }

    // NumPy: run entropy words, zero-padded to the pool size when a spawn key follows, then the spawn key words.
    private static uint[] AssembleEntropy(BigInteger[] entropy, BigInteger[] spawnKey, int poolSize)
    {
        var words = new List<uint>();
        foreach (var value in entropy)
        {
            AppendWords(words, value);
        }

        if (spawnKey.Length > 0)
        {
            while (words.Count < poolSize)
            {
                words.Add(0);
            }

            foreach (var value in spawnKey)
            {
                AppendWords(words, value);
            }
        }

        return words.ToArray();
    }

    // NumPy's _int_to_uint32_array: little-endian 32-bit words, and a single zero word for 0.
    private static void AppendWords(List<uint> words, BigInteger value)
    {
        if (value.IsZero)
        {
            words.Add(0);
            return;
        }

        while (!value.IsZero)
        {
            words.Add((uint)(value & uint.MaxValue));
            value >>= 32;
        }
    }

    private static void CheckNonNegative(BigInteger[] values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Sign < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, values[i],
                    $"expected non-negative integer, but element {i} of {paramName} is negative.");
            }
        }
    }

    private static BigInteger DrawOsEntropy(int words)
    {
        Span<byte> bytes = stackalloc byte[(words * 4) + 1];
        RandomNumberGenerator.Fill(bytes[..^1]);
        bytes[^1] = 0; // keep the value non-negative
        return new BigInteger(bytes);
    }
}
