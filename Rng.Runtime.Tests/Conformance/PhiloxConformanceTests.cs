using System.Numerics;
using System.Text.Json;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>
/// Philox against NumPy 1.24 (tools/numpy-vectors/bitgen_philox.py, NumPy's known-answer file), plus explicit keys and
/// counters, both Fill paths and bad input.
/// </summary>
public sealed class PhiloxConformanceTests : BitGeneratorConformanceTests<Philox, PhiloxState>
{
    private static readonly UInt128 SomeKey = new(0x0123456789ABCDEF, 0xFEDCBA9876543210);

    protected override string VectorFile => "bitgen_philox.json";

    protected override string KnownAnswerFile => "philox-testset-1.csv";

    protected override Func<Philox, BigInteger, Philox>? Advance => (generator, delta) => generator.Advance(delta);

    protected override Func<Philox, int, Philox>? Jumped => (generator, jumps) => generator.Jumped(jumps);

    protected override Philox Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Philox Create(ulong seed) => new(seed);

    protected override Philox Create(PhiloxState state) => new(state);

    protected override PhiloxState StateOf(Philox generator) => generator.State;

    [Fact]
    public void ExplicitKeyAndCounter_MatchNumPy_IncludingCounterWrap()
    {
        foreach (var testCase in Cases("explicit_key"))
        {
            var key = (UInt128)BigIntegerOf(testCase.GetProperty("key"));
            var counter = BigIntegerOf(testCase.GetProperty("counter"));
            var generator = Philox.FromKey(key, counter);
            Assert.Null(generator.SeedSequence);
            Assert.Equal(key, generator.Key);
            Assert.Equal(counter, generator.Counter);
            Assert.Equal(UInt64s(testCase.GetProperty("values")), NextUInt64s(generator, 12));
            Assert.Equal(StateFrom(testCase.GetProperty("state_after")), generator.State);
        }
    }

    [Fact]
    public void SeedWithCounter_MatchesNumPy()
    {
        foreach (var testCase in Cases("seed_and_counter"))
        {
            var counter = BigIntegerOf(testCase.GetProperty("counter"));
            var generator = new Philox(SeedSequenceOf(testCase.GetProperty("seed")), counter);
            Assert.Equal(counter, generator.Counter);
            Assert.Equal(UInt64s(testCase.GetProperty("values")), NextUInt64s(generator, 12));
        }
    }

    [Fact]
    public void BigIntegerSeed_MeansSeedSequenceOfThatSeed_WithOptionalCounter()
    {
        var seed = (BigInteger.One << 200) + 3;
        Assert.Equal(new Philox(new SeedSequence(seed)).State, new Philox(seed).State);
        Assert.Equal(new Philox(new SeedSequence(seed), 77).State, new Philox(seed, 77).State);
    }

