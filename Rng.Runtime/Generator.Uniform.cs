using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rng;

public sealed partial class Generator
{
    // Bulk paths fill and convert this many values at a time, so each chunk is converted while still in L1 cache.
    private const int ChunkValues = 1024;

    private const double DoubleUnit = 1.0 / 9007199254740992.0; // 2^-53
    private const float SingleUnit = 1.0f / 16777216.0f; // 2^-24

    /// <summary>
    /// Returns a double in [0, 1): NumPy's <c>Generator.random()</c>, the top 53 bits of one 64-bit draw times 2^-53.
    /// </summary>
    public double Random() => _bitGenerator.NextDouble();

    /// <summary>
    /// Fills <paramref name="destination"/> with doubles in [0, 1): NumPy's <c>Generator.random(size=n)</c>, the same
    /// values as that many <see cref="Random()"/> calls. Allocates nothing.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public void Random(Span<double> destination)
    {
        if (!_drawsDeriveFromUInt64)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = _bitGenerator.NextDouble();
            }

            return;
        }

        // Draw the raw words straight into the destination's memory, then convert each chunk in place.
        Span<ulong> words = MemoryMarshal.Cast<double, ulong>(destination);
        for (int start = 0; start < words.Length; start += ChunkValues)
        {
            Span<ulong> chunk = words.Slice(start, Math.Min(ChunkValues, words.Length - start));
            _bitGenerator.Fill(chunk);
            WordsToUnitDoubles(chunk);
        }
    }

    /// <summary>
    /// Returns a float in [0, 1): NumPy's <c>Generator.random(dtype=np.float32)</c>, the top 24 bits of one 32-bit draw
    /// times 2^-24. A 32-bit draw uses half of a 64-bit draw and keeps the other half for the next one, as NumPy does.
    /// </summary>
    public float RandomSingle() => NextFloat();

    /// <summary>
    /// Fills <paramref name="destination"/> with floats in [0, 1): NumPy's
    /// <c>Generator.random(size=n, dtype=np.float32)</c>, the same values as that many <see cref="RandomSingle()"/> calls,
    /// including the spare 32-bit half left over before and after. Allocates nothing.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public void Random(Span<float> destination)
    {
        if (!_drawsDeriveFromUInt64 || !BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = NextFloat();
            }

            return;
        }

        Span<float> rest = destination;
        if (rest.Length > 0 && _bitGenerator.HasSpareUInt32)
        {
            rest[0] = NextFloat();
            rest = rest[1..];
        }

        // Each 64-bit draw is two 32-bit draws, low half first: in little-endian memory that is already NumPy's order.
        int paired = rest.Length & ~1;
        Span<ulong> words = MemoryMarshal.Cast<float, ulong>(rest[..paired]);
        for (int start = 0; start < words.Length; start += ChunkValues)
        {
            Span<ulong> chunk = words.Slice(start, Math.Min(ChunkValues, words.Length - start));
            _bitGenerator.Fill(chunk);
            HalvesToUnitSingles(MemoryMarshal.Cast<ulong, uint>(chunk));
        }

        if (paired < rest.Length)
        {
            // The last value takes the low half of a fresh draw; the high half stays buffered, as in NumPy.
            rest[paired] = NextFloat();
        }
    }

    /// <summary>
    /// Returns a double in [<paramref name="low"/>, <paramref name="high"/>): NumPy's <c>Generator.uniform(low, high)</c>,
    /// computed as <c>low + (high - low) * Random()</c>. Rounding can give exactly <paramref name="high"/>, as in NumPy.
    /// <paramref name="low"/> == <paramref name="high"/> returns <paramref name="low"/> (still consuming one draw).
    /// </summary>
    /// <param name="low">Lower bound, included.</param>
    /// <param name="high">Upper bound, excluded; at least <paramref name="low"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is negative, or is not finite (an infinite or NaN
    /// bound, or a difference that overflows), where NumPy raises <c>ValueError</c> / <c>OverflowError</c>.</exception>
    public double Uniform(double low = 0.0, double high = 1.0)
    {
        double range = CheckUniformRange(low, high);
        return low + range * _bitGenerator.NextDouble();
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with doubles in [<paramref name="low"/>, <paramref name="high"/>): NumPy's
    /// <c>Generator.uniform(low, high, size=n)</c>, the same values as that many <see cref="Uniform(double, double)"/>
    /// calls. Allocates nothing.
    /// </summary>
    /// <param name="low">Lower bound, included.</param>
    /// <param name="high">Upper bound, excluded; at least <paramref name="low"/>.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is negative or not finite.</exception>
    public void Uniform(double low, double high, Span<double> destination)
    {
        double range = CheckUniformRange(low, high);
        if (!_drawsDeriveFromUInt64)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = low + range * _bitGenerator.NextDouble();
            }

            return;
        }

        Span<ulong> words = MemoryMarshal.Cast<double, ulong>(destination);
        for (int start = 0; start < words.Length; start += ChunkValues)
        {
            Span<ulong> chunk = words.Slice(start, Math.Min(ChunkValues, words.Length - start));
            _bitGenerator.Fill(chunk);
            WordsToUnitDoubles(chunk);
            Span<double> values = MemoryMarshal.Cast<ulong, double>(chunk);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = low + range * values[i];
            }
        }
    }

    /// <summary>
    /// Returns <paramref name="length"/> random bytes: NumPy's <c>Generator.bytes(length)</c>, i.e. ceil(length / 4)
    /// 32-bit draws written little-endian (on every machine) and cut to <paramref name="length"/>. Like NumPy 1.24,
    /// <c>Bytes(0)</c> still consumes one 32-bit draw.
    /// </summary>
    /// <param name="length">How many bytes; must be non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public byte[] Bytes(int length)
    {
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The number of bytes must be non-negative.");
        }

        var bytes = new byte[length];
        Bytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with random bytes: NumPy's <c>Generator.bytes(len(destination))</c>. When the
    /// length is not a multiple of 4, the unused bytes of the last 32-bit draw are dropped, as in NumPy. Like NumPy 1.24,
    /// an empty span still consumes one 32-bit draw. Allocates nothing.
    /// </summary>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    public void Bytes(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            // NumPy 1.24 computes (length - 1) // 4 + 1 words with C division, which is 1 for length 0.
            _ = _bitGenerator.NextUInt32();
            return;
        }

        Span<byte> rest = destination;
        if (_drawsDeriveFromUInt64 && BitConverter.IsLittleEndian)
        {
            if (rest.Length > 0 && _bitGenerator.HasSpareUInt32)
            {
                WriteUInt32Prefix(rest, _bitGenerator.NextUInt32());
                rest = rest[Math.Min(4, rest.Length)..];
            }

            // Whole 64-bit draws are two 32-bit draws whose little-endian bytes are already in NumPy's order.
            int wholeWords = rest.Length / 8;
            _bitGenerator.Fill(MemoryMarshal.Cast<byte, ulong>(rest[..(wholeWords * 8)]));
            rest = rest[(wholeWords * 8)..];
        }

        while (rest.Length > 0)
        {
            WriteUInt32Prefix(rest, _bitGenerator.NextUInt32());
            rest = rest[Math.Min(4, rest.Length)..];
        }
    }

    private static void WriteUInt32Prefix(Span<byte> destination, uint value)
    {
        int count = Math.Min(4, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = (byte)(value >> (8 * i));
        }
    }

    private static double CheckUniformRange(double low, double high)
    {
        double range = high - low;
        if (!double.IsFinite(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high - low range exceeds valid bounds: high - low must be finite (low = {low}, high = {high}, high - low = {range}).");
        }

        // NumPy checks the sign bit, so high = -0.0 with low = 0.0 is rejected too.
        if (double.IsNegative(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high - low < 0: high must be at least low (low = {low}, high = {high}).");
        }

        return range;
    }

    // In place: each 64-bit word w becomes the double (w >> 11) * 2^-53, NumPy's next_double.
    private static void WordsToUnitDoubles(Span<ulong> words)
    {
        ref ulong start = ref MemoryMarshal.GetReference(words);
        int n = words.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var unit = Vector512.Create(DoubleUnit);
            for (; i <= n - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                var top53 = Vector512.ShiftRightLogical(Vector512.LoadUnsafe(ref start, (nuint)i), 11).AsInt64();
                (Vector512.ConvertToDouble(top53) * unit).AsUInt64().StoreUnsafe(ref start, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var unit = Vector256.Create(DoubleUnit);
            for (; i <= n - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var top53 = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref start, (nuint)i), 11).AsInt64();
                (Vector256.ConvertToDouble(top53) * unit).AsUInt64().StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref ulong word = ref Unsafe.Add(ref start, i);
            word = BitConverter.DoubleToUInt64Bits((word >> 11) * DoubleUnit);
        }
    }

    // In place: each 32-bit value u becomes the float (u >> 8) * 2^-24, NumPy's next_float.
    private static void HalvesToUnitSingles(Span<uint> halves)
    {
        ref uint start = ref MemoryMarshal.GetReference(halves);
        int n = halves.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var unit = Vector512.Create(SingleUnit);
            for (; i <= n - Vector512<uint>.Count; i += Vector512<uint>.Count)
            {
                var top24 = Vector512.ShiftRightLogical(Vector512.LoadUnsafe(ref start, (nuint)i), 8).AsInt32();
                (Vector512.ConvertToSingle(top24) * unit).AsUInt32().StoreUnsafe(ref start, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var unit = Vector256.Create(SingleUnit);
            for (; i <= n - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var top24 = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref start, (nuint)i), 8).AsInt32();
                (Vector256.ConvertToSingle(top24) * unit).AsUInt32().StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref uint half = ref Unsafe.Add(ref start, i);
            half = BitConverter.SingleToUInt32Bits((half >> 8) * SingleUnit);
        }
    }
}
