namespace Rng;

/// <summary>
/// A source of raw random bits, the counterpart of NumPy's <c>BitGenerator</c>. It knows nothing of
/// distributions (those live in <c>Generator</c>) and nothing of seeding beyond taking words from a
/// <see cref="Rng.SeedSequence"/>.
/// </summary>
/// <remarks>
/// Instances are not thread-safe: give every thread or work item its own generator, seeded from a spawned <see cref="Rng.SeedSequence"/>.
/// </remarks>
public abstract class BitGenerator
{
    // NumPy's has_uint32 / uinteger: the spare upper half of a 64-bit draw, handed out by the next NextUInt32.
    private protected bool HasBufferedUInt32;
    private protected uint BufferedUInt32;

    // Lets Generator's bulk 32-bit paths (Internal/UInt32Draws) know whether the next NextUInt32 is the spare half.
    internal bool HasSpareUInt32 => HasBufferedUInt32;

    /// <summary>Initialises the generator and records the sequence it was seeded from, if any.</summary>
    /// <param name="seedSequence">The sequence the state was derived from, or null when the state was set directly.</param>
    private protected BitGenerator(SeedSequence? seedSequence)
    {
        SeedSequence = seedSequence;
    }

    /// <summary>The <see cref="Rng.SeedSequence"/> this generator was seeded from, or null when it was built from an explicit state or key.</summary>
    public SeedSequence? SeedSequence { get; }

    /// <summary>Returns the next 64 raw bits (NumPy's <c>next_uint64</c>, what <c>random_raw()</c> returns).</summary>
    public abstract ulong NextUInt64();

    /// <summary>
    /// Returns the next 32 raw bits (NumPy's <c>next_uint32</c>): the low half of a fresh 64-bit draw, whose high
    /// half is kept and returned by the following call, exactly as NumPy buffers it.
    /// </summary>
    public virtual uint NextUInt32()
    {
        if (HasBufferedUInt32)
        {
            HasBufferedUInt32 = false;
            return BufferedUInt32;
        }

        ulong next = NextUInt64();
        HasBufferedUInt32 = true;
        BufferedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>Returns a double in [0, 1) from the top 53 bits of a 64-bit draw (NumPy's <c>next_double</c>).</summary>
    public virtual double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values.</summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public virtual void Fill(Span<ulong> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextUInt64();
        }
    }
}
