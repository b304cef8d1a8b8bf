using System.Numerics;
using System.Text.Json;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>Sfc64 against NumPy 1.24 (tools/numpy-vectors/bitgen_sfc64.py, NumPy's known-answer file), plus bad input.</summary>
public sealed class Sfc64ConformanceTests : BitGeneratorConformanceTests<Sfc64, Sfc64State>
{
    protected override string VectorFile => "bitgen_sfc64.json";

    protected override string KnownAnswerFile => "sfc64-testset-1.csv";

    protected override Sfc64 Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Sfc64 Create(ulong seed) => new(seed);

    protected override Sfc64 Create(Sfc64State state) => new(state);

    protected override Sfc64State StateOf(Sfc64 generator) => generator.State;

    [Fact]
    public void BigIntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        var seed = (BigInteger.One << 200) + 3;
        Assert.Equal(new Sfc64(new SeedSequence(seed)).State, new Sfc64(seed).State);
    }

    [Fact]
    public void State_IsASnapshot_NotALiveView()
    {
        var generator = new Sfc64(7UL);
        generator.NextUInt32();
        var saved = generator.State;
        var ops = new[] { "u32", "u32", "u64", "f64" };
        var expected = Draw(generator, ops);
        var other = new Sfc64(8UL);
        other.State = saved;
        saved.State[0] ^= 1; // changing the array afterwards must not reach the generator
        Assert.Equal(expected, Draw(other, ops));
    }

    [Fact]
    public void NullAndNegativeArguments_AreRejected()
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
