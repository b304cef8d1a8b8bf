using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rng;

/// <summary>
/// Philox4x64-10 on sixteen consecutive counter blocks at once in AVX-512 registers (two groups of eight blocks,
/// one block per lane), for <see cref="Philox.Fill(Span{ulong})"/>. The output is exactly the scalar sequence.
/// </summary>
internal static class PhiloxVector512
{
    /// <summary>How many counter blocks one batch encrypts.</summary>
    public const int BlocksPerBatch = 16;

    /// <summary>How many 64-bit values one batch writes.</summary>
    public const int ValuesPerBatch = BlocksPerBatch * Philox.BufferSize;

    /// <summary>True when this machine runs the AVX-512 path (F for the 32-bit multiplies and permutes).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>
    /// Encrypts blocks counter + 1, counter + 2, ... straight into <paramref name="destination"/>, whole batches only,
    /// and only while the low counter word does not carry (the caller's scalar loop handles the rare carry).
    /// Returns how many values were written and advances the low counter word accordingly.
    /// </summary>
    public static int Fill(ref ulong counter0, ulong counter1, ulong counter2, ulong counter3,
        ulong key0, ulong key1, Span<ulong> destination)
    {
        int batches = destination.Length / ValuesPerBatch;
        ulong blocksWithoutCarry = ulong.MaxValue - counter0; // blocks counter0 + 1 .. counter0 + this stay in the word
        batches = (int)Math.Min((ulong)batches, blocksWithoutCarry / BlocksPerBatch);
        if (batches <= 0)
        {
            return 0;
        }

        ref ulong output = ref MemoryMarshal.GetReference(destination);
        Vector512<ulong> laneOffsets = Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8);
        Vector512<ulong> words1 = Vector512.Create(counter1);
        Vector512<ulong> words2 = Vector512.Create(counter2);
        Vector512<ulong> words3 = Vector512.Create(counter3);
        ulong low = counter0;
        for (int batch = 0; batch < batches; batch++)
        {
            Vector512<ulong> a0 = Vector512.Create(low) + laneOffsets, a1 = words1, a2 = words2, a3 = words3;
            Vector512<ulong> b0 = Vector512.Create(low + 8) + laneOffsets, b1 = words1, b2 = words2, b3 = words3;
            ulong k0 = key0, k1 = key1;
            for (int round = 0; round < 10; round++)
            {
                // The key is bumped before every round but the first (Random123's philox4x64_R).
                if (round > 0)
                {
                    k0 += Philox.KeyIncrement0;
                    k1 += Philox.KeyIncrement1;
                }

                Vector512<ulong> roundKey0 = Vector512.Create(k0), roundKey1 = Vector512.Create(k1);
                Round(ref a0, ref a1, ref a2, ref a3, roundKey0, roundKey1);
                Round(ref b0, ref b1, ref b2, ref b3, roundKey0, roundKey1);
            }

            ref ulong batchOutput = ref Unsafe.Add(ref output, batch * ValuesPerBatch);
            StoreBlocks(a0, a1, a2, a3, ref batchOutput);
            StoreBlocks(b0, b1, b2, b3, ref Unsafe.Add(ref batchOutput, ValuesPerBatch / 2));
            low += BlocksPerBatch;
        }

        counter0 = low;
        return batches * ValuesPerBatch;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        ref Vector512<ulong> x0, ref Vector512<ulong> x1, ref Vector512<ulong> x2, ref Vector512<ulong> x3,
        Vector512<ulong> key0, Vector512<ulong> key1)
    {
        MultiplyFull(x0, Philox.Multiplier0, out Vector512<ulong> high0, out Vector512<ulong> low0);
        MultiplyFull(x2, Philox.Multiplier1, out Vector512<ulong> high1, out Vector512<ulong> low1);
        x0 = high1 ^ x1 ^ key0;
        x1 = low1;
        x2 = high0 ^ x3 ^ key1;
        x3 = low0;
    }

    // The 128-bit product x * multiplier per lane. AVX-512 has no 64x64 -> 128 multiply, so it is assembled from
    // four 32x32 -> 64 products with schoolbook carries (neither intermediate sum overflows 64 bits).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyFull(Vector512<ulong> x, ulong multiplier, out Vector512<ulong> high, out Vector512<ulong> low)
    {
        Vector512<ulong> low32 = Vector512.Create(0xFFFF_FFFFUL);
        Vector512<uint> multiplierLow = Vector512.Create(multiplier & 0xFFFF_FFFFUL).AsUInt32();
        Vector512<uint> multiplierHigh = Vector512.Create(multiplier >> 32).AsUInt32();
        Vector512<uint> xHigh = Vector512.ShiftRightLogical(x, 32).AsUInt32();
        Vector512<ulong> p00 = Avx512F.Multiply(x.AsUInt32(), multiplierLow);
        Vector512<ulong> p01 = Avx512F.Multiply(x.AsUInt32(), multiplierHigh);
        Vector512<ulong> p10 = Avx512F.Multiply(xHigh, multiplierLow);
        Vector512<ulong> p11 = Avx512F.Multiply(xHigh, multiplierHigh);
        Vector512<ulong> t = p10 + Vector512.ShiftRightLogical(p00, 32);
        Vector512<ulong> w = (t & low32) + p01;
        high = p11 + Vector512.ShiftRightLogical(t, 32) + Vector512.ShiftRightLogical(w, 32);
        low = Vector512.ShiftLeft(w, 32) | (p00 & low32);
    }

    // Lane j of x0..x3 is block j; memory wants block after block: a 4 x 8 transpose done with two-source permutes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBlocks(Vector512<ulong> x0, Vector512<ulong> x1, Vector512<ulong> x2, Vector512<ulong> x3, ref ulong output)
    {
        Vector512<ulong> interleaveLow = Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11);
        Vector512<ulong> interleaveHigh = Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15);
        Vector512<ulong> firstBlockPair = Vector512.Create(0UL, 1, 8, 9, 2, 3, 10, 11);
        Vector512<ulong> secondBlockPair = Vector512.Create(4UL, 5, 12, 13, 6, 7, 14, 15);

        Vector512<ulong> words01Low = Avx512F.PermuteVar8x64x2(x0, interleaveLow, x1);   // x0[0] x1[0] x0[1] x1[1] ...
        Vector512<ulong> words23Low = Avx512F.PermuteVar8x64x2(x2, interleaveLow, x3);
        Vector512<ulong> words01High = Avx512F.PermuteVar8x64x2(x0, interleaveHigh, x1); // x0[4] x1[4] x0[5] x1[5] ...
        Vector512<ulong> words23High = Avx512F.PermuteVar8x64x2(x2, interleaveHigh, x3);

        Avx512F.PermuteVar8x64x2(words01Low, firstBlockPair, words23Low).StoreUnsafe(ref output);
        Avx512F.PermuteVar8x64x2(words01Low, secondBlockPair, words23Low).StoreUnsafe(ref output, 8);
        Avx512F.PermuteVar8x64x2(words01High, firstBlockPair, words23High).StoreUnsafe(ref output, 16);
        Avx512F.PermuteVar8x64x2(words01High, secondBlockPair, words23High).StoreUnsafe(ref output, 24);
    }
}
