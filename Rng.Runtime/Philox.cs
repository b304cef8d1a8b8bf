using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rng;

/// <summary>
/// NumPy's <c>Philox</c> bit generator: the Philox4x64-10 counter-based generator of Salmon et al. Every
/// 256-bit counter value is encrypted under a 128-bit key into four 64-bit outputs, which are handed out
/// one by one from a four-value buffer exactly as NumPy does, so the same seed, key and counter give the same
/// stream as NumPy 1.24.
/// </summary>
/// <remarks>
/// <para>Independent streams come from <see cref="Rng.SeedSequence.Spawn(int)"/> (preferred), from distinct keys
/// (<see cref="FromKey(UInt128, BigInteger)"/>), or from <see cref="Jumped(int)"/>, which moves the counter by
/// 2^128 blocks.</para>
/// <para>Not thread-safe: give every thread or work item its own instance.</para>
/// </remarks>
public sealed class Philox : BitGenerator
{
    /// <summary>How many 64-bit values one counter block yields (NumPy's <c>PHILOX_BUFFER_SIZE</c>).</summary>
    public const int BufferSize = 4;

    // Philox4x64 round multipliers and Weyl key increments (Random123).
    internal const ulong Multiplier0 = 0xD2E7470EE14C6C93UL;
    internal const ulong Multiplier1 = 0xCA5A826395121157UL;
    internal const ulong KeyIncrement0 = 0x9E3779B97F4A7C15UL;
    internal const ulong KeyIncrement1 = 0xBB67AE8584CAA73BUL;

    private static readonly BigInteger TwoPow128 = BigInteger.One << 128;
    private static readonly BigInteger TwoPow256 = BigInteger.One << 256;

    private ulong _counter0;
    private ulong _counter1;
    private ulong _counter2;
    private ulong _counter3;
    private ulong _key0;
    private ulong _key1;
    private readonly ulong[] _buffer = new ulong[BufferSize];
    private int _bufferPosition = BufferSize;

    /// <summary>Creates a generator seeded from 128 bits of operating-system entropy (NumPy's <c>Philox()</c>).</summary>
    /// <remarks>Log <see cref="Rng.SeedSequence.Entropy"/> of <see cref="BitGenerator.SeedSequence"/> to reproduce the stream.</remarks>
    public Philox()
        : this(new SeedSequence())
    {
    }

    /// <summary>Creates a generator from a 64-bit seed, meaning <c>new Philox(new SeedSequence(seed))</c> as NumPy's <c>Philox(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public Philox(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>
    /// Creates a generator seeded as NumPy's <c>Philox(seed, counter=counter)</c> with an integer seed, i.e. from
    /// <c>new SeedSequence(seed)</c>.
    /// </summary>
    /// <param name="seed">The root seed; must be non-negative. All of its bits are used.</param>
    /// <param name="counter">The initial 256-bit counter; must be in [0, 2^256). NumPy's default is 0.</param>
    public Philox(BigInteger seed, BigInteger counter = default)
        : this(new SeedSequence(seed), counter)
    {
    }

    /// <summary>
    /// Creates a generator as NumPy's <c>Philox(seedSequence, counter=counter)</c>: the key is
    /// <c>seedSequence.GenerateState64(2)</c>.
    /// </summary>
    /// <param name="seedSequence">The sequence to derive the key from; not null.</param>
    /// <param name="counter">The initial 256-bit counter; must be in [0, 2^256). NumPy's default is 0.</param>
    public Philox(SeedSequence seedSequence, BigInteger counter = default)
        : base(seedSequence ?? throw new ArgumentNullException(nameof(seedSequence)))
    {
        SetCounter(CheckRange(counter, TwoPow256, nameof(counter), "2^256"));
        ulong[] key = seedSequence.GenerateState64(2);
        _key0 = key[0];
        _key1 = key[1];
    }

    /// <summary>Creates a generator that resumes exactly from a saved <see cref="State"/>; it has no <see cref="BitGenerator.SeedSequence"/>.</summary>
    /// <param name="state">The snapshot to resume from; validated as the <see cref="State"/> setter does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the snapshot is missing or out of range; the message names it.</exception>
    public Philox(PhiloxState state)
        : base(null)
    {
        ApplyState(state, nameof(state));
    }

