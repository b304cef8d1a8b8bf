using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rng;

/// <summary>
/// NumPy's <c>MT19937</c> bit generator: the 32-bit Mersenne Twister, seeded from a <see cref="Rng.SeedSequence"/>
/// and stepped exactly as NumPy 1.24 does it, so the same seed gives the same stream.
/// </summary>
/// <remarks>
/// <para>The Mersenne Twister is natively 32-bit: <see cref="NextUInt32"/> is one twister output (no buffered half),
/// <see cref="NextUInt64"/> joins two outputs (first one high) and <see cref="NextDouble"/> uses 53 bits of two
/// outputs, as NumPy's <c>mt19937_next64</c> and <c>mt19937_next_double</c>. NumPy's <c>random_raw()</c> returns
/// the 32-bit outputs, which <see cref="Fill(Span{uint})"/> produces.</para>
/// <para>Not thread-safe: give every thread or work item its own instance.</para>
/// </remarks>
public sealed class Mt19937 : BitGenerator
{
    /// <summary>The number of 32-bit words in the state (NumPy's <c>RK_STATE_LEN</c>).</summary>
    public const int StateLength = 624;

    private const int Shift = 397; // the twister's middle offset M
    private const uint MatrixA = 0x9908B0DFU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7FFFFFFFU;
    private const int PolynomialDegreeBound = 19937; // the Mersenne exponent

    private readonly uint[] _key = new uint[StateLength];
    private int _position;

    /// <summary>Creates a generator seeded from 128 bits of operating-system entropy (NumPy's <c>MT19937()</c>).</summary>
    /// <remarks>Log <see cref="Rng.SeedSequence.Entropy"/> of <see cref="BitGenerator.SeedSequence"/> to reproduce the stream.</remarks>
    public Mt19937()
        : this(new SeedSequence())
    {
    }

