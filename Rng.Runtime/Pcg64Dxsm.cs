using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rng;

/// <summary>
/// NumPy's <c>PCG64DXSM</c> bit generator: O'Neill's PCG CM DXSM 128/64, a 128-bit LCG with a 64-bit "cheap multiplier"
/// and the stronger DXSM output permutation, period 2^128. Unlike <see cref="Pcg64"/> it outputs from the state
/// <em>before</em> stepping. Seeded from a <see cref="Rng.SeedSequence"/> exactly as NumPy seeds it, so
/// <c>new Pcg64Dxsm(seed)</c> and NumPy's <c>PCG64DXSM(seed)</c> produce the same stream.
/// </summary>
/// <remarks>
/// Not thread-safe: give every thread or work item its own generator, e.g. from <see cref="Spawn(int)"/>.
/// </remarks>
public sealed class Pcg64Dxsm : BitGenerator
{
    // The cheap multiplier to the fourth power no longer fits 64 bits, so the lanes of Fill use a full 128-bit multiply.
    private static readonly ulong LeapMultiplierHi = (ulong)(LeapMultiplier >> 64);
    private static readonly ulong LeapMultiplierLo = (ulong)LeapMultiplier;

    private static readonly UInt128 VectorLeapMultiplier = Pcg64Lcg.Compose(Pcg64Vector512.Lanes, Pcg64Lcg.CheapMultiplier, 0).Multiplier;

    private ulong _stateHi;
    private ulong _stateLo;
    private ulong _incrementHi;
    private ulong _incrementLo;

    // The increment of Lanes steps composed into one, cached because it depends on the stream's increment.
    private ulong _leapIncrementHi;
    private ulong _leapIncrementLo;
    private ulong _vectorLeapIncrementHi;
    private ulong _vectorLeapIncrementLo;

    /// <summary>Creates a generator seeded from 128 bits of operating-system entropy (NumPy's <c>PCG64DXSM()</c>); log <c>SeedSequence.Entropy</c> to reproduce it.</summary>
    public Pcg64Dxsm()
        : this(new SeedSequence())
    {
    }

    /// <summary>Creates a generator seeded from <paramref name="seedSequence"/> (NumPy's <c>PCG64DXSM(seed_sequence)</c>).</summary>
    /// <param name="seedSequence">The sequence to draw the initial state and stream from; it is kept for <see cref="Spawn(int)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Pcg64Dxsm(SeedSequence seedSequence)
        : base(seedSequence ?? throw new ArgumentNullException(nameof(seedSequence)))
    {
        // NumPy seeds PCG64DXSM through the same pcg64_set_seed as PCG64, default 128-bit multiplier included.
        var (state, increment) = Pcg64Lcg.Seed(seedSequence);
        SetLcg(state, increment);
    }

    /// <summary>Creates a generator from an integer seed of any size, meaning <c>new Pcg64Dxsm(new SeedSequence(seed))</c> as in NumPy's <c>PCG64DXSM(seed)</c>.</summary>
    /// <param name="seed">A non-negative integer; all of its bits are used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Pcg64Dxsm(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator from a 64-bit seed, meaning <c>new Pcg64Dxsm(new SeedSequence(seed))</c> as in NumPy's <c>PCG64DXSM(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public Pcg64Dxsm(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator that resumes from a saved <see cref="State"/>; it has no <see cref="BitGenerator.SeedSequence"/>.</summary>
    /// <param name="state">The snapshot to resume from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot's increment is even.</exception>
    public Pcg64Dxsm(Pcg64DxsmState state)
        : base(null)
    {
        SetState(state, nameof(state));
    }

    private static UInt128 LeapMultiplier => Pcg64Lcg.Compose(Pcg64Lcg.Lanes, Pcg64Lcg.CheapMultiplier, 0).Multiplier;

