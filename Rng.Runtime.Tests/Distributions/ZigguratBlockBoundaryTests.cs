using Rng.Internal;

namespace Rng.Tests.Distributions;

/// <summary>
/// The span forms read 256 draws at a time and hand the rest of a slow-path value to a reader that continues past the
/// block. These tests pick seeds whose first slow-path draw is exactly the block's last word, so the value straddles
/// the refill, and check the span form against the scalar form (which the NumPy vectors pin).
/// </summary>
public class ZigguratBlockBoundaryTests
{
    private const int BlockLength = 256;

    [Fact]
    public void Normal_span_equals_scalar_when_a_slow_path_straddles_a_block()
    {
        ulong seed = FindSeed(word =>
        {
            int idx = (int)(word & 0xff);
            ulong rabs = (word >> 9) & 0x000fffffffffffff;
            return rabs >= ZigguratTables.KiDouble[idx];
        });
        var span = new double[3 * BlockLength];
        new Generator(new Pcg64(seed)).StandardNormal(span);
        var scalar = new Generator(new Pcg64(seed));
        Assert.All(Enumerable.Range(0, span.Length), i => Assert.Equal(BitConverter.DoubleToUInt64Bits(scalar.StandardNormal()), BitConverter.DoubleToUInt64Bits(span[i])));
    }

    [Fact]
    public void Exponential_span_equals_scalar_when_a_slow_path_straddles_a_block()
    {
        ulong seed = FindSeed(word =>
        {
            ulong ri = word >> 3;
            int idx = (int)(ri & 0xff);
            ri >>= 8;
            return ri >= ZigguratTables.KeDouble[idx];
        });
        var span = new double[3 * BlockLength];
        new Generator(new Pcg64(seed)).StandardExponential(span);
        var scalar = new Generator(new Pcg64(seed));
        Assert.All(Enumerable.Range(0, span.Length), i => Assert.Equal(BitConverter.DoubleToUInt64Bits(scalar.StandardExponential()), BitConverter.DoubleToUInt64Bits(span[i])));
    }

    // The first seed whose first BlockLength draws are all fast-path draws except the last one.
    private static ulong FindSeed(Func<ulong, bool> isSlow)
    {
        for (ulong seed = 0; seed < 100_000; seed++)
        {
            var bitGenerator = new Pcg64(seed);
            int position = 0;
            while (position < BlockLength && !isSlow(bitGenerator.NextUInt64()))
            {
                position++;
            }

            if (position == BlockLength - 1)
            {
                return seed;
            }
        }

        throw new InvalidOperationException("no seed found");
    }
}
