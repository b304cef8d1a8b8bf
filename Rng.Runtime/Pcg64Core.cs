using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rng;

/// <summary>
/// What sets <see cref="Pcg64"/> and <see cref="Pcg64Dxsm"/> apart: the LCG multiplier, the output permutation and
/// whether a draw steps before or after it outputs. Implemented by empty structs, so <see cref="Pcg64Core{TVariant}"/>
/// is compiled once per variant with every member inlined (no virtual call per value).
/// </summary>
internal interface IPcg64Variant
{
    /// <summary>The LCG multiplier, used by Advance and the lanes' leaps.</summary>
    static abstract UInt128 Multiplier { get; }

    /// <summary>True when a draw steps and then outputs the new state (PCG64); false when it outputs and then steps (PCG64DXSM).</summary>
    static abstract bool StepsBeforeOutput { get; }

    /// <summary>One LCG step with <see cref="Multiplier"/>.</summary>
    static abstract void Step(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo);

    /// <summary>The output permutation of one state.</summary>
    static abstract ulong Output(ulong hi, ulong lo);

    /// <summary>The output permutation of eight states; only called when <see cref="Pcg64Vector512.IsSupported"/>.</summary>
    static abstract Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo);
}

/// <summary>PCG64's variant: 128-bit default multiplier, XSL-RR output of the stepped state.</summary>
internal readonly struct Pcg64XslRrVariant : IPcg64Variant
{
    private static readonly ulong MultiplierHi = (ulong)(Pcg64Lcg.DefaultMultiplier >> 64);
    private static readonly ulong MultiplierLo = (ulong)Pcg64Lcg.DefaultMultiplier;

    public static UInt128 Multiplier => Pcg64Lcg.DefaultMultiplier;

    public static bool StepsBeforeOutput => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo) =>
        Pcg64Lcg.Step(ref hi, ref lo, MultiplierHi, MultiplierLo, incHi, incLo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Output(ulong hi, ulong lo) => Pcg64Lcg.OutputXslRr(hi, lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo) => Pcg64Vector512.OutputXslRr(hi, lo);
}

