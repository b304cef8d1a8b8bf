using System.Runtime.CompilerServices;

namespace Rng.Internal;

/// <summary>
/// NumPy's <c>next_uint32</c> sequence for bulk loops, drawn in blocks through <see cref="BitGenerator.Fill"/>
/// instead of one virtual call per value. The values, and the bit generator's spare half afterwards, are exactly
/// those of repeated <see cref="BitGenerator.NextUInt32"/> calls.
/// </summary>
/// <remarks>
/// Why this is exact: a block is drawn only when the spare half is empty, and holds at most as many 32-bit values
/// as the caller still needs (every remaining output consumes at least one), so a block is always used up and
/// nothing is drawn ahead of NumPy. Generators whose 32-bit draw is not the halves of a 64-bit draw (MT19937)
/// are served one value at a time.
/// </remarks>
internal ref struct UInt32Draws
{
    private readonly BitGenerator _source;
    private readonly Span<ulong> _block;
    private readonly bool _blocksAllowed;
    private int _next;
    private int _end;

    /// <param name="source">The bit generator to draw from.</param>
    /// <param name="block">Scratch space for blocks of 64-bit draws (e.g. stackalloc'd).</param>
    /// <param name="uint32IsHalves">True when the source's 32-bit draw is NumPy's buffered halves of a 64-bit draw.</param>
    public UInt32Draws(BitGenerator source, Span<ulong> block, bool uint32IsHalves)
    {
        _source = source;
        _block = block;
        _blocksAllowed = uint32IsHalves && BitConverter.IsLittleEndian;
        _next = 0;
        _end = 0;
    }

    /// <summary>Returns the next 32-bit draw.</summary>
    /// <param name="outputsLeft">How many outputs the caller still has to produce, counting the one this draw is for;
    /// each of them must consume at least one more 32-bit draw.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Next(long outputsLeft)
    {
        int i = _next;
        if (i < _end)
        {
            _next = i + 1;
            // Little-endian halves: even index = low half (drawn first by NumPy), odd = high half (the spare).
            return (uint)(_block[i >> 1] >> ((i & 1) << 5));
        }

        return Refill(outputsLeft);
    }

    private uint Refill(long outputsLeft)
    {
        if (!_blocksAllowed || outputsLeft < 4 || _source.HasSpareUInt32)
        {
            return _source.NextUInt32();
        }

        int words = (int)Math.Min(outputsLeft / 2, _block.Length);
        Span<ulong> block = _block[..words];
        _source.Fill(block);
        _next = 1;
        _end = 2 * words;
        return (uint)block[0];
    }
}
