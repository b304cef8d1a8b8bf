using Rng.Internal;

namespace Rng;

public sealed partial class Generator
{
    /// <summary>
    /// The largest <c>lam</c> <see cref="Poisson(double)"/> accepts, NumPy's <c>POISSON_LAM_MAX</c>:
    /// <c>long.MaxValue - 10 * sqrt(long.MaxValue)</c> (9.223372006484771e18), so that draws fit in a long.
    /// </summary>
    public static readonly double PoissonLamMax = long.MaxValue - Math.Sqrt(long.MaxValue) * 10;

    /// <summary>
    /// Returns a Poisson value with mean <paramref name="lam"/>, NumPy's <c>poisson(lam)</c>: multiplication of
    /// uniforms for <c>lam &lt; 10</c>, Hörmann's PTRS transformed rejection for <c>lam &gt;= 10</c>, 0 for <c>lam == 0</c>
    /// — bit-exact with NumPy 1.24.
    /// </summary>
    /// <param name="lam">The mean: must be in [0, <see cref="PoissonLamMax"/>]; NaN is rejected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lam"/> is negative or NaN ("lam &lt; 0 or lam is NaN"),
    /// or above <see cref="PoissonLamMax"/> ("lam value too large"; infinity included).</exception>
    /// <remarks>
    /// <c>lam == 0</c> returns 0 without drawing. Uses <c>exp</c>, <c>log</c> and <c>sqrt</c> from the platform C library:
    /// bit-exact with NumPy on Linux (glibc); elsewhere a rare value may take another rejection branch.
    /// Not thread-safe, like every member of <see cref="Generator"/>.
    /// </remarks>
    public long Poisson(double lam = 1.0)
    {
        CheckPoisson(lam);
        return DrawLoops.OneInt64(_bitGenerator, new PoissonSampler(lam));
    }

