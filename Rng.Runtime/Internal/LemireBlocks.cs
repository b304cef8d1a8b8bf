using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rng.Internal;

/// <summary>
/// The bulk 32-bit Lemire loop of NumPy's <c>random_bounded_uint64_fill</c> / <c>random_bounded_uint32_fill</c>
/// (rng below 2^32 - 1), on blocks of 64-bit draws split into their 32-bit halves, sixteen values per vector step.
/// </summary>
/// <remarks>
/// Exactness: a block is drawn only when the bit generator holds no spare half, and has at most as many halves as
/// values still wanted (each value consumes at least one half), so every block is used up and the spare half ends
/// as NumPy leaves it. A vector step is kept only if none of its sixteen draws is rejected; otherwise one value is
/// made the scalar way (consuming the extra draws a rejection takes) and the vector steps resume from there.
/// Little-endian only (the halves' order in memory); callers fall back to single draws elsewhere.
/// </remarks>
internal static class LemireBlocks
{
    private const int Group = 16;

    /// <summary>Values in [off, off + rng] into 64-bit outputs; <paramref name="rng"/> below 2^32 - 1.</summary>
    public static void Fill(BitGenerator source, Span<ulong> destination, ulong off, uint rng) =>
        Fill<ulong, UInt64Outputs>(source, destination, off, rng);

    /// <summary>Values in [off, off + rng] into 32-bit outputs; <paramref name="rng"/> below 2^32 - 1.</summary>
    public static void Fill(BitGenerator source, Span<uint> destination, uint off, uint rng) =>
        Fill<uint, UInt32Outputs>(source, destination, off, rng);

    // Both Fill overloads: TOutputs turns off + a 32-bit draw into a T (wrapping, as NumPy's unsigned arithmetic does).
    [SkipLocalsInit]
    private static void Fill<T, TOutputs>(BitGenerator source, Span<T> destination, ulong off, uint rng)
        where T : unmanaged
        where TOutputs : struct, IOutputs<T>
    {
        uint rngExcl = rng + 1;
        uint threshold = (uint.MaxValue - rng) % rngExcl;
        Span<ulong> block = stackalloc ulong[BoundedIntegers.BlockWords];
        ref T output = ref MemoryMarshal.GetReference(destination);
        int count = destination.Length;
        int i = 0;
        while (i < count)
        {
            int left = count - i;
            if (left < 4 || source.HasSpareUInt32)
            {
                Unsafe.Add(ref output, i++) = TOutputs.Of(off + BoundedIntegers.Lemire32(source, rng));
                continue;
            }

            Span<ulong> raw = block[..Math.Min(left / 2, block.Length)];
            source.Fill(raw);
            ReadOnlySpan<uint> halves = MemoryMarshal.Cast<ulong, uint>(raw);
            ref uint half = ref MemoryMarshal.GetReference(halves);
            int h = 0;
            while (h < halves.Length)
            {
                if (h <= halves.Length - Group && TOutputs.TryGroup(ref Unsafe.Add(ref half, h), ref Unsafe.Add(ref output, i), off, rngExcl, threshold))
                {
                    h += Group;
                    i += Group;
                    continue;
                }

                ulong m = (ulong)Unsafe.Add(ref half, h++) * rngExcl;
                while ((uint)m < threshold)
                {
                    m = (ulong)(h < halves.Length ? Unsafe.Add(ref half, h++) : source.NextUInt32()) * rngExcl;
                }

                Unsafe.Add(ref output, i++) = TOutputs.Of(off + (m >> 32));
            }
        }
    }

    /// <summary>How <see cref="Fill{T, TOutputs}"/> writes one output type; empty structs, so each T gets its own inlined code.</summary>
    private interface IOutputs<T>
        where T : unmanaged
    {
        /// <summary>off + draw as a T.</summary>
        static abstract T Of(ulong value);

        /// <summary>The vector group step for T.</summary>
        static abstract bool TryGroup(ref uint draws, ref T output, ulong off, uint rngExcl, uint threshold);
    }

