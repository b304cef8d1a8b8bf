using Rng.Internal;

namespace Rng;

public sealed partial class Generator
{
    // Below this a + b (both at most 1) NumPy 1.24's Johnk loop needs on average more than 1/(745 (a + b)) > 10^6 tries
    // per value, and below about 1.5e-19 it never ends: pow(U, 1/a) underflows to 0 for every double U < 1.
    private const double BetaJohnkMinimumSum = 1e-9;

    /// <summary>
    /// Returns a standard gamma value with the given <paramref name="shape"/> (scale 1), NumPy's
    /// <c>standard_gamma(shape)</c>: Marsaglia and Tsang's method for shape &gt; 1, the exponential for shape 1,
    /// rejection from a Weibull-like proposal for shape &lt; 1, and 0 for shape 0 — bit-exact with NumPy 1.24.
    /// </summary>
    /// <param name="shape">Must be &gt;= 0 (NumPy also rejects -0.0); NaN passes and gives NaN, infinity gives infinity.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is negative.</exception>
    /// <remarks>
    /// Shape 0 returns 0 without drawing. Uses <c>pow</c>, <c>log</c> and <c>exp</c> from the platform C library:
    /// bit-exact with NumPy on Linux (glibc); on Windows and macOS a rare value may differ in the last place or take
    /// another rejection branch. Not thread-safe, like every member of <see cref="Generator"/>.
    /// </remarks>
    public double StandardGamma(double shape)
    {
        DistributionArguments.NonNegative(shape, nameof(shape));
        return DrawLoops.One(_bitGenerator, new GammaSampler(shape, 1.0, standard: true));
    }

    /// <summary>Fills <paramref name="destination"/> with standard gamma values, NumPy's <c>standard_gamma(shape, size)</c>.</summary>
    /// <param name="shape">Must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="StandardGamma(double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void StandardGamma(double shape, Span<double> destination)
    {
        DistributionArguments.NonNegative(shape, nameof(shape));
        FillGamma(new GammaSampler(shape, 1.0, standard: true), shape, destination);
    }

    /// <summary>
    /// Returns a gamma value, NumPy's <c>gamma(shape, scale)</c>: <c>scale * standard_gamma(shape)</c>.
    /// </summary>
    /// <param name="shape">Must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <param name="scale">Must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> or <paramref name="scale"/> is negative.</exception>
    /// <remarks>Platform note and thread-safety as for <see cref="StandardGamma(double)"/>.</remarks>
    public double Gamma(double shape, double scale = 1.0)
    {
        DistributionArguments.NonNegative(shape, nameof(shape));
        DistributionArguments.NonNegative(scale, nameof(scale));
        return DrawLoops.One(_bitGenerator, new GammaSampler(shape, scale, standard: false));
    }

    /// <summary>Fills <paramref name="destination"/> with gamma values, NumPy's <c>gamma(shape, scale, size)</c>.</summary>
    /// <param name="shape">Must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <param name="scale">Must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> or <paramref name="scale"/> is negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Gamma(double, double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Gamma(double shape, double scale, Span<double> destination)
    {
        DistributionArguments.NonNegative(shape, nameof(shape));
        DistributionArguments.NonNegative(scale, nameof(scale));
        FillGamma(new GammaSampler(shape, scale, standard: false), shape, destination);
    }

    /// <summary>
    /// Returns a chi-square value with <paramref name="df"/> degrees of freedom, NumPy's <c>chisquare(df)</c>:
    /// <c>2 * standard_gamma(df / 2)</c>.
    /// </summary>
    /// <param name="df">Degrees of freedom: must be &gt; 0; NaN passes and gives NaN, as in NumPy.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is zero or negative.</exception>
    /// <remarks>Platform note and thread-safety as for <see cref="StandardGamma(double)"/>.</remarks>
    public double ChiSquare(double df)
    {
        DistributionArguments.Positive(df, nameof(df));
        return DrawLoops.One(_bitGenerator, new GammaSampler(df / 2.0, 2.0, standard: false));
    }

    /// <summary>Fills <paramref name="destination"/> with chi-square values, NumPy's <c>chisquare(df, size)</c>.</summary>
    /// <param name="df">Degrees of freedom: must be &gt; 0; NaN gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is zero or negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="ChiSquare(double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void ChiSquare(double df, Span<double> destination)
    {
        DistributionArguments.Positive(df, nameof(df));
        FillGamma(new GammaSampler(df / 2.0, 2.0, standard: false), df / 2.0, destination);
    }

