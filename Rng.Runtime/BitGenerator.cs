namespace Rng;

/// <summary>
/// A source of raw random bits, the counterpart of NumPy's <c>BitGenerator</c>. It knows nothing of
/// distributions (those live in <c>Generator</c>) and nothing of seeding beyond taking words from a
/// <see cref="Rng.SeedSequence"/>.
/// </summary>
/// <remarks>
/// Instances are not thread-safe: give every thread or work item its own generator, for example one of the
/// generators returned by <see cref="Spawn(int)"/>.
/// </remarks>
public abstract class BitGenerator
{
    // NumPy's has_uint32 / uinteger: the spare upper half of a 64-bit draw, handed out by the next NextUInt32.
    // Subclasses read and write them for their State snapshots and clear them where NumPy does (advance, jump).
    private protected bool HasBufferedUInt32;
    private protected uint BufferedUInt32;

    // Lets Generator's bulk 32-bit paths (Internal/UInt32Draws) know whether the next NextUInt32 is the spare half.
    internal bool HasSpareUInt32 => HasBufferedUInt32;

    /// <summary>
    /// True when <see cref="NextUInt32"/> hands out the halves of <see cref="NextUInt64"/> (low first, high kept as NumPy's
    /// spare) and <see cref="NextDouble"/> is <c>(NextUInt64() &gt;&gt; 11) * 2^-53</c>, as the base class does, so bulk
    /// distribution paths may draw blocks through <see cref="Fill"/>. A generator with native 32-bit draws overrides it.
    /// </summary>
    internal virtual bool DrawsDeriveFromUInt64 => true;

    /// <summary>Initialises the generator and records the sequence it was seeded from, if any.</summary>
    /// <param name="seedSequence">The sequence the state was derived from, or null when the state was set directly.</param>
    private protected BitGenerator(SeedSequence? seedSequence)
    {
        SeedSequence = seedSequence;
    }

    /// <summary>
    /// The <see cref="Rng.SeedSequence"/> this generator was seeded from, or null when it was built from an explicit
    /// state or key, or by <c>Jumped</c>.
    /// </summary>
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

    /// <summary>
    /// Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values (NumPy's
    /// <c>random_raw(n)</c>). Like NumPy, it leaves a buffered 32-bit half untouched.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public virtual void Fill(Span<ulong> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextUInt64();
        }
    }

    /// <summary>
    /// Creates <paramref name="count"/> new generators of the same type, seeded from children of
    /// <see cref="SeedSequence"/> (NumPy 1.25's <c>bit_generator.spawn(n)</c>): each child's stream is independent of
    /// this one and of its siblings, and the same as NumPy's for the same seed.
    /// </summary>
    /// <param name="count">How many generators to create; must be non-negative.</param>
    /// <returns>The new generators; their runtime type is this generator's type.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">This generator was not seeded from a <see cref="Rng.SeedSequence"/>.</exception>
    /// <remarks>
    /// Advances <see cref="Rng.SeedSequence.ChildrenSpawned"/> of the shared sequence, so it must not run concurrently
    /// with another spawn from the same sequence.
    /// </remarks>
    public virtual BitGenerator[] Spawn(int count) => SpawnAs<BitGenerator>(count);

    /// <summary>Spawns children typed as the subclass, so a subclass can override <see cref="Spawn(int)"/> with a covariant return type.</summary>
    private protected TGenerator[] SpawnAs<TGenerator>(int count)
        where TGenerator : BitGenerator
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (SeedSequence is null)
        {
            throw new InvalidOperationException(
                $"This {GetType().Name} was not seeded from a SeedSequence (it was built from an explicit state, key or by Jumped), " +
                "so it has no sequence to spawn from. Spawn from the SeedSequence you seed generators with instead.");
        }

        var seeds = SeedSequence.Spawn(count);
        var children = new TGenerator[count];
        for (int i = 0; i < count; i++)
        {
            children[i] = (TGenerator)CreateFromSeedSequence(seeds[i]);
        }

        return children;
    }

    /// <summary>Creates a generator of this generator's type seeded from <paramref name="seedSequence"/>, as the public constructor does.</summary>
    /// <param name="seedSequence">The child sequence to seed from; never null.</param>
    private protected abstract BitGenerator CreateFromSeedSequence(SeedSequence seedSequence);

    /// <summary>Clears the buffered 32-bit half, as NumPy's <c>_reset_state_variables</c> does after advance and jump.</summary>
    private protected void ResetBufferedUInt32()
    {
        HasBufferedUInt32 = false;
        BufferedUInt32 = 0;
    }
}
