namespace Rng;

/// <summary>
/// Draws from NumPy's distributions over a <see cref="Rng.BitGenerator"/>, the counterpart of
/// <c>numpy.random.Generator</c>: for the same bit generator state it returns the same values as NumPy 1.24.
/// </summary>
/// <remarks>Not thread-safe: give every thread or work item its own generator.</remarks>
public sealed partial class Generator
{
    private readonly BitGenerator _bitGenerator;

    /// <summary>Creates a generator that draws from <paramref name="bitGenerator"/>.</summary>
    /// <param name="bitGenerator">The source of raw bits; the generator advances its state.</param>
    public Generator(BitGenerator bitGenerator)
    {
        ArgumentNullException.ThrowIfNull(bitGenerator);
        _bitGenerator = bitGenerator;
    }

    /// <summary>The bit generator this generator draws from.</summary>
    public BitGenerator BitGenerator => _bitGenerator;

    // NumPy's next_float: the top 24 bits of a buffered 32-bit draw.
    private float NextFloat() => (_bitGenerator.NextUInt32() >> 8) * (1.0f / 16777216.0f);
}