    /// <summary>
    /// Returns a beta value, NumPy's <c>beta(a, b)</c>: Johnk's algorithm when both parameters are at most 1, otherwise
    /// <c>Ga / (Ga + Gb)</c> from two standard gamma values — bit-exact with NumPy 1.24.
    /// </summary>
    /// <param name="a">Alpha: must be &gt; 0; NaN passes and gives NaN, as in NumPy.</param>
    /// <param name="b">Beta: must be &gt; 0; NaN passes and gives NaN, as in NumPy.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="a"/> or <paramref name="b"/> is zero or negative; or both are at most 1 and <c>a + b &lt; 1e-9</c>,
    /// where NumPy 1.24's Johnk loop needs over a million tries per value and never ends below about 1.5e-19 (NumPy
    /// hangs there; this method refuses instead).
    /// </exception>
    /// <remarks>Platform note (<c>pow</c>) and thread-safety as for <see cref="StandardGamma(double)"/>.</remarks>
    public double Beta(double a, double b)
    {
        CheckBeta(a, b);
        return DrawLoops.One(_bitGenerator, new BetaSampler(a, b));
    }

    /// <summary>Fills <paramref name="destination"/> with beta values, NumPy's <c>beta(a, b, size)</c>.</summary>
    /// <param name="a">Alpha: must be &gt; 0; NaN gives NaN.</param>
    /// <param name="b">Beta: must be &gt; 0; NaN gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Beta(double, double)"/>; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Beta(double, double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Beta(double a, double b, Span<double> destination)
    {
        CheckBeta(a, b);
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64, new BetaSampler(a, b), destination);
    }

    private static void CheckBeta(double a, double b)
    {
        DistributionArguments.Positive(a, nameof(a));
        DistributionArguments.Positive(b, nameof(b));
        if (a <= 1.0 && b <= 1.0 && a + b < BetaJohnkMinimumSum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(a),
                a,
                $"a = {a:R} and b = {b:R} are both <= 1 with a + b < {BetaJohnkMinimumSum:R}: NumPy 1.24's Johnk sampler would need "
                + "over a million tries per value (and never finishes below about 1.5e-19). Use a + b >= 1e-9.");
        }
    }

    // Shape 0 gives 0 without a draw, so block reads (which need a draw per value) are off for it.
    private void FillGamma(GammaSampler sampler, double shape, Span<double> destination) =>
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64 && shape != 0.0, sampler, destination);

    /// <summary>NumPy's <c>random_standard_gamma</c>, operation for operation.</summary>
    internal static double StandardGammaCore<TSource>(ref TSource source, double shape)
        where TSource : struct, IDrawSource
    {
        if (shape == 1.0)
        {
            return ZigguratSampler.StandardExponential(ref source);
        }

        if (shape == 0.0)
        {
            return 0.0;
        }

        if (shape < 1.0)
        {
            while (true)
            {
                double u = source.NextDouble();
                double v = ZigguratSampler.StandardExponential(ref source);
                if (u <= 1.0 - shape)
                {
                    double x = Math.Pow(u, 1.0 / shape);
                    if (x <= v)
                    {
                        return x;
                    }
                }
                else
                {
                    double y = -Math.Log((1 - u) / shape);
                    double x = Math.Pow(1.0 - shape + shape * y, 1.0 / shape);
                    if (x <= v + y)
                    {
                        return x;
                    }
                }
            }
        }

        // Marsaglia and Tsang (2000). NaN shapes land here too and return NaN, as in NumPy.
        double b = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9 * b);
        while (true)
        {
            double x, v;
            do
            {
                x = ZigguratSampler.StandardNormal(ref source);
                v = 1.0 + c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = source.NextDouble();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x))
            {
                return b * v;
            }

            // log(0) = -infinity is fine here.
            if (Math.Log(u) < 0.5 * x * x + b * (1.0 - v + Math.Log(v)))
            {
                return b * v;
            }
        }
    }

    // random_standard_gamma, random_gamma (scale * value) and random_chisquare (2 * value of df / 2).
    private readonly struct GammaSampler : IDoubleSampler
    {
        private readonly double _shape;
        private readonly double _scale;
        private readonly bool _standard;

        public GammaSampler(double shape, double scale, bool standard)
        {
            _shape = shape;
            _scale = scale;
            _standard = standard;
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            double value = StandardGammaCore(ref source, _shape);
            return _standard ? value : _scale * value;
        }
    }

    // random_beta as compiled into NumPy 1.24: Johnk accepts when 0 < X + Y <= 1.
    private readonly struct BetaSampler : IDoubleSampler
    {
        private readonly double _a;
        private readonly double _b;

        public BetaSampler(double a, double b)
        {
            _a = a;
            _b = b;
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            if (_a <= 1.0 && _b <= 1.0)
            {
                while (true)
                {
                    double u = source.NextDouble();
                    double v = source.NextDouble();
                    double x = Math.Pow(u, 1.0 / _a);
                    double y = Math.Pow(v, 1.0 / _b);
                    double xpy = x + y;
                    if (xpy <= 1.0 && xpy > 0.0)
                    {
                        return x / xpy;
                    }
                }
            }

            double ga = StandardGammaCore(ref source, _a);
            double gb = StandardGammaCore(ref source, _b);
            return ga / (ga + gb);
        }
    }
}
