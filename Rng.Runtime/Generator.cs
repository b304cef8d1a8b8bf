using System.Numerics;

namespace Rng;

/// <summary>
/// Draws from NumPy's distributions over a <see cref="Rng.BitGenerator"/>, the counterpart of
/// <c>numpy.random.Generator</c>: for the same bit generator state it returns the same values as NumPy 1.24.
/// </summary>
/// <remarks>
/// Not thread-safe: give every thread or work item its own generator, for example one of <see cref="Spawn(int)"/>.
/// Scalar and span forms of a method draw the same values as NumPy's <c>size=None</c> and <c>size=n</c> calls, and
/// they may be interleaved with each other and with other methods in any order.
/// </remarks>
public sealed partial class Generator
{
    private readonly BitGenerator _bitGenerator;

    // Cached BitGenerator.DrawsDeriveFromUInt64: bulk paths draw blocks through Fill when true, one by one otherwise.
    private readonly bool _drawsDeriveFromUInt64;

    /// <summary>Creates a generator that draws from <paramref name="bitGenerator"/> (NumPy's <c>Generator(bit_generator)</c>).</summary>
    /// <param name="bitGenerator">The source of raw bits; the generator advances its state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bitGenerator"/> is null.</exception>
    public Generator(BitGenerator bitGenerator)
    {
        ArgumentNullException.ThrowIfNull(bitGenerator);
        _bitGenerator = bitGenerator;
        _drawsDeriveFromUInt64 = bitGenerator.DrawsDeriveFromUInt64;
    }

    /// <summary>The bit generator this generator draws from.</summary>
    public BitGenerator BitGenerator => _bitGenerator;

    /// <summary>
    /// Creates a generator over <see cref="Pcg64"/> seeded from <c>new SeedSequence(seed)</c>: NumPy's
    /// <c>np.random.default_rng(seed)</c>, value for value.
    /// </summary>
    /// <param name="seed">The root seed; must be non-negative, as NumPy requires.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public static Generator Create(long seed)
    {
        if (seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "The seed must be a non-negative integer, as NumPy's default_rng requires.");
        }

        return new Generator(new Pcg64(new SeedSequence(seed)));
    }

    /// <summary>
    /// Creates a generator over <see cref="Pcg64"/> seeded from <c>new SeedSequence(seed)</c>, for seeds of any size
    /// (e.g. 128 bits of logged entropy): NumPy's <c>np.random.default_rng(seed)</c>.
    /// </summary>
    /// <param name="seed">The root seed; must be non-negative. All of its bits are used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public static Generator Create(BigInteger seed)
    {
        if (seed.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "The seed must be a non-negative integer, as NumPy's default_rng requires.");
        }

        return new Generator(new Pcg64(new SeedSequence(seed)));
    }

    /// <summary>
    /// Creates a generator over <see cref="Pcg64"/> seeded from <paramref name="seedSequence"/>: NumPy's
    /// <c>np.random.default_rng(seed_sequence)</c>.
    /// </summary>
    /// <param name="seedSequence">The sequence to seed from, for example a child from <see cref="SeedSequence.Spawn(int)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public static Generator Create(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        return new Generator(new Pcg64(seedSequence));
    }

    /// <summary>
    /// Creates a generator over <see cref="Pcg64"/> seeded from 128 bits of operating-system entropy: NumPy's
    /// <c>np.random.default_rng()</c>. Log <c>BitGenerator.SeedSequence.Entropy</c> to be able to reproduce the run.
    /// </summary>
    public static Generator Create() => new(new Pcg64(new SeedSequence()));

    /// <summary>
    /// Creates <paramref name="count"/> independent child generators over the same kind of bit generator, seeded from
    /// children of its <see cref="Rng.SeedSequence"/>: NumPy 1.25's <c>Generator.spawn(n)</c>
    /// (on NumPy 1.24: <c>[Generator(type(bg)(s)) for s in bg._seed_seq.spawn(n)]</c>).
    /// </summary>
    /// <param name="count">How many children to create; must be non-negative.</param>
    /// <returns>The children; later calls continue the numbering, so they never repeat a child.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The bit generator was not seeded from a <see cref="Rng.SeedSequence"/>.</exception>
    /// <remarks>Advances the shared sequence's <see cref="SeedSequence.ChildrenSpawned"/>: do not spawn from two threads at once.</remarks>
    public Generator[] Spawn(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bitGenerators = _bitGenerator.Spawn(count);
        var children = new Generator[bitGenerators.Length];
        for (int i = 0; i < children.Length; i++)
        {
            children[i] = new Generator(bitGenerators[i]);
        }

        return children;
    }

    // NumPy's next_float: the top 24 bits of a buffered 32-bit draw.
    private float NextFloat() => (_bitGenerator.NextUInt32() >> 8) * (1.0f / 16777216.0f);
}