    /// <summary>
    /// Creates a generator from an explicit key and counter, as NumPy's <c>Philox(key=key, counter=counter)</c>:
    /// distinct keys give independent streams. The result has no <see cref="BitGenerator.SeedSequence"/>.
    /// </summary>
    /// <param name="key">The 128-bit key; its low 64 bits are NumPy's <c>key[0]</c>.</param>
    /// <param name="counter">The initial 256-bit counter; must be in [0, 2^256).</param>
    /// <returns>A new generator whose first output is the first value of block <c>counter + 1</c>.</returns>
    public static Philox FromKey(UInt128 key, BigInteger counter = default)
    {
        CheckRange(counter, TwoPow256, nameof(counter), "2^256");
        var words = new ulong[BufferSize];
        WriteWords(counter, words);
        return new Philox(new PhiloxState
        {
            Counter = words,
            Key = [(ulong)key, (ulong)(key >> 64)],
            Buffer = new ulong[BufferSize],
            BufferPosition = BufferSize,
        });
    }

    /// <summary>The 128-bit key: its low 64 bits are NumPy's <c>state['state']['key'][0]</c>, its high 64 bits <c>key[1]</c>.</summary>
    public UInt128 Key => new(_key1, _key0);

    /// <summary>
    /// The 256-bit counter of the block the buffer holds (NumPy's four counter words, low word first, as one
    /// integer); each new block of <see cref="BufferSize"/> values increments it, modulo 2^256.
    /// </summary>
    public BigInteger Counter
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            for (int i = 0; i < 8; i++)
            {
                bytes[i] = (byte)(_counter0 >> (8 * i));
                bytes[8 + i] = (byte)(_counter1 >> (8 * i));
                bytes[16 + i] = (byte)(_counter2 >> (8 * i));
                bytes[24 + i] = (byte)(_counter3 >> (8 * i));
            }