    private readonly struct UInt64Outputs : IOutputs<ulong>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Of(ulong value) => value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryGroup(ref uint draws, ref ulong output, ulong off, uint rngExcl, uint threshold) =>
            LemireBlocks.TryGroup(ref draws, ref output, off, rngExcl, threshold);
    }

    private readonly struct UInt32Outputs : IOutputs<uint>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Of(ulong value) => (uint)value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryGroup(ref uint draws, ref uint output, ulong off, uint rngExcl, uint threshold) =>
            LemireBlocks.TryGroup(ref draws, ref output, (uint)off, rngExcl, threshold);
    }

    // Sixteen draws to sixteen 64-bit values, unless one of them would be rejected (then nothing is written).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryGroup(ref uint draws, ref ulong output, ulong off, uint rngExcl, uint threshold)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref draws);
            var excl = Vector512.Create((ulong)rngExcl);
            var p0 = Vector512.WidenLower(v) * excl;
            var p1 = Vector512.WidenUpper(v) * excl;
            var limit = Vector512.Create((ulong)threshold);
            var low32 = Vector512.Create((ulong)uint.MaxValue);
            if (Vector512.LessThanAny(p0 & low32, limit) || Vector512.LessThanAny(p1 & low32, limit))
            {
                return false;
            }

            var offset = Vector512.Create(off);
            (Vector512.ShiftRightLogical(p0, 32) + offset).StoreUnsafe(ref output);
            (Vector512.ShiftRightLogical(p1, 32) + offset).StoreUnsafe(ref output, 8);
            return true;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var excl = Vector256.Create((ulong)rngExcl);
            var limit = Vector256.Create((ulong)threshold);
            var low32 = Vector256.Create((ulong)uint.MaxValue);
            var v0 = Vector256.LoadUnsafe(ref draws);
            var v1 = Vector256.LoadUnsafe(ref draws, 8);
            var p0 = Vector256.WidenLower(v0) * excl;
            var p1 = Vector256.WidenUpper(v0) * excl;
            var p2 = Vector256.WidenLower(v1) * excl;
            var p3 = Vector256.WidenUpper(v1) * excl;
            if (Vector256.LessThanAny(p0 & low32, limit) || Vector256.LessThanAny(p1 & low32, limit)
                || Vector256.LessThanAny(p2 & low32, limit) || Vector256.LessThanAny(p3 & low32, limit))
            {
                return false;
            }

            var offset = Vector256.Create(off);
            (Vector256.ShiftRightLogical(p0, 32) + offset).StoreUnsafe(ref output);
            (Vector256.ShiftRightLogical(p1, 32) + offset).StoreUnsafe(ref output, 4);
            (Vector256.ShiftRightLogical(p2, 32) + offset).StoreUnsafe(ref output, 8);
            (Vector256.ShiftRightLogical(p3, 32) + offset).StoreUnsafe(ref output, 12);
            return true;
        }

        return false;
    }

    // Sixteen draws to sixteen 32-bit values, unless one of them would be rejected (then nothing is written).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryGroup(ref uint draws, ref uint output, uint off, uint rngExcl, uint threshold)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref draws);
            var excl = Vector512.Create((ulong)rngExcl);
            var p0 = Vector512.WidenLower(v) * excl;
            var p1 = Vector512.WidenUpper(v) * excl;
            var limit = Vector512.Create((ulong)threshold);
            var low32 = Vector512.Create((ulong)uint.MaxValue);
            if (Vector512.LessThanAny(p0 & low32, limit) || Vector512.LessThanAny(p1 & low32, limit))
            {
                return false;
            }

            var values = Vector512.Narrow(Vector512.ShiftRightLogical(p0, 32), Vector512.ShiftRightLogical(p1, 32));
            (values + Vector512.Create(off)).StoreUnsafe(ref output);
            return true;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var excl = Vector256.Create((ulong)rngExcl);
            var limit = Vector256.Create((ulong)threshold);
            var low32 = Vector256.Create((ulong)uint.MaxValue);
            var v0 = Vector256.LoadUnsafe(ref draws);
            var v1 = Vector256.LoadUnsafe(ref draws, 8);
            var p0 = Vector256.WidenLower(v0) * excl;
            var p1 = Vector256.WidenUpper(v0) * excl;
            var p2 = Vector256.WidenLower(v1) * excl;
            var p3 = Vector256.WidenUpper(v1) * excl;
            if (Vector256.LessThanAny(p0 & low32, limit) || Vector256.LessThanAny(p1 & low32, limit)
                || Vector256.LessThanAny(p2 & low32, limit) || Vector256.LessThanAny(p3 & low32, limit))
            {
                return false;
            }

            var offset = Vector256.Create(off);
            (Vector256.Narrow(Vector256.ShiftRightLogical(p0, 32), Vector256.ShiftRightLogical(p1, 32)) + offset).StoreUnsafe(ref output);
            (Vector256.Narrow(Vector256.ShiftRightLogical(p2, 32), Vector256.ShiftRightLogical(p3, 32)) + offset).StoreUnsafe(ref output, 8);
            return true;
        }

        return false;
    }
}
