namespace Rng.Tests.Distributions;

/// <summary>
/// Random, RandomSingle, Uniform and Bytes: bulk forms equal repeated scalar calls (as NumPy's size=n equals n
/// size=None calls for these methods), whatever the spare 32-bit half, and argument checks.
/// </summary>
public class UniformTests
{
    public static IEnumerable<object[]> Lengths() =>
        new[] { 0, 1, 2, 3, 7, 8, 9, 1023, 1024, 1025, 5000 }.SelectMany(n => new[] { new object[] { n, false }, new object[] { n, true } });

    private static (Generator Bulk, Generator Scalar) Pair(bool spareHalf, int seed = 77)
    {
        var bulk = Generator.Create(seed);
        var scalar = Generator.Create(seed);
        if (spareHalf)
        {
            Assert.Equal(bulk.BitGenerator.NextUInt32(), scalar.BitGenerator.NextUInt32());
        }

        return (bulk, scalar);
    }

    private static void AssertSameStateAfter(Generator bulk, Generator scalar)
    {
        Assert.Equal(scalar.BitGenerator.NextUInt32(), bulk.BitGenerator.NextUInt32());
        Assert.Equal(scalar.BitGenerator.NextUInt64(), bulk.BitGenerator.NextUInt64());
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RandomDoubles_BulkEqualsScalar(int length, bool spareHalf)
    {
        var (bulk, scalar) = Pair(spareHalf);
        var values = new double[length];
        bulk.Random(values);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Random()), BitConverter.DoubleToInt64Bits(values[i]));
        }

        AssertSameStateAfter(bulk, scalar);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RandomSingles_BulkEqualsScalar(int length, bool spareHalf)
    {
        var (bulk, scalar) = Pair(spareHalf);
        var values = new float[length + 1];
        bulk.Random(values.AsSpan(1)); // an odd offset: the span need not be 8-byte aligned
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(scalar.RandomSingle()), BitConverter.SingleToInt32Bits(values[i + 1]));
        }

        Assert.Equal(0f, values[0]);
        AssertSameStateAfter(bulk, scalar);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Uniform_BulkEqualsScalar(int length, bool spareHalf)
    {
        var (bulk, scalar) = Pair(spareHalf);
        var values = new double[length];
        bulk.Uniform(-2.5, 1e10, values);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Uniform(-2.5, 1e10)), BitConverter.DoubleToInt64Bits(values[i]));
        }

        AssertSameStateAfter(bulk, scalar);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Bytes_SpanEqualsNumPysDefinition(int length, bool spareHalf)
    {
        // NumPy: integers(0, 2**32, size=ceil(length / 4), dtype=np.uint32) as little-endian bytes, cut to length.
        var (bulk, scalar) = Pair(spareHalf);
        var bytes = new byte[length + 3];
        bulk.Bytes(bytes.AsSpan(3, length));
        var words = new uint[Math.Max(1, (length + 3) / 4)];
        scalar.Integers(0u, uint.MaxValue, words, endpoint: true);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal((byte)(words[i / 4] >> (8 * (i % 4))), bytes[3 + i]);
        }

        AssertSameStateAfter(bulk, scalar);
    }

    [Fact]
    public void Uniform_EqualBounds_ReturnLowAndStillDraw()
    {
        var (bulk, scalar) = Pair(false);
        Assert.Equal(5.0, bulk.Uniform(5.0, 5.0));
        scalar.Random();
        AssertSameStateAfter(bulk, scalar);
    }

    [Theory]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(-1e308, 1e308)]
    public void Uniform_NonFiniteRange_IsRejected(double low, double high)
    {
        var generator = Generator.Create(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>("high", () => generator.Uniform(low, high));
        Assert.Contains("high - low range exceeds valid bounds", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>("high", () => generator.Uniform(low, high, new double[3]));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, -0.0)]
    [InlineData(-1.0, -2.0)]
    public void Uniform_NegativeRange_IsRejected(double low, double high)
    {
        var generator = Generator.Create(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>("high", () => generator.Uniform(low, high));
        Assert.Contains("high - low < 0", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>("high", () => generator.Uniform(low, high, new double[3]));
    }

    [Fact]
    public void Bytes_NegativeLength_IsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("length", () => Generator.Create(1).Bytes(-1));
        Assert.Contains("non-negative", error.Message);
    }

    [Fact]
    public void Mt19937_UsesItsOwnDoubleAndNative32BitDraws()
    {
        // MT19937's next_double and next_uint32 are not derived from next_uint64: the bulk paths must not assume so.
        var bulk = new Generator(new Mt19937(new SeedSequence(9)));
        var scalar = new Generator(new Mt19937(new SeedSequence(9)));
        var doubles = new double[100];
        var singles = new float[101];
        bulk.Random(doubles);
        bulk.Random(singles);
        Assert.All(doubles, d => Assert.Equal(scalar.Random(), d));
        Assert.All(singles, f => Assert.Equal(scalar.RandomSingle(), f));
        AssertSameStateAfter(bulk, scalar);
    }
}
