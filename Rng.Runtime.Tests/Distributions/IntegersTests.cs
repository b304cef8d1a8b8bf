namespace Rng.Tests.Distributions;

/// <summary>
/// Integers: bulk equals repeated scalar for the 64- and 32-bit dtypes (NumPy's scalar call is its fill of one value,
/// and those fills keep no state between values), the documented uint8 difference, and argument checks.
/// </summary>
public class IntegersTests
{
    public static IEnumerable<object[]> LongRanges() => new[]
    {
        new object[] { 0L, 1L, false }, new object[] { 0L, 1000L, false }, new object[] { -5L, 5L, true },
        new object[] { 0L, (1L << 31) + 1, false }, new object[] { 0L, uint.MaxValue, true }, new object[] { 0L, 1L << 32, true },
        new object[] { long.MinValue, long.MaxValue, true }, new object[] { long.MinValue, long.MaxValue, false },
        new object[] { long.MinValue, 3L << 61, false }, new object[] { 7L, 7L, true },
    };

    public static IEnumerable<object[]> Lengths() => new[] { 0, 1, 2, 3, 5, 511, 512, 513, 3000 }.Select(n => new object[] { n });

    private static (Generator Bulk, Generator Scalar) Pair(int seed = 123)
    {
        var bulk = Generator.Create(seed);
        var scalar = Generator.Create(seed);
        Assert.Equal(bulk.BitGenerator.NextUInt32(), scalar.BitGenerator.NextUInt32()); // leave a spare half
        return (bulk, scalar);
    }

    private static void AssertSameStateAfter(Generator bulk, Generator scalar)
    {
        Assert.Equal(scalar.BitGenerator.NextUInt32(), bulk.BitGenerator.NextUInt32());
        Assert.Equal(scalar.BitGenerator.NextUInt64(), bulk.BitGenerator.NextUInt64());
    }

    [Theory]
    [MemberData(nameof(LongRanges))]
    public void Int64_BulkEqualsScalar(long low, long high, bool endpoint)
    {
        foreach (int length in new[] { 1, 2, 7, 600, 2000 })
        {
            var (bulk, scalar) = Pair(length);
            var values = new long[length];
            bulk.Integers(low, high, values, endpoint);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(scalar.Integers(low, high, endpoint), values[i]);
            }

            AssertSameStateAfter(bulk, scalar);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void OtherDtypes_BulkEqualsScalar(int length)
    {
        var (bulk, scalar) = Pair(length);
        var ints = new int[length];
        var uints = new uint[length];
        var ulongs = new ulong[length];
        bulk.Integers(int.MinValue + 3, int.MaxValue, ints);
        bulk.Integers(0u, uint.MaxValue, uints, endpoint: true);
        bulk.Integers(10UL, (3UL << 62) + 10, ulongs);
        Assert.All(ints, v => Assert.Equal(scalar.Integers(int.MinValue + 3, int.MaxValue), v));
        Assert.All(uints, v => Assert.Equal(scalar.Integers(0u, uint.MaxValue, endpoint: true), v));
        Assert.All(ulongs, v => Assert.Equal(scalar.Integers(10UL, (3UL << 62) + 10), v));
        AssertSameStateAfter(bulk, scalar);
    }

    [Fact]
    public void Bytes_ScalarTakesAFresh32BitDrawEachCall_BulkUsesAllFourBytes()
    {
        // NumPy's uint8 buffer lives for one call: a scalar call uses the low byte(s) of a new 32-bit draw and drops
        // the rest, while a bulk call uses the bytes of each draw low byte first.
        var scalar = Generator.Create(3);
        var reference = Generator.Create(3);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal((byte)reference.BitGenerator.NextUInt32(), scalar.Integers((byte)0, (byte)255, endpoint: true));
        }

        var bulk = Generator.Create(3);
        reference = Generator.Create(3);
        var bytes = new byte[10];
        bulk.Integers((byte)0, (byte)255, bytes, endpoint: true);
        for (int word = 0; word < 3; word++)
        {
            uint draw = reference.BitGenerator.NextUInt32();
            for (int b = 0; b < 4 && 4 * word + b < 10; b++)
            {
                Assert.Equal((byte)(draw >> (8 * b)), bytes[4 * word + b]);
            }
        }
    }

    [Fact]
    public void FullRanges_AreTheRawDraws()
    {
        var g = Generator.Create(11);
        var reference = Generator.Create(11);
        Assert.Equal(reference.BitGenerator.NextUInt64(), g.Integers(0UL, ulong.MaxValue, endpoint: true));
        Assert.Equal((long)reference.BitGenerator.NextUInt64() + long.MinValue, g.Integers(long.MinValue, long.MaxValue, endpoint: true));
        Assert.Equal(reference.BitGenerator.NextUInt32(), g.Integers(0u, uint.MaxValue, endpoint: true));
        Assert.Equal(reference.BitGenerator.NextUInt32(), (uint)g.Integers(0L, 1L << 32));
    }

    [Fact]
    public void LowNotBelowHigh_IsRejectedWithNumPysMessage()
    {
        var g = Generator.Create(1);
        AssertLowHigh(() => g.Integers(5L, 5L), endpoint: false);
        AssertLowHigh(() => g.Integers(5L, 4L, endpoint: true), endpoint: true);
        AssertLowHigh(() => g.Integers(long.MinValue, long.MinValue), endpoint: false);
        AssertLowHigh(() => g.Integers(3L, 1L, new long[2]), endpoint: false);
        AssertLowHigh(() => g.Integers(0, 0), endpoint: false);
        AssertLowHigh(() => g.Integers(1, 0, new int[2], endpoint: true), endpoint: true);
        AssertLowHigh(() => g.Integers(0UL, 0UL), endpoint: false);
        AssertLowHigh(() => g.Integers(ulong.MaxValue, 0UL, new ulong[1], endpoint: true), endpoint: true);
        AssertLowHigh(() => g.Integers(9u, 2u), endpoint: false);
        AssertLowHigh(() => g.Integers(9u, 9u, new uint[1]), endpoint: false);
        AssertLowHigh(() => g.Integers((byte)0, (byte)0), endpoint: false);
        AssertLowHigh(() => g.Integers((byte)200, (byte)100, new byte[4], endpoint: true), endpoint: true);
        // Nothing was drawn by the failed calls.
        Assert.Equal(Generator.Create(1).Random(), g.Random());
    }

    private static void AssertLowHigh(Action call, bool endpoint)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("high", call);
        Assert.Contains(endpoint ? "low > high" : "low >= high", error.Message);
    }
}
