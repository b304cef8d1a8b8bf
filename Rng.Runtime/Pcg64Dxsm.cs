using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rng;

/// <summary>
/// NumPy's <c>PCG64DXSM</c> bit generator: O'Neill's PCG CM DXSM 128/64, a 128-bit LCG with a 64-bit "cheap multiplier"
/// and the stronger DXSM output permutation, period 2^128. Unlike <see cref="Pcg64"/> it outputs from the state
/// <em>before</em> stepping. Seeded from a <see cref="Rng.SeedSequence"/> exactly as NumPy seeds it, so
/// <c>new Pcg64Dxsm(seed)</c> and NumPy's <c>PCG64DXSM(seed)</c> produce the same stream.
/// </summary>
/// <remarks>
/// Not thread-safe: give every thread or work item its own generator, e.g. from <see cref="Spawn(int)"/>.
/// </remarks>
public sealed class Pcg64Dxsm : BitGenerator
{
    private Pcg64Core<Pcg64DxsmVariant> _core;

    /// <summary>Creates a generator seeded from 128 bits of operating-system entropy (NumPy's <c>PCG64DXSM()</c>); log <c>SeedSequence.Entropy</c> to reproduce it.</summary>
    public Pcg64Dxsm()
        : this(new SeedSequence())
    {
    }

    /// <summary>Creates a generator seeded from <paramref name="seedSequence"/> (NumPy's <c>PCG64DXSM(seed_sequence)</c>).</summary>
    /// <param name="seedSequence">The sequence to draw the initial state and stream from; it is kept for <see cref="Spawn(int)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="seedSequence"/> is null.</exception>
    public Pcg64Dxsm(SeedSequence seedSequence)
        : base(seedSequence ?? throw new ArgumentNullException(nameof(seedSequence)))
    {
        // NumPy seeds PCG64DXSM through the same pcg64_set_seed as PCG64, default 128-bit multiplier included.
        var (state, increment) = Pcg64Lcg.Seed(seedSequence);
        _core.SetLcg(state, increment);
    }

    /// <summary>Creates a generator from an integer seed of any size, meaning <c>new Pcg64Dxsm(new SeedSequence(seed))</c> as in NumPy's <c>PCG64DXSM(seed)</c>.</summary>
    /// <param name="seed">A non-negative integer; all of its bits are used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public Pcg64Dxsm(BigInteger seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator from a 64-bit seed, meaning <c>new Pcg64Dxsm(new SeedSequence(seed))</c> as in NumPy's <c>PCG64DXSM(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public Pcg64Dxsm(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    /// <summary>Creates a generator that resumes from a saved <see cref="State"/>; it has no <see cref="BitGenerator.SeedSequence"/>.</summary>
    /// <param name="state">The snapshot to resume from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot's increment is even.</exception>
    public Pcg64Dxsm(Pcg64DxsmState state)
        : base(null)
    {
        SetState(state, nameof(state));
    }

    /// <summary>
    /// The generator's full state; setting it resumes a stream exactly where the snapshot was taken (NumPy's
    /// <c>bit_generator.state</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value's <see cref="Pcg64DxsmState.Increment"/> is even (PCG increments are 2 * stream + 1).</exception>
    public Pcg64DxsmState State
    {
        get => new()
        {
            State = _core.State,
            Increment = _core.Increment,
            HasBufferedUInt32 = HasBufferedUInt32,
            BufferedUInt32 = BufferedUInt32,
        };
        set => SetState(value, nameof(value));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override ulong NextUInt64() => _core.Next();

    /// <inheritdoc />
    public override uint NextUInt32() => _core.NextUInt32(ref HasBufferedUInt32, ref BufferedUInt32);

    /// <inheritdoc />
    public override double NextDouble() => (_core.Next() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// Fills <paramref name="destination"/> with successive <see cref="NextUInt64"/> values, identical to calling it once
    /// per element, but interleaved LCG lanes (sixteen in AVX-512 registers where available, else four scalar ones), each
    /// leaping over the others' states, break the multiply dependency chain. Leaves a buffered 32-bit half untouched, as NumPy's <c>random_raw</c> does.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public override void Fill(Span<ulong> destination) => _core.Fill(destination);

    /// <summary>The portable Fill: four interleaved scalar lanes. Internal so tests cover it on AVX-512 machines too.</summary>
    internal void FillScalarLanes(Span<ulong> destination) => _core.FillScalarLanes(destination);

    /// <summary>The AVX-512 Fill: eight lanes per vector. Only call when <see cref="Pcg64Vector512.IsSupported"/>.</summary>
    internal void FillVector512(Span<ulong> destination) => _core.FillVector512(destination);

    /// <summary>
    /// Advances the state as if <paramref name="delta"/> values had been drawn, in O(log delta) steps (NumPy's
    /// <c>advance(delta)</c>). The delta is taken modulo 2^128, so a negative delta moves backwards. Clears the buffered
    /// 32-bit half, as NumPy does.
    /// </summary>
    /// <param name="delta">The number of draws to skip; any integer.</param>
    /// <returns>This generator, for chaining.</returns>
    public Pcg64Dxsm Advance(BigInteger delta)
    {
        _core.Advance(delta);
        ResetBufferedUInt32();
        return this;
    }

    /// <summary>
    /// Returns a new generator whose state is this one's advanced by <paramref name="jumps"/> times
    /// 210306068529402873165736369884012333109 (≈ 2^128 (φ - 1)) draws, NumPy's <c>jumped(jumps)</c>; this generator is
    /// unchanged. Negative jumps move backwards modulo 2^128, as in NumPy.
    /// </summary>
    /// <param name="jumps">How many jumps to make; any integer.</param>
    /// <returns>The jumped generator, with an empty buffered half and no <see cref="BitGenerator.SeedSequence"/> (so it cannot spawn).</returns>
    public Pcg64Dxsm Jumped(int jumps = 1)
    {
        var jumped = new Pcg64Dxsm(State);
        jumped.Advance(Pcg64Lcg.JumpStep * jumps);
        return jumped;
    }

    /// <inheritdoc cref="BitGenerator.Spawn(int)" />
    public override Pcg64Dxsm[] Spawn(int count) => SpawnAs<Pcg64Dxsm>(count);

    private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => new Pcg64Dxsm(seedSequence);

    private void SetState(Pcg64DxsmState state, string paramName)
    {
        ArgumentNullException.ThrowIfNull(state, paramName);
        Pcg64Core<Pcg64DxsmVariant>.ThrowIfEvenIncrement(state.Increment, nameof(Pcg64DxsmState), paramName);
        _core.SetLcg(state.State, state.Increment);
        HasBufferedUInt32 = state.HasBufferedUInt32;
        BufferedUInt32 = state.BufferedUInt32;
    }
}
