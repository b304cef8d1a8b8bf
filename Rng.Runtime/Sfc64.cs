using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rng;

/// <summary>
/// NumPy's <c>SFC64</c> bit generator: Chris Doty-Humphrey's Small Fast Chaotic generator with a 64-bit counter,
/// seeded and stepped exactly as NumPy 1.24 does it, so the same seed gives the same stream.
/// </summary>
/// <remarks>
/// <para>SFC64 has no jump or advance (neither has NumPy's); get independent streams from
/// <see cref="Rng.SeedSequence.Spawn(int)"/>. The counter guarantees a cycle of at least 2^64 values.</para>
/// <para>Not thread-safe: give every thread or work item its own instance.</para>
/// </remarks>
public sealed class Sfc64 : BitGenerator
{
    // NumPy (sfc64_set_seed) discards this many outputs after seeding to mix the state.
    private const int SeedingRounds = 12;

    private ulong _a;
    private ulong _b;
    private ulong _c;
    private ulong _counter;

    /// <summary>Creates a generator seeded from 128 bits of operating-system entropy (NumPy's <c>SFC64()</c>).</summary>
    /// <remarks>Log <see cref="Rng.SeedSequence.Entropy"/> of <see cref="BitGenerator.SeedSequence"/> to reproduce the stream.</remarks>
    public Sfc64()
        : this(new SeedSequence())
    {
    }

    /// <summary>Creates a generator from a 64-bit seed, meaning <c>new Sfc64(new SeedSequence(seed))</c> as NumPy's <c>SFC64(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public Sfc64(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator seeded as NumPy's <c>SFC64(seed)</c>, i.e. from <c>new SeedSequence(seed)</c>.</summary>
    /// <param name="seed">The root seed; must be non-negative. All of its bits are used.</param>
    public Sfc64(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>
    /// Creates a generator as NumPy's <c>SFC64(seedSequence)</c>: a, b and c from
    /// <c>seedSequence.GenerateState64(3)</c>, the counter at 1, then 12 outputs discarded.
    /// </summary>
    /// <param name="seedSequence">The sequence to derive the state from; not null.</param>
    public Sfc64(SeedSequence seedSequence)
        : base(seedSequence ?? throw new ArgumentNullException(nameof(seedSequence)))
    {
        ulong[] seed = seedSequence.GenerateState64(3);
        _a = seed[0];
        _b = seed[1];
        _c = seed[2];
        _counter = 1;
        for (int i = 0; i < SeedingRounds; i++)
        {
            Step(ref _a, ref _b, ref _c, ref _counter);
        }
    }

    /// <summary>Creates a generator that resumes exactly from a saved <see cref="State"/>; it has no <see cref="BitGenerator.SeedSequence"/>.</summary>
    /// <param name="state">The snapshot to resume from; validated as the <see cref="State"/> setter does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the snapshot is missing or out of range; the message names it.</exception>
    public Sfc64(Sfc64State state)
        : base(null)
    {
        ApplyState(state, nameof(state));
    }

    /// <summary>
    /// A snapshot of the full state as NumPy's <c>SFC64.state</c> (a, b, c, counter and the buffered 32-bit half).
    /// Setting it resumes that stream exactly; a malformed snapshot is rejected with an
    /// <see cref="ArgumentException"/> that names the field.
    /// </summary>
    public Sfc64State State
    {
        get => new()
        {
            State = [_a, _b, _c, _counter],
            HasBufferedUInt32 = HasBufferedUInt32,
            BufferedUInt32 = BufferedUInt32,
        };
        set => ApplyState(value, nameof(value));
    }

    /// <inheritdoc/>
    public override ulong NextUInt64() => Step(ref _a, ref _b, ref _c, ref _counter);

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values, value for value.</summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public override void Fill(Span<ulong> destination)
    {
        // Work on locals so the state stays in registers for the whole loop.
        ulong a = _a, b = _b, c = _c, counter = _counter;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Step(ref a, ref b, ref c, ref counter);
        }

        _a = a;
        _b = b;
        _c = c;
        _counter = counter;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ref ulong a, ref ulong b, ref ulong c, ref ulong counter)
    {
        ulong result = a + b + counter++;
        a = b ^ (b >> 11);
        b = c + (c << 3);
        c = BitOperations.RotateLeft(c, 24) + result;
        return result;
    }

    private void ApplyState(Sfc64State? state, string paramName)
    {
        ArgumentNullException.ThrowIfNull(state, paramName);
        if (state.State is null || state.State.Length != 4)
        {
            throw new ArgumentException(
                $"{nameof(Sfc64State)}.{nameof(Sfc64State.State)} must hold exactly 4 64-bit words (a, b, c, counter), but it " +
                (state.State is null ? "is missing." : $"holds {state.State.Length}."),
                paramName);
        }

        _a = state.State[0];
        _b = state.State[1];
        _c = state.State[2];
        _counter = state.State[3];
        HasBufferedUInt32 = state.HasBufferedUInt32;
        BufferedUInt32 = state.BufferedUInt32;
    }

    /// <inheritdoc cref="BitGenerator.Spawn(int)" />
    public override Sfc64[] Spawn(int count) => SpawnAs<Sfc64>(count);

    private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => new Sfc64(seedSequence);
}
