using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rng.Internal;

/// <summary>
/// NumPy 1.24's ziggurat samplers (<c>random_standard_normal</c>, <c>random_standard_exponential</c> and their
/// float32 forms in <c>distributions.c</c>), operation for operation so every value is bit-identical.
/// </summary>
/// <remarks>
/// The wedge tests call <see cref="Math.Exp"/> / <see cref="MathF.Exp"/>, which .NET takes from the platform C library:
/// glibc on Linux, as NumPy there. The tails use the managed <see cref="CMath.Log1p"/> / <see cref="CMath.Log1pf"/>,
/// identical everywhere. Stateless apart from the source passed in.
/// </remarks>
internal static class ZigguratSampler
{
    private const double DoubleUnit = 1.0 / 9007199254740992.0;
    private const float FloatUnit = 1.0f / 16777216.0f;

    /// <summary><c>random_standard_normal</c>: one 64-bit draw, 8 bits of layer, 1 of sign, 52 of magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StandardNormal<TSource>(ref TSource source)
        where TSource : struct, IDrawSource
    {
        ulong r = source.NextUInt64();
        int idx = (int)(r & 0xff);
        r >>= 8;
        ulong rabs = (r >> 1) & 0x000fffffffffffff;
        double x = (long)rabs * Element(ZigguratTables.WiDouble, idx);
        if ((r & 0x1) != 0)
        {
            x = -x;
        }

        if (rabs < Element(ZigguratTables.KiDouble, idx))
        {
            return x; // 99.3% of draws end here
        }

        return StandardNormalUnlikely(ref source, idx, rabs, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double StandardNormalUnlikely<TSource>(ref TSource source, int idx, ulong rabs, double x)
        where TSource : struct, IDrawSource
    {
        double[] fi = ZigguratTables.FiDouble;
        while (true)
        {
            if (idx == 0)
            {
                // Marsaglia's tail beyond r; 1 - U keeps log away from 0 (NumPy GH 13361), written as log1p(-U).
                while (true)
                {
                    double xx = -ZigguratTables.NormalInverseR * CMath.Log1p(-source.NextDouble());
                    double yy = -CMath.Log1p(-source.NextDouble());
                    if (yy + yy > xx * xx)
                    {
                        return ((rabs >> 8) & 0x1) != 0 ? -(ZigguratTables.NormalR + xx) : ZigguratTables.NormalR + xx;
                    }
                }
            }

            if ((fi[idx - 1] - fi[idx]) * source.NextDouble() + fi[idx] < Math.Exp(-0.5 * x * x))
            {
                return x;
            }

            ulong r = source.NextUInt64();
            idx = (int)(r & 0xff);
            r >>= 8;
            rabs = (r >> 1) & 0x000fffffffffffff;
            x = (long)rabs * ZigguratTables.WiDouble[idx];
            if ((r & 0x1) != 0)
            {
                x = -x;
            }

            if (rabs < ZigguratTables.KiDouble[idx])
            {
                return x;
            }
        }
    }

    /// <summary><c>random_standard_exponential</c> (the ziggurat): 3 bits dropped, 8 of layer, 53 of magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StandardExponential<TSource>(ref TSource source)
        where TSource : struct, IDrawSource
    {
        ulong ri = source.NextUInt64() >> 3;
        int idx = (int)(ri & 0xFF);
        ri >>= 8;
        double x = (long)ri * Element(ZigguratTables.WeDouble, idx);
        if (ri < Element(ZigguratTables.KeDouble, idx))
        {
            return x; // 98.9% of draws end here
        }

        return StandardExponentialUnlikely(ref source, idx, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double StandardExponentialUnlikely<TSource>(ref TSource source, int idx, double x)
        where TSource : struct, IDrawSource
    {
        double[] fe = ZigguratTables.FeDouble;
        while (true)
        {
            if (idx == 0)
            {
                return ZigguratTables.ExponentialR - CMath.Log1p(-source.NextDouble());
            }

            if ((fe[idx - 1] - fe[idx]) * source.NextDouble() + fe[idx] < Math.Exp(-x))
            {
                return x;
            }

            ulong ri = source.NextUInt64() >> 3;
            idx = (int)(ri & 0xFF);
            ri >>= 8;
            x = (long)ri * ZigguratTables.WeDouble[idx];
            if (ri < ZigguratTables.KeDouble[idx])
            {
                return x;
            }
        }
    }

    /// <summary>
    /// <c>random_standard_normal_f</c>: one buffered 32-bit draw; every operation in float except the wedge test,
    /// which NumPy writes as <c>exp(-0.5 * x * x)</c> and so evaluates in double.
    /// </summary>
    public static float StandardNormalSingle(BitGenerator bitGenerator)
    {
        uint[] ki = ZigguratTables.KiFloat;
        float[] wi = ZigguratTables.WiFloat;
        float[] fi = ZigguratTables.FiFloat;
        while (true)
        {
            uint r = bitGenerator.NextUInt32();
            int idx = (int)(r & 0xff);
            uint rabs = (r >> 9) & 0x0007fffff;
            float x = (int)rabs * wi[idx];
            if (((r >> 8) & 0x1) != 0)
            {
                x = -x;
            }

            if (rabs < ki[idx])
            {
                return x;
            }

            if (idx == 0)
            {
                while (true)
                {
                    float xx = -ZigguratTables.NormalInverseRFloat * CMath.Log1pf(-NextFloat(bitGenerator));
                    float yy = -CMath.Log1pf(-NextFloat(bitGenerator));
                    if (yy + yy > xx * xx)
                    {
                        return ((rabs >> 8) & 0x1) != 0 ? -(ZigguratTables.NormalRFloat + xx) : ZigguratTables.NormalRFloat + xx;
                    }
                }
            }

            float wedge = (fi[idx - 1] - fi[idx]) * NextFloat(bitGenerator) + fi[idx];
            if (wedge < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
        }
    }

    /// <summary><c>random_standard_exponential_f</c>: one buffered 32-bit draw, every operation in float.</summary>
    public static float StandardExponentialSingle(BitGenerator bitGenerator)
    {
        uint[] ke = ZigguratTables.KeFloat;
        float[] we = ZigguratTables.WeFloat;
        float[] fe = ZigguratTables.FeFloat;
        while (true)
        {
            uint ri = bitGenerator.NextUInt32() >> 1;
            int idx = (int)(ri & 0xFF);
            ri >>= 8;
            float x = (int)ri * we[idx];
            if (ri < ke[idx])
            {
                return x;
            }

            if (idx == 0)
            {
                return ZigguratTables.ExponentialRFloat - CMath.Log1pf(-NextFloat(bitGenerator));
            }

            if ((fe[idx - 1] - fe[idx]) * NextFloat(bitGenerator) + fe[idx] < MathF.Exp(-x))
            {
                return x;
            }
        }
    }

    /// <summary>NumPy's <c>next_float</c>: the top 24 bits of a buffered 32-bit draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NextFloat(BitGenerator bitGenerator) => (bitGenerator.NextUInt32() >> 8) * FloatUnit;

    /// <summary>NumPy's <c>next_double</c> from a raw 64-bit draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(ulong draw) => (draw >> 11) * DoubleUnit;

    // Table reads on the hot path: idx is masked to 0..255 and every table has 256 entries (checked at load).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Element<T>(T[] table, int idx) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), idx);
}
