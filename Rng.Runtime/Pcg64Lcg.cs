using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rng;

/// <summary>The 128-bit LCG arithmetic shared by <see cref="Pcg64"/> and <see cref="Pcg64Dxsm"/> (NumPy's pcg64.h / pcg64.c).</summary>
internal static class Pcg64Lcg
{
    /// <summary>PCG_DEFAULT_MULTIPLIER_128: PCG64's multiplier, also used by both generators' seeding.</summary>
    public static readonly UInt128 DefaultMultiplier = new(2549297995355413924UL, 4865540595714422341UL);

    /// <summary>The 64-bit "cheap multiplier" of PCG64DXSM's LCG and DXSM output.</summary>
    public const ulong CheapMultiplier = 0xda942042e4dd58b5UL;

    /// <summary>NumPy's jump step for both generators: (phi - 1) * 2^128, i.e. 210306068529402873165736369884012333109.</summary>
    public static readonly BigInteger JumpStep = (BigInteger)new UInt128(0x9e3779b97f4a7c15UL, 0xf39cc0605cedc835UL);

    private static readonly BigInteger Mask128 = (BigInteger.One << 128) - 1;

    /// <summary>How many lanes Fill runs side by side: enough to hide the multiply latency on current x64 and Arm cores.</summary>
    public const int Lanes = 4;

    /// <summary>
    /// NumPy's pcg64_set_seed / pcg_setseq_128_srandom_r, taking the four 64-bit words of
    /// <c>generate_state(4, np.uint64)</c>: state from words 0-1, stream from words 2-3 (high word first).
    /// NumPy seeds PCG64DXSM the same way, with the default 128-bit multiplier.
    /// </summary>
    public static (UInt128 State, UInt128 Increment) Seed(SeedSequence seedSequence)
    {
        Span<ulong> words = stackalloc ulong[4];
        seedSequence.GenerateState64Into(words);
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        UInt128 increment = (initSequence << 1) | 1;
        UInt128 state = increment; // 0 * multiplier + increment
        state += initState;
        state = (state * DefaultMultiplier) + increment;
        return (state, increment);
    }

    /// <summary>A delta reduced modulo 2^128, as NumPy's wrap_int(delta, 128): negative deltas step backwards round the period.</summary>
    public static UInt128 WrapDelta(BigInteger delta) => (UInt128)(delta & Mask128);

    /// <summary>
    /// Brown's arbitrary-stride jump (NumPy's pcg_advance_lcg_128): the state after <paramref name="delta"/> steps
    /// of <c>state = state * multiplier + increment</c>.
    /// </summary>
    public static UInt128 Advance(UInt128 state, UInt128 delta, UInt128 multiplier, UInt128 increment)
    {
        var (accMultiplier, accIncrement) = Compose(delta, multiplier, increment);
        return (accMultiplier * state) + accIncrement;
    }

    /// <summary>The affine map (multiplier, increment) equal to <paramref name="steps"/> LCG steps.</summary>
    public static (UInt128 Multiplier, UInt128 Increment) Compose(UInt128 steps, UInt128 multiplier, UInt128 increment)
    {
        UInt128 accMultiplier = 1;
        UInt128 accIncrement = 0;
        while (steps != 0)
        {
            if ((steps & 1) != 0)
            {
                accMultiplier *= multiplier;
                accIncrement = (accIncrement * multiplier) + increment;
            }

            increment = (multiplier + 1) * increment;
            multiplier *= multiplier;
            steps >>= 1;
        }

        return (accMultiplier, accIncrement);
    }

    /// <summary>One step <c>(hi:lo) = (hi:lo) * (mulHi:mulLo) + (incHi:incLo)</c> on 64-bit halves, which the JIT keeps in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref ulong hi, ref ulong lo, ulong mulHi, ulong mulLo, ulong incHi, ulong incLo)
    {
        ulong productHi = Math.BigMul(lo, mulLo, out ulong productLo);
        productHi += (lo * mulHi) + (hi * mulLo);
        ulong sumLo = productLo + incLo;
        hi = productHi + incHi + (sumLo < productLo ? 1UL : 0UL);
        lo = sumLo;
    }

    /// <summary>One step with a 64-bit multiplier (PCG64DXSM's cheap multiplier): one 64x64 multiply fewer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StepCheap(ref ulong hi, ref ulong lo, ulong incHi, ulong incLo)
    {
        ulong productHi = Math.BigMul(lo, CheapMultiplier, out ulong productLo);
        productHi += hi * CheapMultiplier;
        ulong sumLo = productLo + incLo;
        hi = productHi + incHi + (sumLo < productLo ? 1UL : 0UL);
        lo = sumLo;
    }

    /// <summary>PCG64's XSL-RR output: the xor of the halves, rotated right by the top 6 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OutputXslRr(ulong hi, ulong lo) => BitOperations.RotateRight(hi ^ lo, (int)(hi >> 58));

    /// <summary>PCG64DXSM's "double xorshift multiply" output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OutputDxsm(ulong hi, ulong lo)
    {
        lo |= 1;
        hi ^= hi >> 32;
        hi *= CheapMultiplier;
        hi ^= hi >> 48;
        return hi * lo;
    }
}
