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
        double x = WithSign((long)rabs * Element(ZigguratTables.WiDouble, idx), r);
        if (rabs < Element(ZigguratTables.KiDouble, idx))
        {
            return x; // 99.3% of draws end here
        }

        return StandardNormalUnlikely(ref source, idx, rabs, x);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>random_standard_normal</c> values (times <paramref name="scale"/> plus
    /// <paramref name="loc"/> when <paramref name="affine"/>), reading draws in blocks: the same values as the scalar form
    /// for bit generators whose doubles derive from their 64-bit draws (see <see cref="BufferedDraws"/>).
    /// </summary>
    [SkipLocalsInit]
    public static unsafe void FillStandardNormal(BitGenerator bitGenerator, Span<double> destination, double loc, double scale, bool affine)
    {
        ulong* block = stackalloc ulong[BufferedDraws.BlockLength];
        var slowDraws = new BufferedDraws(bitGenerator, block);
        ref double output = ref MemoryMarshal.GetReference(destination);
        ref ulong ki = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.KiDouble);
        ref double wi = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.WiDouble);
        int length = destination.Length;
        int index = 0;
        while (index < length)
        {
            // At most one word per value still to produce: every word read is consumed.
            int count = Math.Min(length - index, BufferedDraws.BlockLength);
            bitGenerator.Fill(new Span<ulong>(block, count));
            int next = 0;
            while (next < count)
            {
                ulong r = block[next++];
                int idx = (int)(r & 0xff);
                r >>= 8;
                ulong rabs = (r >> 1) & 0x000fffffffffffff;
                double x = WithSign((long)rabs * Unsafe.Add(ref wi, idx), r);
                if (rabs >= Unsafe.Add(ref ki, idx))
                {
                    slowDraws.Resume(count, next);
                    x = StandardNormalUnlikely(ref slowDraws, idx, rabs, x);
                    next = slowDraws.Position;
                }

                Unsafe.Add(ref output, index++) = affine ? loc + scale * x : x;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>random_standard_exponential</c> values (times <paramref name="scale"/>
    /// when <paramref name="scaled"/>), reading draws in blocks; see <see cref="FillStandardNormal"/>.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe void FillStandardExponential(BitGenerator bitGenerator, Span<double> destination, double scale, bool scaled)
    {
        ulong* block = stackalloc ulong[BufferedDraws.BlockLength];
        var slowDraws = new BufferedDraws(bitGenerator, block);
        ref double output = ref MemoryMarshal.GetReference(destination);
        ref ulong ke = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.KeDouble);
        ref double we = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.WeDouble);
        int length = destination.Length;
        int index = 0;
        while (index < length)
        {
            int count = Math.Min(length - index, BufferedDraws.BlockLength);
            bitGenerator.Fill(new Span<ulong>(block, count));
            int next = 0;
            while (next < count)
            {
                ulong ri = block[next++] >> 3;
                int idx = (int)(ri & 0xFF);
                ri >>= 8;
                double x = (long)ri * Unsafe.Add(ref we, idx);
                if (ri >= Unsafe.Add(ref ke, idx))
                {
                    slowDraws.Resume(count, next);
                    x = StandardExponentialUnlikely(ref slowDraws, idx, x);
                    next = slowDraws.Position;
                }

                Unsafe.Add(ref output, index++) = scaled ? scale * x : x;
            }
        }
    }

    // NumPy's "if (sign & 0x1) x = -x" without a branch (the sign bit is random, so a branch mispredicts half the
    // time): negation only flips the IEEE sign bit, so XOR-ing bit 0 of r into it is the same operation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WithSign(double magnitude, ulong r) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(magnitude) ^ (long)(r << 63));

    // The float form: bit 0 of signBit (NumPy's "sign = (r >> 8) & 0x1") flips the float's sign bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float WithSign(float magnitude, uint signBit) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(magnitude) ^ (int)(signBit << 31));

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
            x = WithSign((long)rabs * ZigguratTables.WiDouble[idx], r);
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
    /// <c>random_standard_normal_f</c>: one 32-bit draw (NumPy's buffered halves of a 64-bit draw); every operation in
    /// float except the wedge test, which NumPy writes as <c>exp(-0.5 * x * x)</c> and so evaluates in double.
    /// </summary>
    /// <param name="draws">The 32-bit draws.</param>
    /// <param name="outputsLeft">Values the caller still has to produce, this one included (see <see cref="UInt32Draws.Next"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float StandardNormalSingle(ref UInt32Draws draws, long outputsLeft)
    {
        uint r = draws.Next(outputsLeft);
        int idx = (int)(r & 0xff);
        uint rabs = (r >> 9) & 0x0007fffff;
        float x = WithSign((int)rabs * Element(ZigguratTables.WiFloat, idx), r >> 8);
        if (rabs < Element(ZigguratTables.KiFloat, idx))
        {
            return x; // 99.3% of draws end here
        }

        return StandardNormalSingleUnlikely(ref draws, outputsLeft, idx, rabs, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float StandardNormalSingleUnlikely(ref UInt32Draws draws, long outputsLeft, int idx, uint rabs, float x)
    {
        uint[] ki = ZigguratTables.KiFloat;
        float[] wi = ZigguratTables.WiFloat;
        float[] fi = ZigguratTables.FiFloat;
        while (true)
        {
            if (idx == 0)
            {
                while (true)
                {
                    float xx = -ZigguratTables.NormalInverseRFloat * CMath.Log1pf(-NextFloat(ref draws, outputsLeft));
                    float yy = -CMath.Log1pf(-NextFloat(ref draws, outputsLeft));
                    if (yy + yy > xx * xx)
                    {
                        return ((rabs >> 8) & 0x1) != 0 ? -(ZigguratTables.NormalRFloat + xx) : ZigguratTables.NormalRFloat + xx;
                    }
                }
            }

            float wedge = (fi[idx - 1] - fi[idx]) * NextFloat(ref draws, outputsLeft) + fi[idx];
            if (wedge < Math.Exp(-0.5 * x * x))
            {
                return x;
            }

            uint r = draws.Next(outputsLeft);
            idx = (int)(r & 0xff);
            rabs = (r >> 9) & 0x0007fffff;
            x = WithSign((int)rabs * wi[idx], r >> 8);
            if (rabs < ki[idx])
            {
                return x;
            }
        }
    }

    /// <summary><c>random_standard_exponential_f</c>: one 32-bit draw, every operation in float.</summary>
    /// <param name="draws">The 32-bit draws.</param>
    /// <param name="outputsLeft">Values the caller still has to produce, this one included.</param>
    public static float StandardExponentialSingle(ref UInt32Draws draws, long outputsLeft)
    {
        uint[] ke = ZigguratTables.KeFloat;
        float[] we = ZigguratTables.WeFloat;
        float[] fe = ZigguratTables.FeFloat;
        while (true)
        {
            uint ri = draws.Next(outputsLeft) >> 1;
            int idx = (int)(ri & 0xFF);
            ri >>= 8;
            float x = (int)ri * we[idx];
            if (ri < ke[idx])
            {
                return x;
            }

            if (idx == 0)
            {
                return ZigguratTables.ExponentialRFloat - CMath.Log1pf(-NextFloat(ref draws, outputsLeft));
            }

            if ((fe[idx - 1] - fe[idx]) * NextFloat(ref draws, outputsLeft) + fe[idx] < MathF.Exp(-x))
            {
                return x;
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with <c>random_standard_normal_f</c> values, reading 32-bit draws in blocks when <paramref name="blocks"/>.</summary>
    [SkipLocalsInit]
    public static void FillStandardNormalSingle(BitGenerator bitGenerator, bool blocks, Span<float> destination)
    {
        var draws = new UInt32Draws(bitGenerator, stackalloc ulong[BufferedDraws.BlockLength], blocks);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = StandardNormalSingle(ref draws, destination.Length - i);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with <c>random_standard_exponential_f</c> values, reading 32-bit draws in blocks when <paramref name="blocks"/>.</summary>
    [SkipLocalsInit]
    public static void FillStandardExponentialSingle(BitGenerator bitGenerator, bool blocks, Span<float> destination)
    {
        var draws = new UInt32Draws(bitGenerator, stackalloc ulong[BufferedDraws.BlockLength], blocks);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = StandardExponentialSingle(ref draws, destination.Length - i);
        }
    }

    // NumPy's next_float: the top 24 bits of a 32-bit draw.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float NextFloat(ref UInt32Draws draws, long outputsLeft) => (draws.Next(outputsLeft) >> 8) * FloatUnit;

    // Table reads on the hot path: idx is masked to 0..255 and every table has 256 entries (checked at load).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Element<T>(T[] table, int idx) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), idx);
}
