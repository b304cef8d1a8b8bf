using Rng.Internal;

namespace Rng;

public sealed partial class Generator
{
    /// <summary>
    /// Returns a standard exponential value (rate 1), NumPy's <c>standard_exponential()</c> with its default
    /// <c>method='zig'</c>: the same value as NumPy 1.24 for the same bit generator state.
    /// </summary>
    /// <remarks>
    /// Bit-exact with NumPy on Linux, where both take <c>exp</c> from the same glibc (which picks the same build of it
    /// for both on a given CPU); on Windows and macOS the platform's <c>exp</c> may round a rare wedge test differently.
    /// Tail values use a managed <c>log1p</c>, identical everywhere.
    /// Not thread-safe, like every member of <see cref="Generator"/>.
    /// </remarks>
    public double StandardExponential()
    {
        var draws = new DirectDraws(_bitGenerator);
        return ZigguratSampler.StandardExponential(ref draws);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard exponential values, NumPy's <c>standard_exponential(size)</c>:
    /// element for element the values successive <see cref="StandardExponential()"/> calls would return.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <remarks>Allocates nothing. Platform note as for <see cref="StandardExponential()"/>. Not thread-safe.</remarks>
    public void StandardExponential(Span<double> destination)
    {
        if (_drawsDeriveFromUInt64)
        {
            ZigguratSampler.FillStandardExponential(_bitGenerator, destination, 1.0, scaled: false);
        }
        else
        {
            DrawLoops.Fill(_bitGenerator, readBlocks: false, new ExponentialSampler(1.0, standard: true), destination);
        }
    }

    /// <summary>
    /// Returns a float32 standard exponential value, NumPy's <c>standard_exponential(dtype=np.float32)</c>: the float
    /// ziggurat <c>random_standard_exponential_f</c> over buffered 32-bit draws, every step rounded to float.
    /// </summary>
    /// <remarks>
    /// Its wedge test calls the platform's <c>expf</c> (glibc on Linux, as NumPy). Not thread-safe.
    /// </remarks>
    public float StandardExponentialSingle()
    {
        var draws = new UInt32Draws(_bitGenerator, default, uint32IsHalves: false);
        return ZigguratSampler.StandardExponentialSingle(ref draws, 1);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with float32 standard exponential values, NumPy's
    /// <c>standard_exponential(size, dtype=np.float32)</c>; the same values as successive <see cref="StandardExponentialSingle"/> calls.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <remarks>Allocates nothing. Not thread-safe.</remarks>
    public void StandardExponential(Span<float> destination) =>
        ZigguratSampler.FillStandardExponentialSingle(_bitGenerator, _drawsDeriveFromUInt64, destination);

    /// <summary>
    /// Returns an exponential value with mean <paramref name="scale"/>, NumPy's <c>exponential(scale)</c>:
    /// <c>scale * standard_exponential</c>.
    /// </summary>
    /// <param name="scale">The mean (1 / rate): must be &gt;= 0 (NumPy also rejects -0.0); NaN passes and gives NaN, infinity gives infinity.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative.</exception>
    /// <remarks>Platform note and thread-safety as for <see cref="StandardExponential()"/>.</remarks>
    public double Exponential(double scale = 1.0)
    {
        DistributionArguments.NonNegative(scale, nameof(scale));
        return DrawLoops.One(_bitGenerator, new ExponentialSampler(scale, standard: false));
    }

    /// <summary>Fills <paramref name="destination"/> with exponential values, NumPy's <c>exponential(scale, size)</c>.</summary>
    /// <param name="scale">The mean (1 / rate): must be &gt;= 0 (NumPy also rejects -0.0); NaN passes and gives NaN.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative; nothing is drawn.</exception>
    /// <remarks>The same values as successive <see cref="Exponential(double)"/> calls. Allocates nothing. Platform note as for the scalar form. Not thread-safe.</remarks>
    public void Exponential(double scale, Span<double> destination)
    {
        DistributionArguments.NonNegative(scale, nameof(scale));
        if (_drawsDeriveFromUInt64)
        {
            ZigguratSampler.FillStandardExponential(_bitGenerator, destination, scale, scaled: true);
        }
        else
        {
            DrawLoops.Fill(_bitGenerator, readBlocks: false, new ExponentialSampler(scale, standard: false), destination);
        }
    }

    // random_exponential: scale * standard exponential; the standard form skips the multiply as NumPy does.
    private readonly struct ExponentialSampler : IDoubleSampler
    {
        private readonly double _scale;
        private readonly bool _standard;

        public ExponentialSampler(double scale, bool standard)
        {
            _scale = scale;
            _standard = standard;
        }

        public double Sample<TSource>(ref TSource source)
            where TSource : struct, IDrawSource
        {
            double value = ZigguratSampler.StandardExponential(ref source);
            return _standard ? value : _scale * value;
        }
    }
}