    [Fact]
    public void Fill_EqualsScalarPath_AcrossCounterCarries()
    {
        AssertFillEqualsScalar(() => Philox.FromKey(99, ulong.MaxValue - 2), g => g.State);
        AssertFillEqualsScalar(() => Philox.FromKey(99, (BigInteger.One << 256) - 3), g => g.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LongFill_EqualsScalarPath_WithAndWithoutAvx512(bool useVector512)
    {
        // Lengths around the 64-value batches of the AVX-512 path, and counters whose low word carries inside or
        // just after the vector batches (the vector path stops before a carry; the scalar loop takes over).
        BigInteger[] counters = [0, ulong.MaxValue - 40, ulong.MaxValue - 16, (BigInteger.One << 256) - 100];
        foreach (var counter in counters)
        {
            foreach (int length in new[] { 63, 64, 65, 127, 128, 129, 1000, 4099 })
            {
                var scalar = Philox.FromKey(SomeKey, counter);
                var bulk = Philox.FromKey(SomeKey, counter);
                scalar.NextUInt64();
                bulk.NextUInt64();
                var expected = NextUInt64s(scalar, length);
                var actual = new ulong[length];
                bulk.Fill(actual, useVector512);
                Assert.Equal(expected, actual);
                Assert.Equal(scalar.State, bulk.State);
            }
        }
    }

    [Fact]
    public void JumpedBackThenForward_ReturnsToTheStart()
    {
        var start = new Philox(12345UL);
        var roundTrip = start.Jumped(-1).Jumped(1);
        Assert.Equal(start.State, roundTrip.State);
        Assert.Equal(NextUInt64s(start, 20), NextUInt64s(roundTrip, 20));
        Assert.Equal(start.Jumped(3).State, start.Jumped().Jumped(2).State);
    }

    [Fact]
    public void Advance_ByMinusOneBlock_RepeatsTheBlock_AndClearsTheBuffers()
    {
        var generator = new Philox(31UL);
        var firstBlock = NextUInt64s(generator, 4);
        generator.NextUInt32(); // starts the second block and buffers a half
        generator.Advance(-2);
        var state = generator.State;
        Assert.Equal(Philox.BufferSize, state.BufferPosition);
        Assert.All(state.Buffer, word => Assert.Equal(0UL, word));
        Assert.False(state.HasBufferedUInt32);
        Assert.Equal(0u, state.BufferedUInt32);
        Assert.Equal(firstBlock, NextUInt64s(generator, 4));
    }

    [Fact]
    public void State_IsASnapshot_NotALiveView()
    {
        var generator = new Philox(7UL);
        var snapshot = generator.State;
        snapshot.Counter[0] = 1000;
        snapshot.Buffer[0] = 1000;
        Assert.Equal(new Philox(7UL).State, generator.State);

        var given = new Philox(7UL).State;
        var resumed = new Philox(given);
        given.Key[0] ^= 1; // changing the array passed in must not reach the generator
        given.Counter[0] = 99;
        Assert.Equal(NextUInt64s(new Philox(7UL), 6), NextUInt64s(resumed, 6));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)] // 2^256, one past the top
    public void CounterOutOfRange_IsRejected_NamingTheArgument(int which)
    {
        var counter = which < 0 ? BigInteger.MinusOne : BigInteger.One << 256;
        var fromSeed = Assert.Throws<ArgumentOutOfRangeException>(() => new Philox(new BigInteger(1), counter));
        Assert.Equal("counter", fromSeed.ParamName);
        Assert.Contains("2^256", fromSeed.Message);
        Assert.Equal("counter", Assert.Throws<ArgumentOutOfRangeException>(() => Philox.FromKey(1, counter)).ParamName);
        Assert.Equal("counter", Assert.Throws<ArgumentOutOfRangeException>(() => new Philox(new SeedSequence(1), counter)).ParamName);
    }

    [Fact]
    public void NullAndNegativeArguments_AreRejected()
    {
        Assert.Equal("seedSequence", Assert.Throws<ArgumentNullException>(() => new Philox((SeedSequence)null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => new Philox((PhiloxState)null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Philox(new BigInteger(-5)));
        var generator = new Philox(1UL);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => generator.State = null!).ParamName);
    }

    public static TheoryData<string, PhiloxState> MalformedStates()
    {
        var good = new Philox(1UL).State;
        return new TheoryData<string, PhiloxState>
        {
            { "Counter", good with { Counter = [1, 2, 3] } },
            { "Counter", good with { Counter = null! } },
            { "Key", good with { Key = [1, 2, 3] } },
            { "Key", good with { Key = null! } },
            { "Buffer", good with { Buffer = [] } },
            { "Buffer", good with { Buffer = null! } },
            { "BufferPosition", good with { BufferPosition = -1 } },
            { "BufferPosition", good with { BufferPosition = 5 } },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedStates))]
    public void MalformedState_IsRejected_NamingTheField(string field, PhiloxState state)
    {
        var generator = new Philox(1UL);
        var before = generator.State;
        var ex = Assert.ThrowsAny<ArgumentException>(() => generator.State = state);
        Assert.Contains($"PhiloxState.{field}", ex.Message);
        Assert.Equal(before, generator.State); // a rejected state changes nothing
        Assert.ThrowsAny<ArgumentException>(() => new Philox(state));
    }

    [Theory]
    [InlineData("""{"counter":[0,0,0,0],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false}""")]
    [InlineData("""{"counter":[0,0,0,0],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false,"bufferedUInt32":0,"extra":1}""")]
    [InlineData("""{"counter":[0,0,0,-1],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false,"bufferedUInt32":0}""")]
    [InlineData("""{"counter":[0,0,0,0],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false,"bufferedUInt32":4294967296}""")]
    public void MalformedJson_FailsToLoad(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PhiloxState>(json));

    [Fact]
    public void Json_UsesTheDocumentedShape()
    {
        var state = JsonSerializer.Deserialize<PhiloxState>(
            """{"counter":[0,0,0,0],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false,"bufferedUInt32":0}""")!;
        Assert.Equal(Philox.FromKey(new UInt128(2, 1)).State, state);
    }
}
