namespace Rng.Internal;

/// <summary>
/// Managed ports of the C library functions NumPy's samplers call and .NET does not provide exactly:
/// <c>log1p</c> and <c>log1pf</c>, following glibc's fdlibm-derived <c>s_log1p.c</c> and <c>s_log1pf.c</c>
/// operation for operation, so results equal glibc's bit for bit on every operating system and CPU.
/// </summary>
/// <remarks>
/// <para>.NET's <see cref="double.LogP1(double)"/> is <c>log(1 + x)</c>, which loses the low bits of small <c>x</c> and
/// differs from glibc in rare ziggurat tail values. Pure functions of their argument: thread-safe.</para>
/// <para>glibc (2.36 here) picks its <c>log1p</c> at load time: on x86-64 CPUs with FMA and AVX2 (Intel since 2013,
/// AMD since 2015) a build of the same C source in which the compiler fused several multiply-adds; elsewhere the
/// plain build. The two differ in the last bit for about 1 in 2,000 arguments -U with U uniform in [0, 1), the
/// very arguments of the ziggurat tails. <see cref="Log1p"/> reproduces the FMA
/// build exactly (its fusions read from the machine code and spelled out with <see cref="Math.FusedMultiplyAdd"/>,
/// which is exact on every platform), so NumPy on an older CPU can differ from this library in a rare tail value.
/// glibc's <c>log1pf</c> has a single build, matched over all 2^32 inputs.</para>
/// </remarks>
internal static class CMath
{
    // fdlibm's constants, by bit pattern so no decimal parsing is involved.
    private static readonly double Ln2Hi = BitConverter.Int64BitsToDouble(0x3FE62E42FEE00000);
    private static readonly double Ln2Lo = BitConverter.Int64BitsToDouble(0x3DEA39EF35793C76);
    private static readonly double Lp1 = BitConverter.Int64BitsToDouble(0x3FE5555555555593);
    private static readonly double Lp2 = BitConverter.Int64BitsToDouble(0x3FD999999997FA04);
    private static readonly double Lp3 = BitConverter.Int64BitsToDouble(0x3FD2492494229359);
    private static readonly double Lp4 = BitConverter.Int64BitsToDouble(0x3FCC71C51D8E78AF);
    private static readonly double Lp5 = BitConverter.Int64BitsToDouble(0x3FC7466496CB03DE);
    private static readonly double Lp6 = BitConverter.Int64BitsToDouble(0x3FC39A09D078C69F);
    private static readonly double Lp7 = BitConverter.Int64BitsToDouble(0x3FC2F112DF3E5244);

    private static readonly float Ln2HiF = BitConverter.Int32BitsToSingle(0x3f317180);
    private static readonly float Ln2LoF = BitConverter.Int32BitsToSingle(0x3717f7d1);
    private static readonly float Lp1F = BitConverter.Int32BitsToSingle(0x3F2AAAAB);
    private static readonly float Lp2F = BitConverter.Int32BitsToSingle(0x3ECCCCCD);
    private static readonly float Lp3F = BitConverter.Int32BitsToSingle(0x3E924925);
    private static readonly float Lp4F = BitConverter.Int32BitsToSingle(0x3E638E29);
    private static readonly float Lp5F = BitConverter.Int32BitsToSingle(0x3E3A3325);
    private static readonly float Lp6F = BitConverter.Int32BitsToSingle(0x3E1CD04F);
    private static readonly float Lp7F = BitConverter.Int32BitsToSingle(0x3E178897);

    /// <summary>log(1 + x) to within 1 ulp, bit-identical to glibc's <c>log1p</c> as it runs on x86-64 CPUs with FMA.</summary>
    /// <param name="x">Any double; below -1 gives NaN, -1 gives negative infinity.</param>
    public static double Log1p(double x)
    {
        int hx = HighWord(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0, c = 0;

        if (hx < 0x3FDA827A)
        {
            // x < 0.41422
            if (ax >= 0x3ff00000)
            {
                // x <= -1.0 (or a negative NaN)
                return x == -1.0 ? double.NegativeInfinity : (x - x) / (x - x); // NaN as C computes it, payload included
            }

            if (ax < 0x3e200000)
            {
                // |x| < 2^-29: the series' first terms are exact enough.
                return ax < 0x3c900000 ? x : Math.FusedMultiplyAdd(-(x * x), 0.5, x);
            }

            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                // -0.2929 < x < 0.41422: no argument reduction.
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // rounding error of 1 + x
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }

            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = WithHighWord(u, hu | 0x3ff00000); // normalise u
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000); // normalise u / 2
                hu = (0x00100000 - hu) >> 2;
            }

