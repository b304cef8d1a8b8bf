using System.Runtime.CompilerServices;

namespace Rng.Internal;

/// <summary>
/// Where a sampler takes its 64-bit draws and doubles from. Samplers are generic over a struct source so the JIT
/// compiles one specialised copy per source, with no interface dispatch.
/// </summary>
internal interface IDrawSource
{
    /// <summary>NumPy's <c>next_uint64</c>.</summary>
    ulong NextUInt64();

    /// <summary>NumPy's <c>next_double</c>.</summary>
    double NextDouble();
}

/// <summary>Draws straight from a bit generator, one virtual call per draw: valid for every bit generator.</summary>
internal readonly struct DirectDraws : IDrawSource
{
    private readonly BitGenerator _bitGenerator;

    public DirectDraws(BitGenerator bitGenerator) => _bitGenerator = bitGenerator;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _bitGenerator.NextUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => _bitGenerator.NextDouble();
}

/// <summary>
/// Serves 64-bit draws from a block filled by one <see cref="BitGenerator.Fill"/> call, then straight from the generator
/// once the block is used up, so the sequence of draws is exactly the generator's. Only for bit generators whose
/// <c>next_double</c> is the top 53 bits of one <c>next_uint64</c> (Generator's <c>_drawsDeriveFromUInt64</c>: PCG64,
/// PCG64DXSM, Philox, SFC64; not MT19937, whose doubles combine two 32-bit outputs differently).
/// </summary>
/// <remarks>
/// A block must never hold a draw that the caller will not consume: the caller refills with at most as many words as
/// there are values still to produce, because every value consumes at least one draw.
/// </remarks>
internal unsafe struct BufferedDraws : IDrawSource
{
    /// <summary>Words per block: 2 KiB of stack.</summary>
    public const int BlockLength = 256;

    private readonly BitGenerator _bitGenerator;
    private readonly ulong* _block;
    private int _count;
    private int _next;

    /// <param name="bitGenerator">The generator that fills blocks and serves draws beyond them.</param>
    /// <param name="block">Storage for <see cref="BlockLength"/> words that outlives this struct's use.</param>
    public BufferedDraws(BitGenerator bitGenerator, ulong* block)
    {
        _bitGenerator = bitGenerator;
        _block = block;
        _count = 0;
        _next = 0;
    }

    /// <summary>True while words of the current block are still unread.</summary>
    public readonly bool HasBuffered
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _next < _count;
    }

    /// <summary>Reads the next block: <paramref name="valuesLeft"/> (capped at <see cref="BlockLength"/>) words.</summary>
    /// <param name="valuesLeft">How many values the caller still has to produce, each taking at least one draw.</param>
    public void Refill(int valuesLeft)
    {
        _count = Math.Min(valuesLeft, BlockLength);
        _next = 0;
        _bitGenerator.Fill(new Span<ulong>(_block, _count));
    }

    /// <summary>Index of the next unread word of the block (equal to the block's length once it is used up).</summary>
    public readonly int Position => _next;

    /// <summary>
    /// Hands the reader a block that the caller filled and read up to <paramref name="next"/> itself (the ziggurat fill
    /// loops read the likely path straight from the block and come here only for the rare slow path).
    /// </summary>
    /// <param name="count">Words in the block.</param>
    /// <param name="next">Index of the first word not yet consumed.</param>
    public void Resume(int count, int next)
    {
        _count = count;
        _next = next;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _next < _count ? _block[_next++] : _bitGenerator.NextUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

}

/// <summary>A sampler of doubles that takes every draw from the source it is given and at least one per value.</summary>
internal interface IDoubleSampler
{
    double Sample<TSource>(ref TSource source)
        where TSource : struct, IDrawSource;
}

/// <summary>A sampler of 64-bit integers that takes every draw from the source it is given and at least one per value.</summary>
internal interface IInt64Sampler
{
    long Sample<TSource>(ref TSource source)
        where TSource : struct, IDrawSource;
}

/// <summary>Fill loops shared by the span forms: the same sampler as the scalar form, so values match one for one.</summary>
internal static class DrawLoops
{
    /// <summary>Fills <paramref name="destination"/> with successive samples, in blocks when <paramref name="readBlocks"/>.</summary>
    [SkipLocalsInit]
    public static unsafe void Fill<TSampler>(BitGenerator bitGenerator, bool readBlocks, TSampler sampler, Span<double> destination)
        where TSampler : struct, IDoubleSampler
    {
        if (!readBlocks || destination.Length < 2)
        {
            var direct = new DirectDraws(bitGenerator);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = sampler.Sample(ref direct);
            }

            return;
        }

        ulong* block = stackalloc ulong[BufferedDraws.BlockLength];
        var draws = new BufferedDraws(bitGenerator, block);
        ref double output = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        int length = destination.Length;
        int index = 0;
        while (index < length)
        {
            // At most one word per value left, so every word read is consumed: index cannot pass length.
            draws.Refill(length - index);
            while (draws.HasBuffered)
            {
                Unsafe.Add(ref output, index++) = sampler.Sample(ref draws);
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with successive samples, in blocks when <paramref name="readBlocks"/>.</summary>
    [SkipLocalsInit]
    public static unsafe void Fill<TSampler>(BitGenerator bitGenerator, bool readBlocks, TSampler sampler, Span<long> destination)
        where TSampler : struct, IInt64Sampler
    {
        if (!readBlocks || destination.Length < 2)
        {
            var direct = new DirectDraws(bitGenerator);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = sampler.Sample(ref direct);
            }

            return;
        }

        ulong* block = stackalloc ulong[BufferedDraws.BlockLength];
        var draws = new BufferedDraws(bitGenerator, block);
        ref long output = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        int length = destination.Length;
        int index = 0;
        while (index < length)
        {
            draws.Refill(length - index);
            while (draws.HasBuffered)
            {
                Unsafe.Add(ref output, index++) = sampler.Sample(ref draws);
            }
        }
    }

    /// <summary>One sample straight from the bit generator (the scalar forms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double One<TSampler>(BitGenerator bitGenerator, TSampler sampler)
        where TSampler : struct, IDoubleSampler
    {
        var direct = new DirectDraws(bitGenerator);
        return sampler.Sample(ref direct);
    }

    /// <summary>One sample straight from the bit generator (the scalar forms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long OneInt64<TSampler>(BitGenerator bitGenerator, TSampler sampler)
        where TSampler : struct, IInt64Sampler
    {
        var direct = new DirectDraws(bitGenerator);
        return sampler.Sample(ref direct);
    }
}