    /// <summary>Creates a generator from a 64-bit seed, meaning <c>new Mt19937(new SeedSequence(seed))</c> as NumPy's <c>MT19937(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public Mt19937(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator seeded as NumPy's <c>MT19937(seed)</c>, i.e. from <c>new SeedSequence(seed)</c>.</summary>
    /// <param name="seed">The root seed; must be non-negative. All of its bits are used.</param>
    /// <remarks>This is not the legacy <c>RandomState(seed)</c> seeding; that uses Knuth's initialisation instead.</remarks>
    public Mt19937(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>
    /// Creates a generator as NumPy's <c>MT19937(seedSequence)</c>: words 1..623 of the key from
    /// <c>seedSequence.GenerateState(624)</c>, word 0 set to 0x80000000 (so the state is never all zero), and
    /// the position at 623, as NumPy leaves it.
    /// </summary>
    /// <param name="seedSequence">The sequence to derive the state from; not null.</param>
    public Mt19937(SeedSequence seedSequence)
        : base(seedSequence ?? throw new ArgumentNullException(nameof(seedSequence)))
    {
        uint[] words = seedSequence.GenerateState(StateLength);
        words.AsSpan(1).CopyTo(_key.AsSpan(1));
        _key[0] = UpperMask;
        // NumPy's seeding loop leaves its index, 623, as the position: the first output is word 623.
        _position = StateLength - 1;
    }

    /// <summary>Creates a generator that resumes exactly from a saved <see cref="State"/>; it has no <see cref="BitGenerator.SeedSequence"/>.</summary>
    /// <param name="state">The snapshot to resume from; validated as the <see cref="State"/> setter does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the snapshot is missing or out of range; the message names it.</exception>
    public Mt19937(Mt19937State state)
        : base(null)
    {
        ApplyState(state, nameof(state));
    }

    /// <summary>
    /// A snapshot of the full state as NumPy's <c>MT19937.state</c> (the 624-word key and the position).
    /// Setting it resumes that stream exactly; a malformed snapshot is rejected with an
    /// <see cref="ArgumentException"/> that names the field.
    /// </summary>
    public Mt19937State State
    {
        get => new() { Key = (uint[])_key.Clone(), Position = _position };
        set => ApplyState(value, nameof(value));
    }

    /// <summary>Returns the next 32-bit twister output (NumPy's <c>mt19937_next32</c> and <c>random_raw()</c>); nothing is buffered.</summary>
    public override uint NextUInt32()
    {
        if (_position == StateLength)
        {
            Generate(_key);
            _position = 0;
        }

        return Temper(_key[_position++]);
    }

    /// <summary>Returns two 32-bit outputs joined, the first in the high half (NumPy's <c>mt19937_next64</c>).</summary>
    public override ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    /// <summary>Returns a double in [0, 1) from 27 bits of one output and 26 of the next (NumPy's <c>mt19937_next_double</c>).</summary>
    public override double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values (pairs of outputs), value for value.</summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public override void Fill(Span<ulong> destination)
    {
        uint[] key = _key;
        int index = 0;
        while (index < destination.Length)
        {
            if (_position == StateLength)
            {
                Generate(key);
                _position = 0;
            }

            int available = StateLength - _position;
            if (available == 1)
            {
                // The pair straddles a regeneration.
                ulong high = Temper(key[_position]);
                Generate(key);
                destination[index++] = (high << 32) | Temper(key[0]);
                _position = 1;
                continue;
            }

            int take = Math.Min(destination.Length - index, available / 2);
            TemperPairs(key.AsSpan(_position, 2 * take), destination.Slice(index, take));

            _position += 2 * take;
            index += take;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with successive <see cref="NextUInt32"/> values: the raw twister
    /// outputs, the same numbers as NumPy's <c>MT19937.random_raw()</c>.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public void Fill(Span<uint> destination)
    {
        uint[] key = _key;
        int index = 0;
        while (index < destination.Length)
        {
            if (_position == StateLength)
            {
                Generate(key);
                _position = 0;
            }

            int take = Math.Min(destination.Length - index, StateLength - _position);
            TemperRange(key.AsSpan(_position, take), destination.Slice(index, take));
            _position += take;
            index += take;
        }
    }

    /// <summary>
    /// Returns a new generator whose state is <paramref name="jumps"/> × 2^128 outputs further on, computed with
    /// NumPy's jump polynomial and Horner scheme so that the state equals NumPy's <c>MT19937.jumped(jumps)</c>
    /// word for word. This generator is unchanged.
    /// </summary>
    /// <param name="jumps">
    /// How many 2^128-step jumps to make. As in NumPy 1.24, zero or a negative count makes no jump (the copy
    /// continues where this generator stands): the Mersenne Twister cannot jump backwards. The cost is linear in
    /// <paramref name="jumps"/>: each jump is a Horner evaluation over about 20,000 state steps (a few milliseconds;
    /// see JumpBenchmarks).
    /// </param>
    /// <returns>A new generator; it has no <see cref="BitGenerator.SeedSequence"/>.</returns>
    public Mt19937 Jumped(int jumps = 1)
    {
        var jumped = new Mt19937(State);
        if (jumps > 0)
        {
            var scratch = new uint[StateLength];
            for (int i = 0; i < jumps; i++)
            {
                jumped._position = JumpOnce(jumped._key, jumped._position, scratch);
            }
        }

        return jumped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Temper(uint y)
    {
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680U;
        y ^= (y << 15) & 0xEFC60000U;
        y ^= y >> 18;
        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Temper(Vector256<uint> y)
    {
        y ^= Vector256.ShiftRightLogical(y, 11);
        y ^= Vector256.ShiftLeft(y, 7) & Vector256.Create(0x9D2C5680U);
        y ^= Vector256.ShiftLeft(y, 15) & Vector256.Create(0xEFC60000U);
        y ^= Vector256.ShiftRightLogical(y, 18);
        return y;
    }

    private static void TemperRange(ReadOnlySpan<uint> source, Span<uint> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref uint from = ref MemoryMarshal.GetReference(source);
            ref uint to = ref MemoryMarshal.GetReference(destination);
            for (; i <= source.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                Temper(Vector256.LoadUnsafe(ref from, (nuint)i)).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Temper(source[i]);
        }
    }

    // Pairs of tempered words joined first-one-high, as mt19937_next64.
    private static void TemperPairs(ReadOnlySpan<uint> source, Span<ulong> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref uint from = ref MemoryMarshal.GetReference(source);
            ref ulong to = ref MemoryMarshal.GetReference(destination);
            for (; i <= destination.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                // Little-endian memory puts the first word of a pair in the low half: swap the halves.
                Vector256<ulong> pairs = Temper(Vector256.LoadUnsafe(ref from, (nuint)(2 * i))).AsUInt64();
                (Vector256.ShiftLeft(pairs, 32) | Vector256.ShiftRightLogical(pairs, 32)).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = ((ulong)Temper(source[2 * i]) << 32) | Temper(source[(2 * i) + 1]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Twist(uint current, uint next, uint far)
    {
        uint y = (current & UpperMask) | (next & LowerMask);
        return far ^ (y >> 1) ^ ((0U - (y & 1)) & MatrixA);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Twist(Vector256<uint> current, Vector256<uint> next, Vector256<uint> far)
    {
        Vector256<uint> y = (current & Vector256.Create(UpperMask)) | (next & Vector256.Create(LowerMask));
        Vector256<uint> oddMask = Vector256<uint>.Zero - (y & Vector256<uint>.One);
        return far ^ Vector256.ShiftRightLogical(y, 1) ^ (oddMask & Vector256.Create(MatrixA));
    }

    // NumPy's mt19937_gen: regenerates all 624 words in place. Eight words at a time is exact because each new
    // word reads only older words: key[i + 1] and key[i + 397] before they change, key[i - 227] after.
    private static void Generate(uint[] key)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref uint words = ref MemoryMarshal.GetArrayDataReference(key);
            int width = Vector256<uint>.Count;
            for (; i + width <= StateLength - Shift; i += width)
            {
                Twist(Vector256.LoadUnsafe(ref words, (nuint)i), Vector256.LoadUnsafe(ref words, (nuint)(i + 1)),
                    Vector256.LoadUnsafe(ref words, (nuint)(i + Shift))).StoreUnsafe(ref words, (nuint)i);
            }

            for (; i < StateLength - Shift; i++)
            {
                key[i] = Twist(key[i], key[i + 1], key[i + Shift]);
            }

            for (; i + width <= StateLength - 1; i += width)
            {
                Twist(Vector256.LoadUnsafe(ref words, (nuint)i), Vector256.LoadUnsafe(ref words, (nuint)(i + 1)),
                    Vector256.LoadUnsafe(ref words, (nuint)(i + Shift - StateLength))).StoreUnsafe(ref words, (nuint)i);
            }
        }

        for (; i < StateLength - Shift; i++)
        {
            key[i] = Twist(key[i], key[i + 1], key[i + Shift]);
        }

        for (; i < StateLength - 1; i++)
        {
            key[i] = Twist(key[i], key[i + 1], key[i + Shift - StateLength]);
        }

        key[StateLength - 1] = Twist(key[StateLength - 1], key[0], key[Shift - 1]);
    }

    // NumPy's gen_next: regenerates the one word at position, the building block of the jump.
    private static int GenerateNext(Span<uint> key, int position)
    {
        if (position < StateLength - Shift)
        {
            key[position] = Twist(key[position], key[position + 1], key[position + Shift]);
            return position + 1;
        }

        if (position < StateLength - 1)
        {
            key[position] = Twist(key[position], key[position + 1], key[position + Shift - StateLength]);
            return position + 1;
        }

        key[StateLength - 1] = Twist(key[StateLength - 1], key[0], key[Shift - 1]);
        return 0;
    }

    // NumPy's add_state: XORs the circular window of source starting at sourcePosition into target's window.
    private static void AddState(Span<uint> target, int targetPosition, ReadOnlySpan<uint> source, int sourcePosition)
    {
        int done = 0;
        while (done < StateLength)
        {
            int t = targetPosition + done;
            int s = sourcePosition + done;
            if (t >= StateLength)
            {
                t -= StateLength;
            }

            if (s >= StateLength)
            {
                s -= StateLength;
            }

            int run = Math.Min(StateLength - done, Math.Min(StateLength - t, StateLength - s));
            XorInto(target.Slice(t, run), source.Slice(s, run));
            done += run;
        }
    }

    private static void XorInto(Span<uint> target, ReadOnlySpan<uint> source)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Span<Vector<uint>> targetVectors = MemoryMarshal.Cast<uint, Vector<uint>>(target);
            ReadOnlySpan<Vector<uint>> sourceVectors = MemoryMarshal.Cast<uint, Vector<uint>>(source);
            for (int v = 0; v < targetVectors.Length; v++)
            {
                targetVectors[v] ^= sourceVectors[v];
            }

            i = targetVectors.Length * Vector<uint>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] ^= source[i];
        }
    }

    // NumPy's mt19937_jump_state: evaluates the jump polynomial at the state transition with Horner's scheme.
    // Returns the new position; key is updated in place.
    private static int JumpOnce(uint[] key, int position, uint[] scratch)
    {
        if (position >= StateLength)
        {
            position = 0;
        }

        ReadOnlySpan<uint> polynomial = Mt19937JumpPolynomial.Coefficients;
        int degree = PolynomialDegreeBound - 1;
        while (!Coefficient(polynomial, degree))
        {
            degree--;
        }

        Span<uint> temp = scratch;
        key.AsSpan().CopyTo(temp);
        int tempPosition = GenerateNext(temp, position);
        for (int i = degree - 1; i > 0; i--)
        {
            if (Coefficient(polynomial, i))
            {
                AddState(temp, tempPosition, key, position);
            }

            tempPosition = GenerateNext(temp, tempPosition);
        }

        if (Coefficient(polynomial, 0))
        {
            AddState(temp, tempPosition, key, position);
        }

        temp.CopyTo(key);
        return tempPosition;
    }

    private static bool Coefficient(ReadOnlySpan<uint> polynomial, int degree) =>
        (polynomial[degree >> 5] & (1U << (degree & 31))) != 0;

    private void ApplyState(Mt19937State? state, string paramName)
    {
        ArgumentNullException.ThrowIfNull(state, paramName);
        if (state.Key is null || state.Key.Length != StateLength)
        {
            throw new ArgumentException(
                $"{nameof(Mt19937State)}.{nameof(Mt19937State.Key)} must hold exactly {StateLength} 32-bit words, but it " +
                (state.Key is null ? "is missing." : $"holds {state.Key.Length}."),
                paramName);
        }

        if ((uint)state.Position > StateLength)
        {
            throw new ArgumentOutOfRangeException(paramName, state.Position,
                $"{nameof(Mt19937State)}.{nameof(Mt19937State.Position)} must be in [0, {StateLength}] (NumPy's pos).");
        }

        state.Key.AsSpan().CopyTo(_key);
        _position = state.Position;
    }

    // NextUInt32 is the twister's native output, not a half of NextUInt64.
    internal override bool DrawsDeriveFromUInt64 => false;

    /// <inheritdoc cref="BitGenerator.Spawn(int)" />
    public override Mt19937[] Spawn(int count) => SpawnAs<Mt19937>(count);

    private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => new Mt19937(seedSequence);
}