/// <summary>PCG64DXSM's variant: 64-bit cheap multiplier, DXSM output of the state before stepping.</summary>
internal readonly struct Pcg64DxsmVariant : IPcg64Variant
{
    public static UInt128 Multiplier => Pcg64Lcg.CheapMultiplier;

    public static bool StepsBeforeOutput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo) =>
        Pcg64Lcg.StepCheap(ref hi, ref lo, incHi, incLo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Output(ulong hi, ulong lo) => Pcg64Lcg.OutputDxsm(hi, lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Output(Vector512<ulong> hi, Vector512<ulong> lo) => Pcg64Vector512.OutputDxsm(hi, lo);
}

/// <summary>
/// The state and stream logic of <see cref="Pcg64"/> and <see cref="Pcg64Dxsm"/>, held as a mutable struct field so
/// the public classes keep their own sealed types and every call stays direct. Not thread-safe, like its owners.
/// </summary>
internal struct Pcg64Core<TVariant>
    where TVariant : struct, IPcg64Variant
{
    // The multiplier of Lanes (and of Pcg64Vector512.Lanes) steps, which does not depend on the increment. For PCG64DXSM
    // the cheap multiplier's fourth power no longer fits 64 bits, so the leaps use a full 128-bit multiply.
    private static readonly UInt128 LeapMultiplier = Pcg64Lcg.Compose(Pcg64Lcg.Lanes, TVariant.Multiplier, 0).Multiplier;
    private static readonly ulong LeapMultiplierHi = (ulong)(LeapMultiplier >> 64);
    private static readonly ulong LeapMultiplierLo = (ulong)LeapMultiplier;
    private static readonly UInt128 VectorLeapMultiplier = Pcg64Lcg.Compose(Pcg64Vector512.Lanes, TVariant.Multiplier, 0).Multiplier;

    private ulong _stateHi;
    private ulong _stateLo;
    private ulong _incrementHi;
    private ulong _incrementLo;

    // The increment of Lanes steps composed into one, cached because it depends on the stream's increment.
    private ulong _leapIncrementHi;
    private ulong _leapIncrementLo;
    private ulong _vectorLeapIncrementHi;
    private ulong _vectorLeapIncrementLo;

    /// <summary>The 128-bit LCG state.</summary>
    public readonly UInt128 State => new(_stateHi, _stateLo);

    /// <summary>The LCG increment (always odd).</summary>
    public readonly UInt128 Increment => new(_incrementHi, _incrementLo);

    /// <summary>Throws unless <paramref name="increment"/> is odd; the message names <paramref name="stateTypeName"/>'s field.</summary>
    public static void ThrowIfEvenIncrement(UInt128 increment, string stateTypeName, string paramName)
    {
        if ((increment & 1) == 0)
        {
            throw new ArgumentException(
                $"{stateTypeName}.Increment must be odd (PCG increments are 2 * stream + 1), but was {increment}.", paramName);
        }
    }

    /// <summary>Sets state and increment and recomputes the cached leap increments.</summary>
    public void SetLcg(UInt128 state, UInt128 increment)
    {
        SetState(state);
        _incrementHi = (ulong)(increment >> 64);
        _incrementLo = (ulong)increment;
        var leapIncrement = Pcg64Lcg.Compose(Pcg64Lcg.Lanes, TVariant.Multiplier, increment).Increment;
        _leapIncrementHi = (ulong)(leapIncrement >> 64);
        _leapIncrementLo = (ulong)leapIncrement;
        var vectorLeapIncrement = Pcg64Lcg.Compose(Pcg64Vector512.Lanes, TVariant.Multiplier, increment).Increment;
        _vectorLeapIncrementHi = (ulong)(vectorLeapIncrement >> 64);
        _vectorLeapIncrementLo = (ulong)vectorLeapIncrement;
    }

    /// <summary>Advances the state by <paramref name="delta"/> steps modulo 2^128 (NumPy's <c>advance</c>).</summary>
    public void Advance(BigInteger delta) =>
        SetState(Pcg64Lcg.Advance(State, Pcg64Lcg.WrapDelta(delta), TVariant.Multiplier, Increment));

    /// <summary>The next 64-bit output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong hi = _stateHi, lo = _stateLo;
        ulong result;
        if (TVariant.StepsBeforeOutput)
        {
            TVariant.Step(ref hi, ref lo, _incrementHi, _incrementLo);
            result = TVariant.Output(hi, lo);
        }
        else
        {
            result = TVariant.Output(hi, lo);
            TVariant.Step(ref hi, ref lo, _incrementHi, _incrementLo);
        }

        _stateHi = hi;
        _stateLo = lo;
        return result;
    }

    /// <summary>NumPy's buffered 32-bit draw: the low half of a fresh 64-bit value, keeping its high half for the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32(ref bool hasBufferedUInt32, ref uint bufferedUInt32)
    {
        if (hasBufferedUInt32)
        {
            hasBufferedUInt32 = false;
            return bufferedUInt32;
        }

        ulong next = Next();
        hasBufferedUInt32 = true;
        bufferedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>Fills with successive <see cref="Next"/> values, on AVX-512 lanes where available and worthwhile.</summary>
    public void Fill(Span<ulong> destination)
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

    /// <summary>The portable Fill: four interleaved scalar lanes.</summary>
    public void FillScalarLanes(Span<ulong> destination)
    {
        int length = destination.Length;
        if (length < 2 * Pcg64Lcg.Lanes)
        {
            for (int i = 0; i < length; i++)
            {
                destination[i] = Next();
            }

            return;
        }

        ulong incHi = _incrementHi, incLo = _incrementLo;

        // Lane k holds the state the (k + 1)-th draw outputs: PCG64 steps first, PCG64DXSM outputs first.
        ulong h0 = _stateHi, l0 = _stateLo;
        if (TVariant.StepsBeforeOutput)
        {
            TVariant.Step(ref h0, ref l0, incHi, incLo);
        }

        ulong h1 = h0, l1 = l0;
        TVariant.Step(ref h1, ref l1, incHi, incLo);
        ulong h2 = h1, l2 = l1;
        TVariant.Step(ref h2, ref l2, incHi, incLo);
        ulong h3 = h2, l3 = l2;
        TVariant.Step(ref h3, ref l3, incHi, incLo);

        ulong leapMulHi = LeapMultiplierHi, leapMulLo = LeapMultiplierLo;
        ulong leapIncHi = _leapIncrementHi, leapIncLo = _leapIncrementLo;
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        int fullBlocksEnd = length & ~(Pcg64Lcg.Lanes - 1);
        int index = 0;
        while (true)
        {
            Unsafe.Add(ref output, index) = TVariant.Output(h0, l0);
            Unsafe.Add(ref output, index + 1) = TVariant.Output(h1, l1);
            Unsafe.Add(ref output, index + 2) = TVariant.Output(h2, l2);
            Unsafe.Add(ref output, index + 3) = TVariant.Output(h3, l3);
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

        // The state after the last draw; the few values left over come from the scalar path.
        if (!TVariant.StepsBeforeOutput)
        {
            TVariant.Step(ref h3, ref l3, incHi, incLo);
        }

        _stateHi = h3;
        _stateLo = l3;
        for (; index < length; index++)
        {
            Unsafe.Add(ref output, index) = Next();
        }
    }

    /// <summary>The AVX-512 Fill: eight lanes per vector. Only call when <see cref="Pcg64Vector512.IsSupported"/>.</summary>
    public void FillVector512(Span<ulong> destination)
    {
        int blocks = destination.Length / Pcg64Vector512.Lanes;
        if (blocks == 0)
        {
            FillScalarLanes(destination);
            return;
        }

        Span<ulong> laneHi = stackalloc ulong[Pcg64Vector512.Lanes];
        Span<ulong> laneLo = stackalloc ulong[Pcg64Vector512.Lanes];

        // Lane k holds the state the (k + 1)-th draw outputs: PCG64 steps first, PCG64DXSM outputs first.
        ulong hi = _stateHi, lo = _stateLo;
        for (int lane = 0; lane < Pcg64Vector512.Lanes; lane++)
        {
            if (TVariant.StepsBeforeOutput)
            {
                TVariant.Step(ref hi, ref lo, _incrementHi, _incrementLo);
            }

            laneHi[lane] = hi;
            laneLo[lane] = lo;
            if (!TVariant.StepsBeforeOutput)
            {
                TVariant.Step(ref hi, ref lo, _incrementHi, _incrementLo);
            }
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
            TVariant.Output(hiA, loA).StoreUnsafe(ref output, offset);
            TVariant.Output(hiB, loB).StoreUnsafe(ref output, offset + Pcg64Vector512.LanesPerVector);
            if (++block == blocks)
            {
                break;
            }

            Pcg64Vector512.Step(ref hiA, ref loA, leapMulHi, leapMulLo, leapMulLoHigh32, leapIncHi, leapIncLo);
            Pcg64Vector512.Step(ref hiB, ref loB, leapMulHi, leapMulLo, leapMulLoHigh32, leapIncHi, leapIncLo);
        }

        // The state after the last draw; the few values left over come from the scalar path.
        ulong lastHi = hiB.GetElement(Pcg64Vector512.LanesPerVector - 1), lastLo = loB.GetElement(Pcg64Vector512.LanesPerVector - 1);
        if (!TVariant.StepsBeforeOutput)
        {
            TVariant.Step(ref lastHi, ref lastLo, _incrementHi, _incrementLo);
        }

        _stateHi = lastHi;
        _stateLo = lastLo;
        for (int index = blocks * Pcg64Vector512.Lanes; index < destination.Length; index++)
        {
            Unsafe.Add(ref output, index) = Next();
        }
    }

    private void SetState(UInt128 state)
    {
        _stateHi = (ulong)(state >> 64);
        _stateLo = (ulong)state;
    }
}
