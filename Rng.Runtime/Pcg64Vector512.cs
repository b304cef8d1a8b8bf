using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rng;

/// <summary>
/// PCG LCG lanes in AVX-512 registers (eight per pair of high and low 64-bit halves), for the Fill of <see cref="Pcg64"/>
/// and <see cref="Pcg64Dxsm"/>. Each lane leaps over the other lanes' states, so together they produce exactly the
/// scalar sequence.
/// </summary>
internal static class Pcg64Vector512
{
    /// <summary>How many lanes one vector holds.</summary>
    public const int LanesPerVector = 8;

    /// <summary>How many lanes Fill runs: two vectors, so one vector's multiplies overlap the other's dependency chain.</summary>
    public const int Lanes = 2 * LanesPerVector;

    /// <summary>True when this machine runs the AVX-512 path (AVX-512 F for the 32-bit multiplies and rotates, DQ for 64-bit multiplies).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512DQ.IsSupported;

    /// <summary>
    /// One leap of every lane: <c>(hi:lo) = (hi:lo) * (mulHi:mulLo) + (incHi:incLo)</c> modulo 2^128.
    /// AVX-512 has no 64x64 -> 128 multiply, so the high half of lo * mulLo is assembled from four 32x32 products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(
        ref Vector512<ulong> hi, ref Vector512<ulong> lo,
        Vector512<ulong> mulHi, Vector512<ulong> mulLo, Vector512<ulong> mulLoHigh32,
        Vector512<ulong> incHi, Vector512<ulong> incLo)
    {
        Vector512<ulong> low32 = Vector512.Create(0xFFFF_FFFFUL);
        Vector512<ulong> loHigh32 = Vector512.ShiftRightLogical(lo, 32);
        Vector512<ulong> p00 = Avx512F.Multiply(lo.AsUInt32(), mulLo.AsUInt32());
        Vector512<ulong> p01 = Avx512F.Multiply(lo.AsUInt32(), mulLoHigh32.AsUInt32());
        Vector512<ulong> p10 = Avx512F.Multiply(loHigh32.AsUInt32(), mulLo.AsUInt32());
        Vector512<ulong> p11 = Avx512F.Multiply(loHigh32.AsUInt32(), mulLoHigh32.AsUInt32());

        // Schoolbook carries: neither sum can overflow 64 bits.
        Vector512<ulong> t = p10 + Vector512.ShiftRightLogical(p00, 32);
        Vector512<ulong> w = (t & low32) + p01;
        Vector512<ulong> productHi = p11 + Vector512.ShiftRightLogical(t, 32) + Vector512.ShiftRightLogical(w, 32);
        Vector512<ulong> productLo = Vector512.ShiftLeft(w, 32) | (p00 & low32);
        productHi += Avx512DQ.MultiplyLow(lo, mulHi) + Avx512DQ.MultiplyLow(hi, mulLo);

        Vector512<ulong> sumLo = productLo + incLo;

        // An unsigned compare gives all ones (-1) in lanes whose low half wrapped: subtracting it adds the carry.
        hi = productHi + incHi - Vector512.LessThan(sumLo, productLo);
        lo = sumLo;
    }

    /// <summary>PCG64's XSL-RR output of eight states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> OutputXslRr(Vector512<ulong> hi, Vector512<ulong> lo) =>
        Avx512F.RotateRightVariable(hi ^ lo, Vector512.ShiftRightLogical(hi, 58));

    /// <summary>PCG64DXSM's DXSM output of eight states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> OutputDxsm(Vector512<ulong> hi, Vector512<ulong> lo)
    {
        lo |= Vector512<ulong>.One;
        hi ^= Vector512.ShiftRightLogical(hi, 32);
        hi = Avx512DQ.MultiplyLow(hi, Vector512.Create(Pcg64Lcg.CheapMultiplier));
        hi ^= Vector512.ShiftRightLogical(hi, 48);
        return Avx512DQ.MultiplyLow(hi, lo);
    }
}
