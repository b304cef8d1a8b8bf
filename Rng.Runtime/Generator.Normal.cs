using Rng.Internal;

namespace Rng;

public sealed partial class Generator
{
    /// <summary>
    /// Returns a standard normal value (mean 0, standard deviation 1), NumPy's <c>standard_normal()</c>: the same value
    /// as NumPy 1.24 for the same bit generator state (the 256-layer ziggurat of <c>random_standard_normal</c>).
    /// </summary>
    /// <remarks>
    /// Bit-exact with NumPy on Linux, where both take <c>exp</c> from the same glibc (which picks the same build of it
    /// for both on a given CPU); on Windows and macOS the platform's <c>exp</c> may round a rare wedge test differently.
    /// Tail values use a managed <c>log1p</c>, identical everywhere.
    /// Not thread-safe, like every member of <see cref="Generator"/>.
    /// </remarks>
    public double StandardNormal()
    {
        var draws = new DirectDraws(_bitGenerator);
        return ZigguratSampler.StandardNormal(ref draws);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal values, NumPy's <c>standard_normal(size)</c>: element for
    /// element the values that successive <see cref="StandardNormal()"/> calls would return.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <remarks>Allocates nothing. Platform note as for <see cref="StandardNormal()"/>. Not thread-safe.</remarks>
    public void StandardNormal(Span<double> destination)
    {
        if (_drawsDeriveFromUInt64)
        {
            ZigguratSampler.FillStandardNormal(_bitGenerator, destination, 0.0, 1.0, affine: false);
        }
        else
        {
            DrawLoops.Fill(_bitGenerator, readBlocks: false, new NormalSampler(0.0, 1.0, standard: true), destination);
        }
    }

    /// <summary>
    /// Returns a float32 standard normal value, NumPy's <c>standard_normal(dtype=np.float32)</c>: the float ziggurat
    /// <c>random_standard_normal_f</c>, which takes 32-bit draws (two per 64-bit word, buffered as NumPy does) and rounds
    /// every step to float.
    /// </summary>
    /// <remarks>
    /// Its wedge test evaluates <c>exp</c> in double, as NumPy's source does. Platform note and thread-safety as for
    /// <see cref="StandardNormal()"/>.
    /// </remarks>
    public float StandardNormalSingle()
    {
        var draws = new UInt32Draws(_bitGenerator, default, uint32IsHalves: false);
        return ZigguratSampler.StandardNormalSingle(ref draws, 1);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with float32 standard normal values, NumPy's
    /// <c>standard_normal(size, dtype=np.float32)</c>; the same values as successive <see cref="StandardNormalSingle"/> calls.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <remarks>Allocates nothing. Platform note as for <see cref="StandardNormal()"/>. Not thread-safe.</remarks>
    public void StandardNormal(Span<float> destination) =>
        ZigguratSampler.FillStandardNormalSingle(_bitGenerator, _drawsDeriveFromUInt64, destination);

    /// <summary>
    /// Returns a normal value with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>, NumPy's
    /// <c>normal(loc, scale)</c>: <c>loc + scale * standard_normal</c>, rounded exactly as NumPy rounds it.
    /// </summary>
    /// <param name="loc">The mean; any double (NaN or infinity give NaN or infinite values, as in NumPy).</param>
    /// <param name="scale">The standard deviation: must be &gt;= 0 (NumPy also rejects -0.0); NaN passes and gives NaN.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative.</exception>
    /// <remarks>Platform note and thread-safety as for <see cref="StandardNormal()"/>.</remarks>
    public double Normal(double loc = 0.0, double scale = 1.0)
    {
        DistributionArguments.NonNegative(scale, nameof(scale));
        return DrawLoops.One(_bitGenerator, new NormalSampler(loc, scale, standard: false));
    }

    /// <summary>Fills <paramref name="destination"/> with normal values, NumPy's <c>normal(loc, scale, size)</c>.</summary>
    /// <param name="loc">The mean; any double.</param>
    /// <param name="scale">The standard deviation: must be &gt;= 0 (NumPy also rejects -0.0); NaN passes and gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Normal(double, double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Normal(double loc, double scale, Span<double> destination)
    {
        DistributionArguments.NonNegative(scale, nameof(scale));
        if (_drawsDeriveFromUInt64)
        {
            ZigguratSampler.FillStandardNormal(_bitGenerator, destination, loc, scale, affine: true);
        }
        else
        {
            DrawLoops.Fill(_bitGenerator, readBlocks: false, new NormalSampler(loc, scale, standard: false), destination);
        }
    }

    /// <summary>
    /// Returns a log-normal value, NumPy's <c>lognormal(mean, sigma)</c>: <c>exp(mean + sigma * standard_normal)</c>.
    /// </summary>
    /// <param name="mean">The mean of the underlying normal; any double.</param>
    /// <param name="sigma">The standard deviation of the underlying normal: must be &gt;= 0 (NumPy also rejects -0.0); NaN gives NaN.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is negative.</exception>
    /// <remarks>
    /// <c>exp</c> comes from the platform C library: bit-exact with NumPy on Linux (glibc), possibly an ulp apart elsewhere.
    /// Not thread-safe.
    /// </remarks>
    public double Lognormal(double mean = 0.0, double sigma = 1.0)
    {
        DistributionArguments.NonNegative(sigma, nameof(sigma));
        return DrawLoops.One(_bitGenerator, new LognormalSampler(mean, sigma));
    }

    /// <summary>Fills <paramref name="destination"/> with log-normal values, NumPy's <c>lognormal(mean, sigma, size)</c>.</summary>
    /// <param name="mean">The mean of the underlying normal; any double.</param>
    /// <param name="sigma">The standard deviation of the underlying normal: must be &gt;= 0; NaN gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Lognormal(double, double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Lognormal(double mean, double sigma, Span<double> destination)
    {
        DistributionArguments.NonNegative(sigma, nameof(sigma));
        DrawLoops.Fill(_bitGenerator, _drawsDeriveFromUInt64, new LognormalSampler(mean, sigma), destination);
    }

    // random_normal: loc + scale * gauss. The standard form skips the affine step, as NumPy's standard_normal does
    // (1.0 * x + 0.0 would turn -0.0 into 0.0).
    private readonly struct NormalSampler : IDoubleSampler
    {
        private readonly double _loc;
        private readonly double _scale;
        private readonly bool _standard;

        public NormalSampler(double loc, double scale, bool standard)
        {
            _loc = loc;
            _scale = scale;
            _standard = standard;
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            double gauss = ZigguratSampler.StandardNormal(ref source);
            return _standard ? gauss : _loc + _scale * gauss;
        }
    }

    // random_lognormal: exp(random_normal(mean, sigma)).
    private readonly struct LognormalSampler : IDoubleSampler
    {
        private readonly double _mean;
        private readonly double _sigma;

        public LognormalSampler(double mean, double sigma)
        {
            _mean = mean;
            _sigma = sigma;
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource =>
            Math.Exp(_mean + _sigma * ZigguratSampler.StandardNormal(ref source));
    }
}
