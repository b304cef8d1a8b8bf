using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>Mt19937 against NumPy 1.24: tools/numpy-vectors/bitgen_mt19937.py and NumPy's known-answer file.</summary>
public sealed class Mt19937ConformanceTests
{
    private static readonly JsonElement Vectors = VectorFiles.LoadJson("bitgen_mt19937.json").RootElement;

    // NumPy's MT19937.random_raw gives the 32-bit twister outputs.
    private static ulong[] Raw(Mt19937 generator, int count) =>
        Enumerable.Range(0, count).Select(_ => (ulong)generator.NextUInt32()).ToArray();

    [Fact]
    public void KnownAnswers_MatchNumPy()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("mt19937-testset-1.csv");
        Assert.Equal(expected, Raw(new Mt19937(seed), expected.Length));
        var filled = new uint[expected.Length];
        new Mt19937(seed).Fill(filled);
        Assert.Equal(expected, filled.Select(v => (ulong)v).ToArray());
    }

    [Fact]
    public void RawDraws_MatchNumPy_ForEverySeed()
    {
        foreach (var testCase in Vectors.GetProperty("raw").EnumerateArray())
        {
            var expected = UInt64s(testCase.GetProperty("values"));
            Assert.Equal(expected, Raw(new Mt19937(SeedSequenceOf(testCase.GetProperty("seed"))), expected.Length));
            var filled = new uint[expected.Length];
            new Mt19937(SeedSequenceOf(testCase.GetProperty("seed"))).Fill(filled);
            Assert.Equal(expected, filled.Select(v => (ulong)v).ToArray());
        }
    }

    [Fact]
    public void Fill64_JoinsPairsOfRawOutputs_FirstOneHigh()
    {
        var testCase = Vectors.GetProperty("raw")[1];
        var raw = UInt64s(testCase.GetProperty("values"));
        var filled = new ulong[raw.Length / 2];
        new Mt19937(SeedSequenceOf(testCase.GetProperty("seed"))).Fill(filled);
        Assert.Equal(Enumerable.Range(0, filled.Length).Select(i => (raw[2 * i] << 32) | raw[(2 * i) + 1]), filled);
    }

    [Fact]
    public void StateAfterSeeding_MatchesNumPy()
    {
        // Word 0 is 0x80000000, words 1..623 come from GenerateState(624), and the position is 623.
        foreach (var testCase in Vectors.GetProperty("state_after_seeding").EnumerateArray())
        {
            var generator = new Mt19937(SeedSequenceOf(testCase.GetProperty("seed")));
            Assert.Equal(Deserialize<Mt19937State>(testCase.GetProperty("state")), generator.State);
        }
    }

    [Fact]
    public void InterleavedDraws_MatchNumPy_AcrossARegeneration()
    {
        foreach (var testCase in Vectors.GetProperty("interleaved").EnumerateArray())
        {
            var generator = new Mt19937(SeedSequenceOf(testCase.GetProperty("seed")));
            Assert.Equal(UInt64s(testCase.GetProperty("values")), Draw(generator, Strings(testCase.GetProperty("ops"))));
            Assert.Equal(testCase.GetProperty("pos_after").GetInt32(), generator.State.Position);
        }
    }

    [Fact]
    public void StateAfterDraws_MatchesNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("state_after_draws").EnumerateArray())
        {
            var generator = new Mt19937(SeedSequenceOf(testCase.GetProperty("seed")));
            Draw(generator, Strings(testCase.GetProperty("ops")));
            Assert.Equal(Deserialize<Mt19937State>(testCase.GetProperty("state")), generator.State);
        }
    }

    [Fact]
    public void Jumped_MatchesNumPy_WordForWord_AndLeavesTheSourceAlone()
    {
        // Includes NumPy 1.24's behaviour for jumps <= 0: the copy is not jumped at all.
        foreach (var testCase in Vectors.GetProperty("jumped").EnumerateArray())
        {
            var source = new Mt19937(SeedSequenceOf(testCase.GetProperty("seed")));
            Raw(source, testCase.GetProperty("raw_before").GetInt32());
            var before = source.State;
            var jumped = source;
            foreach (int jumps in Int32s(testCase.GetProperty("jumps")))
            {
                jumped = jumped.Jumped(jumps);
            }

            Assert.Equal(before, source.State);
            Assert.Null(jumped.SeedSequence);
            Assert.Equal(Deserialize<Mt19937State>(testCase.GetProperty("state_after")), jumped.State);
            Assert.Equal(UInt64s(testCase.GetProperty("next")), Raw(jumped, 12));
        }
    }

    [Fact]
    public void JumpedByZeroOrNegative_IsAnUnjumpedCopy_AsInNumPy()
    {
        var source = new Mt19937(12345UL);
        Raw(source, 3);
        Assert.Equal(source.State, source.Jumped(0).State);
        Assert.Equal(source.State, source.Jumped(-1).State);
        Assert.Equal(source.Jumped(1).State, source.Jumped(-1).Jumped(1).State);
    }

    [Fact]
    public void IntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        var expected = Raw(new Mt19937(new SeedSequence(12345)), 9);
        Assert.Equal(expected, Raw(new Mt19937(12345UL), 9));
        Assert.Equal(expected, Raw(new Mt19937(new BigInteger(12345)), 9));
    }

    [Fact]
    public void NextDouble_Uses27And26BitsOfTwoOutputs()
    {
        var raw = Raw(new Mt19937(99UL), 2);
        double expected = (((raw[0] >> 5) * 67108864.0) + (raw[1] >> 6)) / 9007199254740992.0;
        Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), BitConverter.DoubleToUInt64Bits(new Mt19937(99UL).NextDouble()));
    }

    [Fact]
    public void Fill_EqualsScalarPath_ForEveryLengthAndOffset()
    {
        AssertFillEqualsScalar(() => new Mt19937(12345UL), g => g.State);
        // Positions near the end of the key, so that pairs straddle a regeneration or start exactly on one.
        foreach (int position in new[] { 622, 624 })
        {
            AssertFillEqualsScalar(() => new Mt19937(new Mt19937State { Key = new Mt19937(5UL).State.Key, Position = position }), g => g.State);
        }
    }

    [Fact]
    public void Fill32_EqualsScalarPath_ForLengthsAroundTheStateSize()
    {
        foreach (int lead in new[] { 0, 1, 300, 623 })
        {
            foreach (int length in new[] { 0, 1, 2, 623, 624, 625, 1249, 1900 })
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
    public void State_JsonRoundTrip_ContinuesTheStream() =>
        AssertJsonRoundTripContinues(new Mt19937(2024UL), g => g.State, s => new Mt19937(s));

    [Fact]
    public void NullArguments_AreRejected()
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
}