    /// <summary>Fills <paramref name="destination"/> with Poisson values, NumPy's <c>poisson(lam, size)</c>.</summary>
    /// <param name="lam">The mean: must be in [0, <see cref="PoissonLamMax"/>]; NaN is rejected.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Poisson(double)"/>; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Poisson(double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Poisson(double lam, Span<long> destination)
    {
        CheckPoisson(lam);
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64 && lam != 0.0, new PoissonSampler(lam), destination);
    }

    /// <summary>
    /// Returns a binomial value (successes in <paramref name="n"/> trials of probability <paramref name="p"/>), NumPy's
    /// <c>binomial(n, p)</c>: inversion when <c>min(p, 1 - p) * n &lt;= 30</c>, Kachitvichyanukul and Schmeiser's BTPE
    /// otherwise, by symmetry <c>n - X</c> for <c>p &gt; 0.5</c> — bit-exact with NumPy 1.24.
    /// </summary>
    /// <param name="n">Number of trials: must be &gt;= 0.</param>
    /// <param name="p">Success probability: must be in [0, 1]; NaN is rejected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative ("n &lt; 0"), or <paramref name="p"/>
    /// is outside [0, 1] or NaN ("p &lt; 0, p &gt; 1 or p is NaN").</exception>
    /// <remarks>
    /// <c>n == 0</c> or <c>p == 0</c> returns 0 without drawing. NumPy caches the BTPE set-up between calls with the same
    /// (n, p); the values do not depend on that cache, and the span form computes the set-up once per call.
    /// Uses <c>exp</c>/<c>log</c> from the platform C library (bit-exact with NumPy on Linux). Not thread-safe.
    /// </remarks>
    public long Binomial(long n, double p)
    {
        CheckBinomial(n, p);
        return DrawLoops.OneInt64(_bitGenerator, new BinomialSampler(n, p));
    }

    /// <summary>Fills <paramref name="destination"/> with binomial values, NumPy's <c>binomial(n, p, size)</c>.</summary>
    /// <param name="n">Number of trials: must be &gt;= 0.</param>
    /// <param name="p">Success probability: must be in [0, 1]; NaN is rejected.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Binomial(long, double)"/>; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Binomial(long, double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Binomial(long n, double p, Span<long> destination)
    {
        CheckBinomial(n, p);
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64 && n != 0 && p != 0.0, new BinomialSampler(n, p), destination);
    }

    /// <summary>
    /// Returns a geometric value (trials up to and including the first success, so at least 1), NumPy's
    /// <c>geometric(p)</c>: a sequential search for <c>p &gt;= 1/3</c>, otherwise
    /// <c>ceil(-standard_exponential / log1p(-p))</c> — bit-exact with NumPy 1.24.
    /// </summary>
    /// <param name="p">Success probability: must be in (0, 1]; NaN is rejected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1] or is NaN
    /// ("p &lt;= 0, p &gt; 1 or p contains NaNs").</exception>
    /// <remarks>
    /// Two deviations from NumPy 1.24, both where it gives no usable answer: a value too large for a long (only for
    /// p below about 1e-16) is <see cref="long.MaxValue"/>, as NumPy 1.25 and later return, where 1.24 returns
    /// <see cref="long.MinValue"/>; and the search stops where its running sum stops growing below the uniform
    /// (probability about 2^-53 per value), where NumPy would loop for ever. As in NumPy, the inversion returns 0 in the
    /// rare case the exponential draw is exactly 0. Not thread-safe.
    /// </remarks>
    public long Geometric(double p)
    {
        DistributionArguments.PositiveProbability(p, nameof(p));
        return DrawLoops.OneInt64(_bitGenerator, new GeometricSampler(p));
    }

    /// <summary>Fills <paramref name="destination"/> with geometric values, NumPy's <c>geometric(p, size)</c>.</summary>
    /// <param name="p">Success probability: must be in (0, 1]; NaN is rejected.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Geometric(double)"/>; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Geometric(double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Geometric(double p, Span<long> destination)
    {
        DistributionArguments.PositiveProbability(p, nameof(p));
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64, new GeometricSampler(p), destination);
    }

    private static void CheckPoisson(double lam)
    {
        if (!(lam >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam < 0 or lam is NaN: lam must be >= 0.");
        }

        if (!(lam <= PoissonLamMax))
        {
            throw new ArgumentOutOfRangeException(nameof(lam), lam, $"lam value too large: lam must be <= {PoissonLamMax:R} so that draws fit in a long.");
        }
    }

    private static void CheckBinomial(long n, double p)
    {
        DistributionArguments.Probability(p, nameof(p));
        DistributionArguments.NonNegative(n, nameof(n));
    }

    // C's (int64_t) cast of a double as x86-64 performs it (cvttsd2si): NaN and out-of-range values give long.MinValue.
    // .NET 9 and later saturate instead, so the cast is spelled out to keep NumPy's rejections on every runtime.
    private static long CInt64(double value) =>
        value >= -9223372036854775808.0 && value < 9223372036854775808.0 ? (long)value : long.MinValue;

    // random_poisson: PTRS for lam >= 10, multiplication below, 0 for lam == 0.
    private readonly struct PoissonSampler : IInt64Sampler
    {
        private readonly double _lam;

        public PoissonSampler(double lam) => _lam = lam;

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            double lam = _lam;
            if (lam >= 10)
            {
                return Ptrs(ref source, lam);
            }

            if (lam == 0)
            {
                return 0;
            }

            double enlam = Math.Exp(-lam);
            long count = 0;
            double product = 1.0;
            while (true)
            {
                product *= source.NextDouble();
                if (product > enlam)
                {
                    count += 1;
                }
                else
                {
                    return count;
                }
            }
        }

        // Hörmann (1993), "The transformed rejection method for generating Poisson random variables".
        private static long Ptrs<TSource>(ref TSource source, double lam)
            where TSource : struct, IDrawSource
        {
            double slam = Math.Sqrt(lam);
            double loglam = Math.Log(lam);
            double b = 0.931 + 2.53 * slam;
            double a = -0.059 + 0.02483 * b;
            double invalpha = 1.1239 + 1.1328 / (b - 3.4);
            double vr = 0.9277 - 3.6224 / (b - 2);
            while (true)
            {
                double u = source.NextDouble() - 0.5;
                double v = source.NextDouble();
                double us = 0.5 - Math.Abs(u);
                long k = CInt64(Math.Floor((2 * a / us + b) * u + lam + 0.43));
                if (us >= 0.07 && v <= vr)
                {
                    return k;
                }

                if (k < 0 || (us < 0.013 && v > us))
                {
                    continue;
                }

                // log(0) = -infinity is fine; us == 0 cannot reach here.
                if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -lam + k * loglam - LogGamma(k + 1))
                {
                    return k;
                }
            }
        }
    }

    // NumPy 1.24's random_loggam (Zhang and Jin's series), in the order its compiled code evaluates it.
    private static double LogGamma(double x)
    {
        if (x == 1.0 || x == 2.0)
        {
            return 0.0;
        }

        long n = x < 7.0 ? (long)(7 - x) : 0;
        double x0 = x + n;
        double x2 = (1.0 / x0) * (1.0 / x0);
        const double Lg2Pi = 1.8378770664093453e+00; // log(2 pi)
        double gl0 = -1.39243221690590e+00;
        gl0 = gl0 * x2 + 1.796443723688307e-01;
        gl0 = gl0 * x2 + -2.955065359477124e-02;
        gl0 = gl0 * x2 + 6.410256410256410e-03;
        gl0 = gl0 * x2 + -1.917526917526918e-03;
        gl0 = gl0 * x2 + 8.417508417508418e-04;
        gl0 = gl0 * x2 + -5.952380952380952e-04;
        gl0 = gl0 * x2 + 7.936507936507937e-04;
        gl0 = gl0 * x2 + -2.777777777777778e-03;
        gl0 = gl0 * x2 + 8.333333333333333e-02;
        double gl = gl0 / x0 + 0.5 * Lg2Pi + (x0 - 0.5) * Math.Log(x0) - x0;
        if (x < 7.0)
        {
            for (long k = 1; k <= n; k++)
            {
                gl -= Math.Log(x0 - 1.0);
                x0 -= 1.0;
            }
        }

        return gl;
    }

    // random_binomial: inversion or BTPE on min(p, 1 - p), with the set-up computed once per sampler.
    private readonly struct BinomialSampler : IInt64Sampler
    {
        private readonly long _n;
        private readonly double _p;
        private readonly bool _flip;      // p > 0.5: draw with 1 - p and return n - X
        private readonly bool _inversion;
        private readonly BinomialSetup _setup;

        public BinomialSampler(long n, double p)
        {
            _n = n;
            _p = p;
            _flip = p > 0.5;
            double r = _flip ? 1.0 - p : p;
            _inversion = r * n <= 30.0;
            _setup = n == 0 || p == 0.0 ? default : _inversion ? BinomialSetup.ForInversion(n, r) : BinomialSetup.ForBtpe(n, r);
        }

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            if (_n == 0 || _p == 0.0)
            {
                return 0;
            }

            long x = _inversion ? Inversion(ref source, _n, _setup) : Btpe(ref source, _n, _setup);
            return _flip ? _n - x : x;
        }

        private static long Inversion<TSource>(ref TSource source, long n, in BinomialSetup s)
            where TSource : struct, IDrawSource
        {
            long x = 0;
            double px = s.Qn;
            double u = source.NextDouble();
            while (u > px)
            {
                x++;
                if (x > s.Bound)
                {
                    x = 0;
                    px = s.Qn;
                    u = source.NextDouble();
                }
                else
                {
                    u -= px;
                    px = ((n - x + 1) * s.P * px) / (x * s.Q);
                }
            }

            return x;
        }

        // Kachitvichyanukul and Schmeiser (1988), with NumPy's step labels.
        private static long Btpe<TSource>(ref TSource source, long n, in BinomialSetup s)
            where TSource : struct, IDrawSource
        {
            double r = s.P, q = s.Q, fm = s.Fm, p1 = s.P1, xm = s.Xm, xl = s.Xl, xr = s.Xr, c = s.C;
            double laml = s.LamL, lamr = s.LamR, p2 = s.P2, p3 = s.P3, p4 = s.P4;
            long m = s.M;
            double nrq = n * r * q;
            while (true)
            {
                // Step 10
                double u = source.NextDouble() * p4;
                double v = source.NextDouble();
                long y;
                if (u <= p1)
                {
                    return CInt64(Math.Floor(xm - p1 * v + u)); // Step 60 (the caller flips for p > 0.5)
                }

                if (u <= p2)
                {
                    // Step 20: parallelogram
                    double x = xl + (u - p1) / c;
                    v = v * c + 1.0 - Math.Abs(m - x + 0.5) / p1;
                    if (v > 1.0)
                    {
                        continue;
                    }

                    y = CInt64(Math.Floor(x));
                }
                else if (u <= p3)
                {
                    // Step 30: left exponential tail
                    y = CInt64(Math.Floor(xl + Math.Log(v) / laml));
                    if (y < 0 || v == 0.0)
                    {
                        continue;
                    }

                    v = v * (u - p2) * laml;
                }
                else
                {
                    // Step 40: right exponential tail
                    y = CInt64(Math.Floor(xr - Math.Log(v) / lamr));
                    if (y > n || v == 0.0)
                    {
                        continue;
                    }

                    v = v * (u - p3) * lamr;
                }

                // Step 50
                long k = y - m;
                if (k < 0)
                {
                    k = -k; // llabs; Math.Abs would throw on long.MinValue, which no accepted y produces
                }
                if (!(k > 20 && k < nrq / 2.0 - 1))
                {
                    double sRatio = r / q;
                    double a = sRatio * (n + 1);
                    double f = 1.0;
                    if (m < y)
                    {
                        for (long i = m + 1; i <= y; i++)
                        {
                            f *= a / i - sRatio;
                        }
                    }
                    else if (m > y)
                    {
                        for (long i = y + 1; i <= m; i++)
                        {
                            f /= a / i - sRatio;
                        }
                    }

                    if (v > f)
                    {
                        continue;
                    }

                    return y;
                }

                // Step 52: squeeze on log(v), then the Stirling bound.
                double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
                double t = unchecked(-k * k) / (2 * nrq);
                double logV = Math.Log(v);
                if (logV < t - rho)
                {
                    return y;
                }

                if (logV > t + rho)
                {
                    continue;
                }

                double x1 = y + 1;
                double f1 = m + 1;
                double z = n + 1 - m;
                double w = n - y + 1;
                double x2 = x1 * x1;
                double f2 = f1 * f1;
                double z2 = z * z;
                double w2 = w * w;
                if (logV > xm * Math.Log(f1 / x1) + (n - m + 0.5) * Math.Log(z / w) + (y - m) * Math.Log(w * r / (x1 * q))
                    + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / f2) / f2) / f2) / f2) / f1 / 166320.0
                    + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / z2) / z2) / z2) / z2) / z / 166320.0
                    + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x1 / 166320.0
                    + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / w2) / w2) / w2) / w2) / w / 166320.0)
                {
                    continue;
                }

                return y;
            }
        }
    }

    // The per-(n, p) constants NumPy keeps in its binomial_t cache.
    private readonly struct BinomialSetup
    {
        public double P { get; init; }
        public double Q { get; init; }
        public double Qn { get; init; }
        public long Bound { get; init; }
        public double Fm { get; init; }
        public long M { get; init; }
        public double P1 { get; init; }
        public double Xm { get; init; }
        public double Xl { get; init; }
        public double Xr { get; init; }
        public double C { get; init; }
        public double LamL { get; init; }
        public double LamR { get; init; }
        public double P2 { get; init; }
        public double P3 { get; init; }
        public double P4 { get; init; }

        public static BinomialSetup ForInversion(long n, double p)
        {
            double q = 1.0 - p;
            double np = n * p;
            return new BinomialSetup
            {
                P = p,
                Q = q,
                Qn = Math.Exp(n * Math.Log(q)),
                Bound = CInt64(Math.Min(n, np + 10.0 * Math.Sqrt(np * q + 1))),
            };
        }

        public static BinomialSetup ForBtpe(long n, double p)
        {
            double r = Math.Min(p, 1.0 - p);
            double q = 1.0 - r;
            double fm = n * r + r;
            long m = CInt64(Math.Floor(fm));
            double p1 = Math.Floor(2.195 * Math.Sqrt(n * r * q) - 4.6 * q) + 0.5;
            double xm = m + 0.5;
            double xl = xm - p1;
            double xr = xm + p1;
            double c = 0.134 + 20.5 / (15.3 + m);
            double a = (fm - xl) / (fm - xl * r);
            double laml = a * (1.0 + a / 2.0);
            a = (xr - fm) / (xr * q);
            double lamr = a * (1.0 + a / 2.0);
            double p2 = p1 * (1.0 + 2.0 * c);
            double p3 = p2 + c / laml;
            double p4 = p3 + c / lamr;
            return new BinomialSetup
            {
                P = r, Q = q, Fm = fm, M = m, P1 = p1, Xm = xm, Xl = xl, Xr = xr, C = c,
                LamL = laml, LamR = lamr, P2 = p2, P3 = p3, P4 = p4,
            };
        }
    }

    // random_geometric: search for p >= 1/3, inversion through the exponential ziggurat below.
    private readonly struct GeometricSampler : IInt64Sampler
    {
        private readonly double _p;
        private readonly double _log1mp;

        public GeometricSampler(double p)
        {
            _p = p;
            _log1mp = CMath.Log1p(-p);
        }

        public long Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            double p = _p;
            if (p >= 0.333333333333333333333333)
            {
                long x = 1;
                double sum = p, prod = p;
                double q = 1.0 - p;
                double u = source.NextDouble();
                while (u > sum)
                {
                    prod *= q;
                    double next = sum + prod;
                    if (next == sum)
                    {
                        return x; // the sum has stopped growing below u: NumPy would loop for ever here
                    }

                    sum = next;
                    x++;
                }

                return x;
            }

            double z = Math.Ceiling(-ZigguratSampler.StandardExponential(ref source) / _log1mp);
            return z >= 9.223372036854776e18 ? long.MaxValue : (long)z;
        }
    }
}
