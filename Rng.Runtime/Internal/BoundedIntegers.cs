using System.Runtime.CompilerServices;

namespace Rng.Internal;

/// <summary>
/// NumPy 1.24's bounded integer generators (src/distributions/distributions.c, <c>use_masked = false</c>): values in
/// the closed range [off, off + rng], by 32-bit buffered Lemire when rng fits 32 bits, 64-bit Lemire otherwise, and
/// plain draws for the full 32- and 64-bit ranges, which Lemire cannot express.
/// </summary>
internal static class BoundedIntegers
{
    /// <summary>64-bit draws per block in the bulk paths (2 KiB of stack).</summary>
    internal const int BlockWords = 256;

    /// <summary>NumPy's <c>gen_mask</c>: the smallest all-ones bit mask at least <paramref name="max"/>.</summary>
    public static ulong GenMask(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    /// <summary>NumPy's <c>random_bounded_uint64(state, 0, rng, 0, false)</c>: one value in [0, rng].</summary>
    public static ulong Bounded64(BitGenerator source, ulong rng)
    {
        if (rng == 0)
        {
            return 0;
        }

        if (rng < uint.MaxValue)
        {
            return Lemire32(source, (uint)rng);
        }

        if (rng == uint.MaxValue)
        {
            // Lemire32 cannot take rng = 2^32 - 1 (rng + 1 wraps to 0).
            return source.NextUInt32();
        }

        return rng == ulong.MaxValue ? source.NextUInt64() : Lemire64(source, rng);
    }

    /// <summary>NumPy's <c>buffered_bounded_lemire_uint32</c> on single draws; <paramref name="rng"/> below 2^32 - 1.</summary>
    public static uint Lemire32(BitGenerator source, uint rng)
    {
        uint rngExcl = rng + 1;
        ulong m = (ulong)source.NextUInt32() * rngExcl;
        if ((uint)m < rngExcl)
        {
            uint threshold = (uint.MaxValue - rng) % rngExcl;
            while ((uint)m < threshold)
            {
                m = (ulong)source.NextUInt32() * rngExcl;
            }
        }

        return (uint)(m >> 32);
    }

    /// <summary>NumPy's <c>bounded_lemire_uint64</c>; <paramref name="rng"/> below 2^64 - 1.</summary>
    public static ulong Lemire64(BitGenerator source, ulong rng)
    {
        ulong rngExcl = rng + 1;
        ulong high = Math.BigMul(source.NextUInt64(), rngExcl, out ulong leftover);
        if (leftover < rngExcl)
        {
            ulong threshold = (ulong.MaxValue - rng) % rngExcl;
            while (leftover < threshold)
            {
                high = Math.BigMul(source.NextUInt64(), rngExcl, out leftover);
            }
        }

        return high;
    }

    /// <summary>
    /// Lemire32 on block draws. <paramref name="threshold"/> is <c>(2^32 - 1 - rng) % (rng + 1)</c>, computed once by
    /// the caller (NumPy computes it lazily; the draws are the same).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Lemire32(ref UInt32Draws draws, uint rngExcl, uint threshold, long outputsLeft)
    {
        ulong m = (ulong)draws.Next(outputsLeft) * rngExcl;
        while ((uint)m < threshold)
        {
            m = (ulong)draws.Next(outputsLeft) * rngExcl;
        }

        return (uint)(m >> 32);
    }

    /// <summary>NumPy's <c>random_bounded_uint64_fill(state, off, rng, cnt, false, out)</c>.</summary>
    [SkipLocalsInit]
    public static void Fill64(BitGenerator source, bool blockDraws, Span<ulong> destination, ulong off, ulong rng)
    {
        if (rng == 0)
        {
            destination.Fill(off);
        }
        else if (rng < uint.MaxValue && blockDraws && BitConverter.IsLittleEndian)
        {
            LemireBlocks.Fill(source, destination, off, (uint)rng);
        }
        else if (rng <= uint.MaxValue)
        {
            Span<ulong> block = stackalloc ulong[BlockWords];
            var draws = new UInt32Draws(source, block, blockDraws);
            int count = destination.Length;
            if (rng == uint.MaxValue)
            {
                for (int i = 0; i < count; i++)
                {
                    destination[i] = off + draws.Next(count - i);
                }

                return;
            }

            uint rngExcl = (uint)rng + 1;
            uint threshold = (uint.MaxValue - (uint)rng) % rngExcl;
            for (int i = 0; i < count; i++)
            {
                destination[i] = off + Lemire32(ref draws, rngExcl, threshold, count - i);
            }
        }
        else if (rng == ulong.MaxValue)
        {
            source.Fill(destination);
            if (off != 0)
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] += off;
                }
            }
        }
        else
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = off + Lemire64(source, rng);
            }
        }
    }

    /// <summary>NumPy's <c>random_bounded_uint32_fill(state, off, rng, cnt, false, out)</c>.</summary>
    [SkipLocalsInit]
    public static void Fill32(BitGenerator source, bool blockDraws, Span<uint> destination, uint off, uint rng)
    {
        if (rng == 0)
        {
            destination.Fill(off);
            return;
        }

        if (rng < uint.MaxValue && blockDraws && BitConverter.IsLittleEndian)
        {
            LemireBlocks.Fill(source, destination, off, rng);
            return;
        }

        Span<ulong> block = stackalloc ulong[BlockWords];
        var draws = new UInt32Draws(source, block, blockDraws);
        int count = destination.Length;
        if (rng == uint.MaxValue)
        {
            for (int i = 0; i < count; i++)
            {
                destination[i] = off + draws.Next(count - i);
            }

            return;
        }

        uint rngExcl = rng + 1;
        uint threshold = (uint.MaxValue - rng) % rngExcl;
        for (int i = 0; i < count; i++)
        {
            destination[i] = off + Lemire32(ref draws, rngExcl, threshold, count - i);
        }
    }

    /// <summary>
    /// NumPy's <c>random_bounded_uint8_fill(state, off, rng, cnt, false, out)</c>: bytes come four at a time from one
    /// 32-bit draw, low byte first; the buffer lives for this call only, so unused bytes are dropped at its end.
    /// </summary>
    public static void Fill8(BitGenerator source, Span<byte> destination, byte off, byte rng)
    {
        if (rng == 0)
        {
            destination.Fill(off);
            return;
        }

        var bytes = new ByteBuffer(source);
        if (rng == byte.MaxValue)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (byte)(off + bytes.Next());
            }

            return;
        }

        uint rngExcl = (uint)rng + 1;
        uint threshold = (byte.MaxValue - (uint)rng) % rngExcl;
        for (int i = 0; i < destination.Length; i++)
        {
            uint m = bytes.Next() * rngExcl;
            while ((byte)m < threshold)
            {
                m = bytes.Next() * rngExcl;
            }

            destination[i] = (byte)(off + (m >> 8));
        }
    }

    /// <summary>NumPy's <c>buffered_uint8</c>: one 32-bit draw serves four bytes, low byte first.</summary>
    private struct ByteBuffer
    {
        private readonly BitGenerator _source;
        private uint _buffer;
        private int _remaining;

        public ByteBuffer(BitGenerator source)
        {
            _source = source;
            _buffer = 0;
            _remaining = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Next()
        {
            if (_remaining == 0)
            {
                _buffer = _source.NextUInt32();
                _remaining = 3;
            }
            else
            {
                _buffer >>= 8;
                _remaining--;
            }

            return (byte)_buffer;
        }
    }
}