    /// <summary>
    /// The generator's full state; setting it resumes a stream exactly where the snapshot was taken (NumPy's
    /// <c>bit_generator.state</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value's <see cref="Pcg64DxsmState.Increment"/> is even (PCG increments are 2 * stream + 1).</exception>
    public Pcg64DxsmState State
    {
        get => new()
        {
            State = new UInt128(_stateHi, _stateLo),
            Increment = new UInt128(_incrementHi, _incrementLo),
            HasBufferedUInt32 = HasBufferedUInt32,
            BufferedUInt32 = BufferedUInt32,
        };
        set => SetState(value, nameof(value));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override ulong NextUInt64()
    {
        ulong hi = _stateHi, lo = _stateLo;
        ulong result = Pcg64Lcg.OutputDxsm(hi, lo);
        Pcg64Lcg.StepCheap(ref hi, ref lo, _incrementHi, _incrementLo);
        _stateHi = hi;
        _stateLo = lo;
        return result;
    }

    /// <inheritdoc />
    public override uint NextUInt32()
    {
        if (HasBufferedUInt32)
        {
            HasBufferedUInt32 = false;
            return BufferedUInt32;
        }

        ulong next = NextUInt64();
        HasBufferedUInt32 = true;
        BufferedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values, identical to calling it once
    /// per element, but interleaved LCG lanes (sixteen in AVX-512 registers where available, else four scalar ones), each
    /// leaping over the others' states, break the multiply dependency chain. Leaves a buffered 32-bit half untouched, as NumPy's <c>random_raw</c> does.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public override void Fill(Span<ulong> destination)
    {
        if (destination.Length >= 2 * Pcg64Vector512.Lanes && Pcg64Vector512.IsSupported)
        {
            FillVector512(destination);
        }
        else
        {
            FillScalarLanes(destination);
        }
    }

    /// <summary>The portable Fill: four interleaved scalar lanes. Internal so tests cover it on AVX-512 machines too.</summary>
    internal void FillScalarLanes(Span<ulong> destination)
    {
        int length = destination.Length;
        if (length < 2 * Pcg64Lcg.Lanes)
        {
            for (int i = 0; i < length; i++)
            {
                destination[i] = NextUInt64();
            }

            return;
        }

        ulong incHi = _incrementHi, incLo = _incrementLo;

        // Lane k holds the state after k steps: PCG64DXSM outputs, then steps.
        ulong h0 = _stateHi, l0 = _stateLo;
        ulong h1 = h0, l1 = l0;
        Pcg64Lcg.StepCheap(ref h1, ref l1, incHi, incLo);
        ulong h2 = h1, l2 = l1;
        Pcg64Lcg.StepCheap(ref h2, ref l2, incHi, incLo);
        ulong h3 = h2, l3 = l2;
        Pcg64Lcg.StepCheap(ref h3, ref l3, incHi, incLo);

        ulong leapMulHi = LeapMultiplierHi, leapMulLo = LeapMultiplierLo;
        ulong leapIncHi = _leapIncrementHi, leapIncLo = _leapIncrementLo;
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        int fullBlocksEnd = length & ~(Pcg64Lcg.Lanes - 1);
        int index = 0;
        while (true)
        {
            Unsafe.Add(ref output, index) = Pcg64Lcg.OutputDxsm(h0, l0);
            Unsafe.Add(ref output, index + 1) = Pcg64Lcg.OutputDxsm(h1, l1);
            Unsafe.Add(ref output, index + 2) = Pcg64Lcg.OutputDxsm(h2, l2);
            Unsafe.Add(ref output, index + 3) = Pcg64Lcg.OutputDxsm(h3, l3);
            index += Pcg64Lcg.Lanes;
            if (index == fullBlocksEnd)
            {
                break;
            }

            Pcg64Lcg.Step(ref h0, ref l0, leapMulHi, leapMulLo, leapIncHi, leapIncLo);
            Pcg64Lcg.Step(ref h1, ref l1, leapMulHi, leapMulLo, leapIncHi, leapIncLo);
            Pcg64Lcg.Step(ref h2, ref l2, leapMulHi, leapMulLo, leapIncHi, leapIncLo);
            Pcg64Lcg.Step(ref h3, ref l3, leapMulHi, leapMulLo, leapIncHi, leapIncLo);
        }

        // The state after the last output is one step past lane 3; the few values left over come from the scalar path.
        Pcg64Lcg.StepCheap(ref h3, ref l3, incHi, incLo);
        _stateHi = h3;
        _stateLo = l3;
        for (; index < length; index++)
        {
            Unsafe.Add(ref output, index) = NextUInt64();
        }
    }

    /// <summary>The AVX-512 Fill: eight lanes per vector. Only call when <see cref="Pcg64Vector512.IsSupported"/>.</summary>
    internal void FillVector512(Span<ulong> destination)
    {
        int blocks = destination.Length / Pcg64Vector512.Lanes;
        if (blocks == 0)
        {
            FillScalarLanes(destination);
            return;
        }

        Span<ulong> laneHi = stackalloc ulong[Pcg64Vector512.Lanes];
        Span<ulong> laneLo = stackalloc ulong[Pcg64Vector512.Lanes];
        // Lane k holds the state after k steps: PCG64DXSM outputs, then steps.
        ulong hi = _stateHi, lo = _stateLo;
        for (int lane = 0; lane < Pcg64Vector512.Lanes; lane++)
        {
            laneHi[lane] = hi;
            laneLo[lane] = lo;
            Pcg64Lcg.StepCheap(ref hi, ref lo, _incrementHi, _incrementLo);
        }

        Vector512<ulong> hiA = Vector512.Create<ulong>(laneHi);
        Vector512<ulong> loA = Vector512.Create<ulong>(laneLo);
        Vector512<ulong> hiB = Vector512.Create<ulong>(laneHi[Pcg64Vector512.LanesPerVector..]);
        Vector512<ulong> loB = Vector512.Create<ulong>(laneLo[Pcg64Vector512.LanesPerVector..]);
        Vector512<ulong> leapMulHi = Vector512.Create((ulong)(VectorLeapMultiplier >> 64));
        Vector512<ulong> leapMulLo = Vector512.Create((ulong)VectorLeapMultiplier);
        Vector512<ulong> leapMulLoHigh32 = Vector512.ShiftRightLogical(leapMulLo, 32);
        Vector512<ulong> leapIncHi = Vector512.Create(_vectorLeapIncrementHi);
        Vector512<ulong> leapIncLo = Vector512.Create(_vectorLeapIncrementLo);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        int block = 0;
        while (true)
        {
            nuint offset = (nuint)(block * Pcg64Vector512.Lanes);
            Pcg64Vector512.OutputDxsm(hiA, loA).StoreUnsafe(ref output, offset);
            Pcg64Vector512.OutputDxsm(hiB, loB).StoreUnsafe(ref output, offset + Pcg64Vector512.LanesPerVector);
            if (++block == blocks)
            {
                break;
            }

            Pcg64Vector512.Step(ref hiA, ref loA, leapMulHi, leapMulLo, leapMulLoHigh32, leapIncHi, leapIncLo);
            Pcg64Vector512.Step(ref hiB, ref loB, leapMulHi, leapMulLo, leapMulLoHigh32, leapIncHi, leapIncLo);
        }

        // The state after the last output is one step past the last lane; the few values left over come from the scalar path.
        ulong lastHi = hiB.GetElement(Pcg64Vector512.LanesPerVector - 1), lastLo = loB.GetElement(Pcg64Vector512.LanesPerVector - 1);
        Pcg64Lcg.StepCheap(ref lastHi, ref lastLo, _incrementHi, _incrementLo);
        _stateHi = lastHi;
        _stateLo = lastLo;
        for (int index = blocks * Pcg64Vector512.Lanes; index < destination.Length; index++)
        {
            Unsafe.Add(ref output, index) = NextUInt64();
        }
    }

    /// <summary>
    /// Advances the state as if <paramref name="delta"/> values had been drawn, in O(log delta) steps (NumPy's
    /// <c>advance(delta)</c>). The delta is taken modulo 2^128, so a negative delta moves backwards. Clears the buffered
    /// 32-bit half, as NumPy does.
    /// </summary>
    /// <param name="delta">The number of draws to skip; any integer.</param>
    /// <returns>This generator, for chaining.</returns>
    public Pcg64Dxsm Advance(BigInteger delta)
    {
        var state = Pcg64Lcg.Advance(new UInt128(_stateHi, _stateLo), Pcg64Lcg.WrapDelta(delta),
            Pcg64Lcg.CheapMultiplier, new UInt128(_incrementHi, _incrementLo));
        _stateHi = (ulong)(state >> 64);
        _stateLo = (ulong)state;
        ResetBufferedUInt32();
        return this;
    }

    /// <summary>
    /// Returns a new generator whose state is this one's advanced by <paramref name="jumps"/> times
    /// 210306068529402873165736369884012333109 (≈ 2^128 (φ - 1)) draws, NumPy's <c>jumped(jumps)</c>; this generator is
    /// unchanged. Negative jumps move backwards modulo 2^128, as in NumPy.
    /// </summary>
    /// <param name="jumps">How many jumps to make; any integer.</param>
    /// <returns>The jumped generator, with an empty buffered half and no <see cref="BitGenerator.SeedSequence"/> (so it cannot spawn).</returns>
    public Pcg64Dxsm Jumped(int jumps = 1)
    {
        var jumped = new Pcg64Dxsm(State);
        jumped.Advance(Pcg64Lcg.JumpStep * jumps);
        return jumped;
    }

    /// <inheritdoc cref="BitGenerator.Spawn(int)" />
    public override Pcg64Dxsm[] Spawn(int count) => SpawnAs<Pcg64Dxsm>(count);

    private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => new Pcg64Dxsm(seedSequence);

    private void SetState(Pcg64DxsmState state, string paramName)
    {
        ArgumentNullException.ThrowIfNull(state, paramName);
        if ((state.Increment & 1) == 0)
        {
            throw new ArgumentException(
                $"Pcg64DxsmState.Increment must be odd (PCG increments are 2 * stream + 1), but was {state.Increment}.", paramName);
        }

        SetLcg(state.State, state.Increment);
        HasBufferedUInt32 = state.HasBufferedUInt32;
        BufferedUInt32 = state.BufferedUInt32;
    }

    private void SetLcg(UInt128 state, UInt128 increment)
    {
        _stateHi = (ulong)(state >> 64);
        _stateLo = (ulong)state;
        _incrementHi = (ulong)(increment >> 64);
        _incrementLo = (ulong)increment;
        var leapIncrement = Pcg64Lcg.Compose(Pcg64Lcg.Lanes, Pcg64Lcg.CheapMultiplier, increment).Increment;
        _leapIncrementHi = (ulong)(leapIncrement >> 64);
        _leapIncrementLo = (ulong)leapIncrement;
        var vectorLeapIncrement = Pcg64Lcg.Compose(Pcg64Vector512.Lanes, Pcg64Lcg.CheapMultiplier, increment).Increment;
        _vectorLeapIncrementHi = (ulong)(vectorLeapIncrement >> 64);
        _vectorLeapIncrementLo = (ulong)vectorLeapIncrement;
    }
}
