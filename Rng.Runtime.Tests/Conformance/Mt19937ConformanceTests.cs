using System.Numerics;
using System.Text.Json;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>
/// Mt19937 against NumPy 1.24 (tools/numpy-vectors/bitgen_mt19937.py, NumPy's known-answer file): NumPy's
/// random_raw gives the 32-bit twister outputs, so raw draws go through NextUInt32 and Fill(Span&lt;uint&gt;).
/// </summary>
public sealed class Mt19937ConformanceTests : BitGeneratorConformanceTests<Mt19937, Mt19937State>
{
    protected override string VectorFile => "bitgen_mt19937.json";

    protected override string KnownAnswerFile => "mt19937-testset-1.csv";

    protected override Func<Mt19937, int, Mt19937>? Jumped => (generator, jumps) => generator.Jumped(jumps);

    protected override Mt19937 Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Mt19937 Create(ulong seed) => new(seed);

    protected override Mt19937 Create(Mt19937State state) => new(state);

    protected override Mt19937State StateOf(Mt19937 generator) => generator.State;

    protected override ulong[] RawDraws(Mt19937 generator, int count) => Raw(generator, count);

    protected override ulong[] RawFill(Mt19937 generator, int count)
    {
        var values = new uint[count];
        generator.Fill(values);
        return values.Select(v => (ulong)v).ToArray();
    }

    [Fact]
    public void Fill64_JoinsPairsOfRawOutputs_FirstOneHigh()
    {
        var testCase = Cases("raw").First();
        var raw = UInt64s(testCase.GetProperty("values"));
        var filled = new ulong[raw.Length / 2];
        new Mt19937(SeedSequenceOf(testCase.GetProperty("seed"))).Fill(filled);
        Assert.Equal(Enumerable.Range(0, filled.Length).Select(i => (raw[2 * i] << 32) | raw[(2 * i) + 1]), filled);
    }

    [Fact]
    public void NextUInt32_BuffersNothing()
    {
        var generator = new Mt19937(99UL);
        var raw = Raw(new Mt19937(99UL), 3);
        Assert.Equal(raw[0], generator.NextUInt32());
        Assert.Equal((raw[1] << 32) | raw[2], generator.NextUInt64());
    }

    [Fact]
    public void NextDouble_Uses27And26BitsOfTwoOutputs()
    {
        var raw = Raw(new Mt19937(99UL), 2);
        double expected = (((raw[0] >> 5) * 67108864.0) + (raw[1] >> 6)) / 9007199254740992.0;
        Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), BitConverter.DoubleToUInt64Bits(new Mt19937(99UL).NextDouble()));
    }

    [Fact]
    public void JumpedByZeroOrNegative_IsAnUnjumpedCopy_AsInNumPy()
    {
        // NumPy 1.24 loops `for i in range(jumps)`, so jumps <= 0 jump nothing: MT19937 cannot jump backwards.
        var source = new Mt19937(12345UL);
        Raw(source, 3);
        Assert.Equal(source.State, source.Jumped(0).State);
        Assert.Equal(source.State, source.Jumped(-1).State);
        Assert.Equal(source.Jumped(1).State, source.Jumped(-1).Jumped(1).State);
        Assert.Equal(source.Jumped(3).State, source.Jumped().Jumped(2).State);
    }

    [Fact]
    public void Fill_EqualsScalarPath_AroundARegeneration()
    {
        // Positions near the end of the key, so that pairs straddle a regeneration or start exactly on one.
        foreach (int position in new[] { 622, 624 })
        {
            AssertFillEqualsScalar(
                () => new Mt19937(new Mt19937State { Key = new Mt19937(5UL).State.Key, Position = position }), g => g.State);
        }
    }

    [Fact]
    public void Fill32_EqualsScalarPath_ForLengthsAroundTheStateSize()
    {
        foreach (int lead in new[] { 0, 1, 300, 623 })
        {
            foreach (int length in new[] { 0, 1, 2, 7, 8, 9, 623, 624, 625, 1249, 1900 })
            {
                var scalar = new Mt19937(3UL);
                var bulk = new Mt19937(3UL);
                Raw(scalar, lead);
                Raw(bulk, lead);
                var expected = Raw(scalar, length);
                var filled = new uint[length + 1];
                bulk.Fill(filled.AsSpan(1));
                Assert.Equal(expected, filled.Skip(1).Select(v => (ulong)v));
                Assert.Equal(scalar.State, bulk.State);
            }
        }
    }

    [Fact]
    public void BigIntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        var seed = (BigInteger.One << 200) + 3;
        Assert.Equal(new Mt19937(new SeedSequence(seed)).State, new Mt19937(seed).State);
    }

    [Fact]
    public void State_IsASnapshot_NotALiveView()
    {
        var generator = new Mt19937(7UL);
        generator.State.Key[5] ^= 1;
        Assert.Equal(new Mt19937(7UL).State, generator.State);
        var given = new Mt19937(7UL).State;
        var resumed = new Mt19937(given);
        given.Key[623] ^= 1; // changing the array passed in must not reach the generator
        Assert.Equal(Raw(new Mt19937(7UL), 3), Raw(resumed, 3));
    }

    [Fact]
    public void NullAndNegativeArguments_AreRejected()
    {
        Assert.Equal("seedSequence", Assert.Throws<ArgumentNullException>(() => new Mt19937((SeedSequence)null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => new Mt19937((Mt19937State)null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mt19937(new BigInteger(-5)));
        var generator = new Mt19937(1UL);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => generator.State = null!).ParamName);
    }

    public static TheoryData<string, Mt19937State> MalformedStates()
    {
        var good = new Mt19937(1UL).State;
        return new TheoryData<string, Mt19937State>
        {
            { "Key", good with { Key = null! } },
            { "Key", good with { Key = new uint[623] } },
            { "Key", good with { Key = new uint[625] } },
            { "Position", good with { Position = -1 } },
            { "Position", good with { Position = 625 } },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedStates))]
    public void MalformedState_IsRejected_NamingTheField(string field, Mt19937State state)
    {
        var generator = new Mt19937(1UL);
        var before = generator.State;
        var ex = Assert.ThrowsAny<ArgumentException>(() => generator.State = state);
        Assert.Contains($"Mt19937State.{field}", ex.Message);
        Assert.Equal(before, generator.State);
        Assert.ThrowsAny<ArgumentException>(() => new Mt19937(state));
    }

    [Theory]
    [InlineData("""{"key":[1,2]}""")]
    [InlineData("""{"pos":3}""")]
    [InlineData("""{"key":[1,-2],"pos":3}""")]
    [InlineData("""{"key":[1,4294967296],"pos":3}""")]
    [InlineData("""{"key":[1,2],"pos":3,"extra":true}""")]
    public void MalformedJson_FailsToLoad(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Mt19937State>(json));

    private static ulong[] Raw(Mt19937 generator, int count) =>
        Enumerable.Range(0, count).Select(_ => (ulong)generator.NextUInt32()).ToArray();
}