            f = u - 1.0;
        }

        double hfsq = 0.5 * f * f;
        if (hu == 0)
        {
            // |f| < 2^-20
            if (f == 0.0)
            {
                if (k == 0)
                {
                    return 0.0;
                }

                c = Math.FusedMultiplyAdd(k, Ln2Lo, c);
                return Math.FusedMultiplyAdd(k, Ln2Hi, c);
            }

            double r0 = hfsq * Math.FusedMultiplyAdd(-f, 0.66666666666666666, 1.0);
            return k == 0 ? f - r0 : Math.FusedMultiplyAdd(k, Ln2Hi, -((r0 - Math.FusedMultiplyAdd(k, Ln2Lo, c)) - f));
        }

        double s = f / (2.0 + f);
        double z = s * s;
        // glibc evaluates the polynomial in this pipelined order (Shimizu, 1997), not Horner's:
        // R = z*Lp1 + z2*R2 + z4*R3 + z6*R4, here with the FMA build's fusions.
        double z2 = z * z;
        double r2 = Math.FusedMultiplyAdd(z, Lp3, Lp2);
        double z4 = z2 * z2;
        double r3 = Math.FusedMultiplyAdd(z, Lp5, Lp4);
        double z6 = z2 * z4;
        double r4 = Math.FusedMultiplyAdd(z, Lp7, Lp6);
        double r = Math.FusedMultiplyAdd(z6, r4, Math.FusedMultiplyAdd(z4, r3, Math.FusedMultiplyAdd(z, Lp1, z2 * r2)));
        double sTimes = s * (hfsq + r);
        if (k == 0)
        {
            return f - (hfsq - sTimes);
        }

        return Math.FusedMultiplyAdd(k, Ln2Hi, -((hfsq - (sTimes + Math.FusedMultiplyAdd(k, Ln2Lo, c))) - f));
    }

    /// <summary>log(1 + x) in single precision, bit-identical to glibc's <c>log1pf</c> (every operation rounded to float).</summary>
    /// <param name="x">Any float; below -1 gives NaN, -1 gives negative infinity.</param>
    public static float Log1pf(float x)
    {
        int hx = BitConverter.SingleToInt32Bits(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        float f = 0, c = 0;

        if (hx < 0x3ed413d7)
        {
            // x < 0.41422
            if (ax >= 0x3f800000)
            {
                // x <= -1.0 (or a negative NaN)
                return x == -1.0f ? float.NegativeInfinity : (x - x) / (x - x); // NaN as C computes it, payload included
            }

            if (ax < 0x31000000)
            {
                // |x| < 2^-29
                return ax < 0x24800000 ? x : x - x * x * 0.5f;
            }

            if (hx > 0 || hx <= unchecked((int)0xbe95f61f))
            {
                // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }

        if (hx >= 0x7f800000)
        {
            return x + x;
        }

        if (k != 0)
        {
            float u;
            if (hx < 0x5a000000)
            {
                u = 1.0f + x;
                hu = BitConverter.SingleToInt32Bits(u);
                k = (hu >> 23) - 127;
                c = k > 0 ? 1.0f - (u - x) : x - (u - 1.0f); // rounding error of 1 + x
                c /= u;
            }
            else
            {
                u = x;
                hu = BitConverter.SingleToInt32Bits(u);
                k = (hu >> 23) - 127;
                c = 0;
            }

            hu &= 0x007fffff;
            if (hu < 0x3504f7)
            {
                u = BitConverter.Int32BitsToSingle(hu | 0x3f800000); // normalise u
            }
            else
            {
                k += 1;
                u = BitConverter.Int32BitsToSingle(hu | 0x3f000000); // normalise u / 2
                hu = (0x00800000 - hu) >> 2;
            }

            f = u - 1.0f;
        }

        float hfsq = 0.5f * f * f;
        float kf = k;
        if (hu == 0)
        {
            // |f| < 2^-20
            if (f == 0.0f)
            {
                if (k == 0)
                {
                    return 0.0f;
                }

                c += kf * Ln2LoF;
                return kf * Ln2HiF + c;
            }

            float r0 = hfsq * (1.0f - (float)0.66666666666666666 * f);
            return k == 0 ? f - r0 : kf * Ln2HiF - ((r0 - (kf * Ln2LoF + c)) - f);
        }

        float s = f / (2.0f + f);
        float z = s * s;
        float r = z * (Lp1F + z * (Lp2F + z * (Lp3F + z * (Lp4F + z * (Lp5F + z * (Lp6F + z * Lp7F))))));
        if (k == 0)
        {
            return f - (hfsq - s * (hfsq + r));
        }

        return kf * Ln2HiF - ((hfsq - (s * (hfsq + r) + (kf * Ln2LoF + c))) - f);
    }

    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    private static double WithHighWord(double x, int high) =>
        BitConverter.Int64BitsToDouble(((long)high << 32) | (BitConverter.DoubleToInt64Bits(x) & 0xffffffffL));
}
