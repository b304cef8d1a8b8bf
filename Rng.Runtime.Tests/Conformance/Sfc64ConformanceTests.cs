using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>Sfc64 against NumPy 1.24: tools/numpy-vectors/bitgen_sfc64.py and NumPy's known-answer file.</summary>
public sealed class Sfc64ConformanceTests
{
    private static readonly JsonElement Vectors = VectorFiles.LoadJson("bitgen_sfc64.json").RootElement;

    [Fact]
    public void KnownAnswers_MatchNumPy()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("sfc64-testset-1.csv");
        Assert.Equal(expected, NextUInt64s(new Sfc64(seed), expected.Length));
        var filled = new ulong[expected.Length];
        new Sfc64(seed).Fill(filled);
        Assert.Equal(expected, filled);
    }

    [Fact]
    public void RawDraws_MatchNumPy_ForEverySeed()
    {
        foreach (var testCase in Vectors.GetProperty("raw").EnumerateArray())
        {
            var expected = UInt64s(testCase.GetProperty("values"));
            Assert.Equal(expected, NextUInt64s(new Sfc64(SeedSequenceOf(testCase.GetProperty("seed"))), expected.Length));
            var filled = new ulong[expected.Length];
            new Sfc64(SeedSequenceOf(testCase.GetProperty("seed"))).Fill(filled);
            Assert.Equal(expected, filled);
        }
    }

    [Fact]
    public void StateAfterSeeding_MatchesNumPy()
    {
        // Checks a, b, c from GenerateState64(3), the counter starting at 1 and NumPy's 12 discarded rounds.
        foreach (var testCase in Vectors.GetProperty("state_after_seeding").EnumerateArray())
        {
            var generator = new Sfc64(SeedSequenceOf(testCase.GetProperty("seed")));
            Assert.Equal(Deserialize<Sfc64State>(testCase.GetProperty("state")), generator.State);
        }
    }

    [Fact]
    public void InterleavedDraws_MatchNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("interleaved").EnumerateArray())
        {
            var generator = new Sfc64(SeedSequenceOf(testCase.GetProperty("seed")));
            Assert.Equal(UInt64s(testCase.GetProperty("values")), Draw(generator, Strings(testCase.GetProperty("ops"))));
            Assert.Equal(Deserialize<Sfc64State>(testCase.GetProperty("state_after")), generator.State);
        }
    }

    [Fact]
    public void StateAfterDraws_MatchesNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("state_after_draws").EnumerateArray())
        {
            var generator = new Sfc64(SeedSequenceOf(testCase.GetProperty("seed")));
            Draw(generator, Strings(testCase.GetProperty("ops")));
            Assert.Equal(Deserialize<Sfc64State>(testCase.GetProperty("state")), generator.State);
        }
    }

    [Fact]
    public void IntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        var expected = NextUInt64s(new Sfc64(new SeedSequence(12345)), 9);
        Assert.Equal(expected, NextUInt64s(new Sfc64(12345UL), 9));
        Assert.Equal(expected, NextUInt64s(new Sfc64(new BigInteger(12345)), 9));
    }

    [Fact]
    public void Fill_EqualsScalarPath_ForEveryLengthAndOffset() =>
        AssertFillEqualsScalar(() => new Sfc64(12345UL), g => g.State);

    [Fact]
    public void State_JsonRoundTrip_ContinuesTheStream() =>
        AssertJsonRoundTripContinues(new Sfc64(2024UL), g => g.State, s => new Sfc64(s));

    [Fact]
    public void State_Setter_ResumesTheStream_AndIsASnapshot()
    {
        var generator = new Sfc64(7UL);
        generator.NextUInt32();
        var saved = generator.State;
        var expected = Draw(generator, ["u32", "u32", "u64", "f64"]);
        var other = new Sfc64(8UL);
        other.State = saved;
        saved.State[0] ^= 1; // changing the array afterwards must not reach the generator
        Assert.Equal(expected, Draw(other, ["u32", "u32", "u64", "f64"]));
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Equal("seedSequence", Assert.Throws<ArgumentNullException>(() => new Sfc64((SeedSequence)null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => new Sfc64((Sfc64State)null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sfc64(new BigInteger(-5)));
        var generator = new Sfc64(1UL);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => generator.State = null!).ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    [InlineData(5)]
    public void MalformedState_IsRejected_NamingTheField(int? words)
    {
        var state = new Sfc64(1UL).State with { State = words is null ? null! : new ulong[words.Value] };
        var generator = new Sfc64(1UL);
        var before = generator.State;
        var ex = Assert.ThrowsAny<ArgumentException>(() => generator.State = state);
        Assert.Contains("Sfc64State.State", ex.Message);
        Assert.Equal(before, generator.State);
        Assert.ThrowsAny<ArgumentException>(() => new Sfc64(state));
    }

    [Theory]
    [InlineData("""{"state":[1,2,3,4],"hasBufferedUInt32":false}""")]
    [InlineData("""{"state":[1,2,3,4],"hasBufferedUInt32":false,"bufferedUInt32":0,"inc":1}""")]
    [InlineData("""{"state":[1,2,3,-4],"hasBufferedUInt32":false,"bufferedUInt32":0}""")]
    [InlineData("""{"hasBufferedUInt32":false,"bufferedUInt32":0}""")]
    public void MalformedJson_FailsToLoad(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sfc64State>(json));
}
