using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Rng.Serialization;

namespace Rng;

/// <summary>
/// Mixes user entropy into a well-distributed pool and derives seeds and independent children from it,
/// exactly as NumPy's <c>numpy.random.SeedSequence</c> does: the same entropy, spawn key and pool size give
/// the same <see cref="GenerateState(int)"/> words and the same children as NumPy, value for value.
/// </summary>
/// <remarks>
/// <para>
/// Entropy is a non-negative integer of any size (<c>new SeedSequence(20261122)</c>) or a list of them, NumPy's list
/// entropy (<c>new SeedSequence(new[] { workerId, rootSeed })</c> means NumPy's <c>SeedSequence([workerId, rootSeed])</c>).
/// Every bit of every element is used; nothing is truncated.
/// </para>
/// <para>
/// <see cref="ToString"/> gives NumPy's <c>repr</c> text and <see cref="Parse(string)"/> reads it back; System.Text.Json
/// writes and reads a sequence as <c>{"entropy":["…"],"isList":false,"spawnKey":["…"],"poolSize":4,"childrenSpawned":0}</c>
/// (integers as decimal strings). Either way a spawned child can be rebuilt in another process or on another machine.
/// </para>
/// <para>
/// A <see cref="SeedSequence"/> is immutable except for <see cref="ChildrenSpawned"/>, which <see cref="Spawn(int)"/>
/// advances. Reading it from many threads is safe; calling <see cref="Spawn(int)"/> concurrently on the same instance
/// is not (spawn the children you need up front, then hand them out).
/// </para>
/// </remarks>
[JsonConverter(typeof(SeedSequenceJsonConverter))]
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

    // The entropy as NumPy's 32-bit words, shared with every child so spawning does not convert it again.
    private readonly uint[] _entropyWords;
    private readonly uint[] _pool;
    private ReadOnlyCollection<BigInteger>? _entropyView;
    private ReadOnlyCollection<BigInteger>? _spawnKeyView;

    /// <summary>Creates a sequence from 128 bits of operating-system entropy (NumPy's <c>SeedSequence()</c>); log <see cref="Entropy"/> to reproduce the run.</summary>
    public SeedSequence()
        : this(DrawOsEntropy())
    {
    }

    /// <summary>Creates a sequence from a non-negative integer of any size, as NumPy's <c>SeedSequence(entropy)</c>.</summary>
    /// <param name="entropy">The root seed; must be non-negative. All of its bits are used.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entropy"/> or a spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(BigInteger entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this([CheckNonNegative(entropy, nameof(entropy))], isList: false, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a 64-bit integer, as NumPy's <c>SeedSequence(entropy)</c>.</summary>
    /// <param name="entropy">The root seed.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(ulong entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this([entropy], isList: false, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a non-negative 64-bit integer, as NumPy's <c>SeedSequence(entropy)</c>.</summary>
    /// <param name="entropy">The root seed; must be non-negative.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entropy"/> or a spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(long entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this([CheckNonNegative(entropy, nameof(entropy))], isList: false, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a non-negative 32-bit integer, as NumPy's <c>SeedSequence(entropy)</c>.</summary>
    /// <param name="entropy">The root seed; must be non-negative.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entropy"/> or a spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(int entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this([CheckNonNegative(entropy, nameof(entropy))], isList: false, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a list of non-negative integers (NumPy's list entropy, e.g. <c>[workerId, rootSeed]</c>).</summary>
    /// <param name="entropy">The entropy list; each element must be non-negative and contributes all of its 32-bit words. May be empty, as in NumPy.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An entropy or spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(ReadOnlySpan<BigInteger> entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(CheckNonNegative(entropy.ToArray(), nameof(entropy)), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <inheritdoc cref="SeedSequence(ReadOnlySpan{BigInteger}, ReadOnlySpan{BigInteger}, int)"/>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    public SeedSequence(BigInteger[] entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(CheckNonNegative(NotNull(entropy, nameof(entropy)).ToArray(), nameof(entropy)), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a list of 64-bit integers (NumPy's list entropy, e.g. <c>[workerId, rootSeed]</c>).</summary>
    /// <param name="entropy">The entropy list; each element contributes its 32-bit words. May be empty, as in NumPy.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(ReadOnlySpan<ulong> entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(ToBigIntegers(entropy), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <inheritdoc cref="SeedSequence(ReadOnlySpan{ulong}, ReadOnlySpan{BigInteger}, int)"/>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    public SeedSequence(ulong[] entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(ToBigIntegers(NotNull(entropy, nameof(entropy))), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a list of non-negative 64-bit integers (NumPy's list entropy, e.g. <c>[workerId, rootSeed]</c>).</summary>
    /// <param name="entropy">The entropy list; each element must be non-negative. May be empty, as in NumPy.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entropy or spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(long[] entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(CheckNonNegative(Array.ConvertAll(NotNull(entropy, nameof(entropy)), v => (BigInteger)v), nameof(entropy)), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>Creates a sequence from a list of non-negative 32-bit integers (NumPy's list entropy, e.g. <c>[workerId, rootSeed]</c>).</summary>
    /// <param name="entropy">The entropy list; each element must be non-negative. May be empty, as in NumPy.</param>
    /// <param name="spawnKey">The spawn key (NumPy's <c>spawn_key</c>); each element must be non-negative.</param>
    /// <param name="poolSize">The pool size in 32-bit words; at least <see cref="DefaultPoolSize"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entropy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entropy or spawn-key element is negative, or <paramref name="poolSize"/> is below 4.</exception>
    public SeedSequence(int[] entropy, ReadOnlySpan<BigInteger> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(CheckNonNegative(Array.ConvertAll(NotNull(entropy, nameof(entropy)), v => (BigInteger)v), nameof(entropy)), isList: true, spawnKey.ToArray(), poolSize, childrenSpawned: 0)
    {
    }

    /// <summary>The one place every sequence is built: checks the spawn key and pool size, then mixes the pool.</summary>
    private SeedSequence(BigInteger[] entropy, bool isList, BigInteger[] spawnKey, int poolSize, int childrenSpawned, uint[]? entropyWords = null)
    {
        if (poolSize < DefaultPoolSize)
        {
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize,
                $"The size of the entropy pool should be at least {DefaultPoolSize} (32-bit words).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(childrenSpawned);
        CheckNonNegative(spawnKey, nameof(spawnKey));
        _entropy = entropy;
        IsEntropyList = isList;
        _spawnKey = spawnKey;
        PoolSize = poolSize;
        ChildrenSpawned = childrenSpawned;
        _entropyWords = entropyWords ?? ToWords(entropy);
        _pool = MixEntropy(poolSize, AssembleEntropy(_entropyWords, spawnKey, poolSize));
    }

    /// <summary>The entropy this sequence was built from: one element for an integer seed, the list otherwise (see <see cref="IsEntropyList"/>).</summary>
    public IReadOnlyList<BigInteger> Entropy => _entropyView ??= Array.AsReadOnly(_entropy);

    /// <summary>True when the entropy was given as a list (NumPy list entropy), false for a single integer.</summary>
    public bool IsEntropyList { get; }

    /// <summary>The spawn key: the path from the root sequence to this one (empty for a root).</summary>
    public IReadOnlyList<BigInteger> SpawnKey => _spawnKeyView ??= Array.AsReadOnly(_spawnKey);

    /// <summary>The size of the entropy pool in 32-bit words.</summary>
    public int PoolSize { get; }

    /// <summary>How many children <see cref="Spawn(int)"/> has created so far (NumPy's <c>n_children_spawned</c>).</summary>
    public int ChildrenSpawned { get; private set; }

    /// <summary>Returns <paramref name="count"/> 32-bit words of seed material (NumPy's <c>generate_state(n, np.uint32)</c>).</summary>
    /// <param name="count">How many words to generate; must be non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public uint[] GenerateState(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var state = new uint[count];
        uint hashConst = InitB;
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = NextStateWord(i, ref hashConst);
        }

        return state;
    }

    /// <summary>Returns <paramref name="count"/> 64-bit words of seed material (NumPy's <c>generate_state(n, np.uint64)</c>).</summary>
    /// <param name="count">How many words to generate; from 0 to <see cref="int.MaxValue"/> / 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="int.MaxValue"/> / 2.</exception>
    public ulong[] GenerateState64(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue / 2);
        var state = new ulong[count];
        GenerateState64Into(state);
        return state;
    }

    /// <summary>
    /// Creates <paramref name="count"/> children whose spawn keys extend this one's with
    /// <see cref="ChildrenSpawned"/> + i, then advances <see cref="ChildrenSpawned"/>; exactly NumPy's <c>spawn</c>.
    /// </summary>
    /// <param name="count">How many children to create; must be non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or would take <see cref="ChildrenSpawned"/> past <see cref="int.MaxValue"/>.</exception>
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
            children[i] = new SeedSequence(_entropy, IsEntropyList, key, PoolSize, childrenSpawned: 0, _entropyWords);
        }

        ChildrenSpawned += count;
        return children;
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

    private static uint[] MixEntropy(int poolSize, ReadOnlySpan<uint> entropy)
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

    // NumPy: the entropy words, zero-padded to the pool size when a spawn key follows, then the spawn key's words.
    private static uint[] AssembleEntropy(uint[] entropyWords, BigInteger[] spawnKey, int poolSize)
    {
        if (spawnKey.Length == 0)
        {
            return entropyWords;
        }

        int keyStart = Math.Max(entropyWords.Length, poolSize);
        int length = keyStart;
        foreach (var value in spawnKey)
        {
            length += WordCount(value);
        }

        var words = new uint[length];
        entropyWords.CopyTo(words, 0);
        int position = keyStart;
        foreach (var value in spawnKey)
        {
            position += WriteWords(value, words.AsSpan(position));
        }

        return words;
    }

    private static uint[] ToWords(BigInteger[] values)
    {
        int length = 0;
        foreach (var value in values)
        {
            length += WordCount(value);
        }

        var words = new uint[length];
        int position = 0;
        foreach (var value in values)
        {
            position += WriteWords(value, words.AsSpan(position));
        }

        return words;
    }

    // NumPy's _int_to_uint32_array: little-endian 32-bit words, and a single zero word for 0.
    private static int WordCount(BigInteger value) => value.IsZero ? 1 : (int)((value.GetBitLength() + 31) / 32);

    private static int WriteWords(BigInteger value, Span<uint> destination)
    {
        if (value <= ulong.MaxValue)
        {
            ulong small = (ulong)value;
            destination[0] = (uint)small;
            if (small <= uint.MaxValue)
            {
                return 1;
            }

            destination[1] = (uint)(small >> 32);
            return 2;
        }

        int count = WordCount(value);
        var bytes = new byte[count * 4];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        for (int i = 0; i < count; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i));
        }

        return count;
    }

    private static BigInteger CheckNonNegative(BigInteger value, string paramName)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"expected non-negative integer: {paramName} must be 0 or greater.");
        }

        return value;
    }

    private static BigInteger[] CheckNonNegative(BigInteger[] values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Sign < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, values[i],
                    $"expected non-negative integer: every element of {paramName} must be 0 or greater, but element {i} is negative.");
            }
        }

        return values;
    }

    private static T NotNull<T>(T? value, string paramName)
        where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    private static BigInteger[] ToBigIntegers(ReadOnlySpan<ulong> values)
    {
        var result = new BigInteger[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static BigInteger DrawOsEntropy()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }
}
