namespace Rng;

/// <summary>
/// A <see cref="System.Random"/> that draws every value from a <see cref="Generator"/>; see
/// <see cref="Generator.AsRandom()"/> for the mapping of each member to a NumPy call.
/// </summary>
/// <remarks>
/// Every virtual member of <see cref="System.Random"/> is overridden, so the legacy seeded algorithm that the base
/// constructor sets up for derived types is never used, and the non-virtual helpers (<c>Shuffle</c>,
/// <c>GetItems</c>, <c>GetString</c>, ...) reach our stream through <see cref="Next(int)"/>,
/// <see cref="Next(int, int)"/> and <see cref="NextBytes(Span{byte})"/>. Not thread-safe, like the generator.
/// </remarks>
internal sealed class GeneratorRandom : Random
{
    private readonly Generator _generator;

    internal GeneratorRandom(Generator generator) => _generator = generator;

    internal Generator Generator => _generator;

    // Next() is [0, int.MaxValue), exactly integers(0, 2**31 - 1, dtype=int32).
    public override int Next() => _generator.Integers(0, int.MaxValue);

    public override int Next(int maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "'maxValue' must be non-negative.");
        }

        // Next(0) returns 0 like System.Random; a zero-width range draws nothing, as NumPy's integers(0, 0, endpoint=True).
        return maxValue == 0 ? 0 : _generator.Integers(0, maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue,
                $"'minValue' cannot be greater than maxValue (minValue = {minValue}, maxValue = {maxValue}).");
        }

        // The full span of Next(int.MinValue, int.MaxValue) is 2^32 - 1 values, which NumPy's int32 path handles.
        return minValue == maxValue ? minValue : _generator.Integers(minValue, maxValue);
    }

    public override long NextInt64() => _generator.Integers(0L, long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "'maxValue' must be non-negative.");
        }

        return maxValue == 0 ? 0 : _generator.Integers(0L, maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue,
                $"'minValue' cannot be greater than maxValue (minValue = {minValue}, maxValue = {maxValue}).");
        }

        return minValue == maxValue ? minValue : _generator.Integers(minValue, maxValue);
    }

    public override double NextDouble() => _generator.Random();

    public override float NextSingle() => _generator.RandomSingle();

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _generator.Bytes(buffer);
    }

    public override void NextBytes(Span<byte> buffer) => _generator.Bytes(buffer);

    protected override double Sample() => _generator.Random();
}