            return new BigInteger(bytes, isUnsigned: true);
        }
    }

    /// <summary>
    /// A snapshot of the full state as NumPy's <c>Philox.state</c> (counter, key, buffer, buffer position and the
    /// buffered 32-bit half). Setting it resumes that stream exactly; a malformed snapshot is rejected with an
    /// <see cref="ArgumentException"/> that names the field.
    /// </summary>
    public PhiloxState State
    {
        get => new()
        {
            Counter = [_counter0, _counter1, _counter2, _counter3],
            Key = [_key0, _key1],
            Buffer = (ulong[])_buffer.Clone(),
            BufferPosition = _bufferPosition,
            HasBufferedUInt32 = HasBufferedUInt32,
            BufferedUInt32 = BufferedUInt32,
        };
        set => ApplyState(value, nameof(value));
    }

    /// <inheritdoc/>
    public override ulong NextUInt64()
    {
        int position = _bufferPosition;
        if ((uint)position < BufferSize)
        {
            _bufferPosition = position + 1;
            return _buffer[position];
        }

        IncrementCounter();
        GenerateBlock(_counter0, _counter1, _counter2, _counter3, _key0, _key1, _buffer);
        _bufferPosition = 1;
        return _buffer[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values, value for value and
    /// leaving the same state behind, while encrypting several counter blocks at once.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public override void Fill(Span<ulong> destination) => Fill(destination, PhiloxVector512.IsSupported);

    // Fill with the AVX-512 path allowed (where supported) or not, so tests can check both against the scalar path.
    internal void Fill(Span<ulong> destination, bool useVector512)
    {
        int index = 0;
        while (index < destination.Length && _bufferPosition < BufferSize)
        {
            destination[index++] = _buffer[_bufferPosition++];
        }

        int remaining = destination.Length - index;
        if (remaining == 0)
        {
            return;
        }

        // Whole blocks go straight to the destination; the last block (full or partial) goes through the
        // buffer so that buffer and buffer position end exactly as after the scalar calls.
        int directBlocks = (remaining - 1) / BufferSize;
        if (directBlocks > 0)
        {
            FillBlocks(destination.Slice(index, directBlocks * BufferSize), useVector512);
            index += directBlocks * BufferSize;
        }

        IncrementCounter();
        GenerateBlock(_counter0, _counter1, _counter2, _counter3, _key0, _key1, _buffer);
        Span<ulong> tail = destination[index..];
        _buffer.AsSpan(0, tail.Length).CopyTo(tail);
        _bufferPosition = tail.Length;
    }

    /// <summary>
    /// Advances the counter by <paramref name="delta"/> blocks (each block is <see cref="BufferSize"/> draws), as
    /// NumPy's <c>Philox.advance</c>: the delta is taken modulo 2^256, so a negative delta moves backwards, and
    /// the buffered values and the buffered 32-bit half are discarded.
    /// </summary>
    /// <remarks>
    /// NumPy's documentation speaks of draws, but its code (and so this method) moves the counter: advancing by
    /// <c>n</c> discards what is left of the current block and skips the next <c>n</c> blocks (<c>4n</c> values).
    /// </remarks>
    /// <param name="delta">How many counter blocks to move; any integer, reduced modulo 2^256.</param>
    /// <returns>This generator, advanced.</returns>
    public Philox Advance(BigInteger delta)
    {
        BigInteger wrapped = BigInteger.Remainder(delta, TwoPow256);
        if (wrapped.Sign < 0)
        {
            wrapped += TwoPow256;
        }

        Span<ulong> step = stackalloc ulong[BufferSize];
        WriteWords(wrapped, step);
        AddToCounter(step);
        ResetBuffers();
        return this;
    }

    /// <summary>
    /// Returns a new generator whose counter is <paramref name="jumps"/> × 2^128 blocks further on, as NumPy's
    /// <c>Philox.jumped</c>; a negative count jumps backwards (modulo 2^256). This generator is unchanged.
    /// </summary>
    /// <param name="jumps">How many 2^128-block jumps to make; any value, negative moves backwards.</param>
    /// <returns>A new generator with the buffers cleared, as NumPy leaves them; it has no <see cref="BitGenerator.SeedSequence"/>.</returns>
    public Philox Jumped(int jumps = 1) => new Philox(State).Advance(jumps * TwoPow128);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void IncrementCounter()
    {
        if (++_counter0 == 0 && ++_counter1 == 0 && ++_counter2 == 0)
        {
            ++_counter3;
        }
    }

    private void AddToCounter(ReadOnlySpan<ulong> step)
    {
        ulong carry = 0;
        _counter0 = AddWithCarry(_counter0, step[0], ref carry);
        _counter1 = AddWithCarry(_counter1, step[1], ref carry);
        _counter2 = AddWithCarry(_counter2, step[2], ref carry);
        _counter3 = AddWithCarry(_counter3, step[3], ref carry);
    }

    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong carryOut = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        carryOut |= result < sum ? 1UL : 0UL;
        carry = carryOut;
        return result;
    }

    private void ResetBuffers()
    {
        Array.Clear(_buffer);
        _bufferPosition = BufferSize;
        ResetBufferedUInt32();
    }

    private void SetCounter(BigInteger counter)
    {
        Span<ulong> words = stackalloc ulong[BufferSize];
        WriteWords(counter, words);
        _counter0 = words[0];
        _counter1 = words[1];
        _counter2 = words[2];
        _counter3 = words[3];
    }

    // Encrypts consecutive counter blocks straight into the destination (a whole number of blocks): sixteen at a
    // time with AVX-512 where available, else two blocks per iteration so that their multiply chains overlap.
    private void FillBlocks(Span<ulong> destination, bool useVector512)
    {
        ulong c0 = _counter0, c1 = _counter1, c2 = _counter2, c3 = _counter3;
        ulong k0 = _key0, k1 = _key1;
        int index = useVector512 && PhiloxVector512.IsSupported ? PhiloxVector512.Fill(ref c0, c1, c2, c3, k0, k1, destination) : 0;
        while (destination.Length - index >= 2 * BufferSize)
        {
            Increment(ref c0, ref c1, ref c2, ref c3);
            ulong a0 = c0, a1 = c1, a2 = c2, a3 = c3;
            Increment(ref c0, ref c1, ref c2, ref c3);
            ulong b0 = c0, b1 = c1, b2 = c2, b3 = c3;
            GenerateTwoBlocks(
                ref a0, ref a1, ref a2, ref a3,
                ref b0, ref b1, ref b2, ref b3,
                k0, k1);
            Span<ulong> output = destination.Slice(index, 2 * BufferSize);
            output[0] = a0;
            output[1] = a1;
            output[2] = a2;
            output[3] = a3;
            output[4] = b0;
            output[5] = b1;
            output[6] = b2;
            output[7] = b3;
            index += 2 * BufferSize;
        }

        if (index < destination.Length)
        {
            Increment(ref c0, ref c1, ref c2, ref c3);
            GenerateBlock(c0, c1, c2, c3, k0, k1, destination.Slice(index, BufferSize));
        }

        _counter0 = c0;
        _counter1 = c1;
        _counter2 = c2;
        _counter3 = c3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment(ref ulong c0, ref ulong c1, ref ulong c2, ref ulong c3)
    {
        if (++c0 == 0 && ++c1 == 0 && ++c2 == 0)
        {
            ++c3;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref ulong x0, ref ulong x1, ref ulong x2, ref ulong x3, ulong k0, ulong k1)
    {
        ulong high0 = Math.BigMul(Multiplier0, x0, out ulong low0);
        ulong high1 = Math.BigMul(Multiplier1, x2, out ulong low1);
        x0 = high1 ^ x1 ^ k0;
        x1 = low1;
        x2 = high0 ^ x3 ^ k1;
        x3 = low0;
    }

    private static void GenerateBlock(ulong x0, ulong x1, ulong x2, ulong x3, ulong k0, ulong k1, Span<ulong> output)
    {
        // Ten rounds; the key is bumped before every round but the first (Random123's philox4x64_R).
        Round(ref x0, ref x1, ref x2, ref x3, k0, k1);
        for (int round = 1; round < 10; round++)
        {
            k0 += KeyIncrement0;
            k1 += KeyIncrement1;
            Round(ref x0, ref x1, ref x2, ref x3, k0, k1);
        }

        output[0] = x0;
        output[1] = x1;
        output[2] = x2;
        output[3] = x3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GenerateTwoBlocks(
        ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3,
        ref ulong b0, ref ulong b1, ref ulong b2, ref ulong b3,
        ulong k0, ulong k1)
    {
        Round(ref a0, ref a1, ref a2, ref a3, k0, k1);
        Round(ref b0, ref b1, ref b2, ref b3, k0, k1);
        for (int round = 1; round < 10; round++)
        {
            k0 += KeyIncrement0;
            k1 += KeyIncrement1;
            Round(ref a0, ref a1, ref a2, ref a3, k0, k1);
            Round(ref b0, ref b1, ref b2, ref b3, k0, k1);
        }
    }

    private void ApplyState(PhiloxState? state, string paramName)
    {
        ArgumentNullException.ThrowIfNull(state, paramName);
        CheckLength(state.Counter, 4, paramName, nameof(PhiloxState.Counter));
        CheckLength(state.Key, 2, paramName, nameof(PhiloxState.Key));
        CheckLength(state.Buffer, BufferSize, paramName, nameof(PhiloxState.Buffer));
        if ((uint)state.BufferPosition > BufferSize)
        {
            throw new ArgumentOutOfRangeException(paramName, state.BufferPosition,
                $"{nameof(PhiloxState)}.{nameof(PhiloxState.BufferPosition)} must be in [0, {BufferSize}] (NumPy's buffer_pos).");
        }

        _counter0 = state.Counter[0];
        _counter1 = state.Counter[1];
        _counter2 = state.Counter[2];
        _counter3 = state.Counter[3];
        _key0 = state.Key[0];
        _key1 = state.Key[1];
        state.Buffer.AsSpan().CopyTo(_buffer);
        _bufferPosition = state.BufferPosition;
        HasBufferedUInt32 = state.HasBufferedUInt32;
        BufferedUInt32 = state.BufferedUInt32;
    }

    private static void CheckLength(ulong[]? words, int length, string paramName, string field)
    {
        if (words is null || words.Length != length)
        {
            throw new ArgumentException(
                $"{nameof(PhiloxState)}.{field} must hold exactly {length} 64-bit words (low word first), but it " +
                (words is null ? "is missing." : $"holds {words.Length}."),
                paramName);
        }
    }

    private static BigInteger CheckRange(BigInteger value, BigInteger limit, string paramName, string limitText)
    {
        if (value.Sign < 0 || value >= limit)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be non-negative and less than {limitText}.");
        }

        return value;
    }

    // Little-endian 64-bit words of a non-negative value that fits in the span.
    private static void WriteWords(BigInteger value, Span<ulong> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }
    }

    /// <inheritdoc cref="BitGenerator.Spawn(int)" />
    public override Philox[] Spawn(int count) => SpawnAs<Philox>(count);

    private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => new Philox(seedSequence);
}
