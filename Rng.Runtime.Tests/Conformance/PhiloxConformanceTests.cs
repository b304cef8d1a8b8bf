using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>Philox against NumPy 1.24: tools/numpy-vectors/bitgen_philox.py and NumPy's known-answer file.</summary>
public sealed class PhiloxConformanceTests
{
    private static readonly JsonElement Vectors = VectorFiles.LoadJson("bitgen_philox.json").RootElement;

    [Fact]
    public void KnownAnswers_MatchNumPy()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("philox-testset-1.csv");
        Assert.Equal(expected, NextUInt64s(new Philox(seed), expected.Length));
        var filled = new ulong[expected.Length];
        new Philox(seed).Fill(filled);
        Assert.Equal(expected, filled);
    }

    [Fact]
    public void RawDraws_MatchNumPy_ForEverySeed()
    {
        foreach (var testCase in Vectors.GetProperty("raw").EnumerateArray())
        {
            var expected = UInt64s(testCase.GetProperty("values"));
            var seedSequence = SeedSequenceOf(testCase.GetProperty("seed"));
            Assert.Equal(expected, NextUInt64s(new Philox(seedSequence), expected.Length));
            var filled = new ulong[expected.Length];
            new Philox(SeedSequenceOf(testCase.GetProperty("seed"))).Fill(filled);
            Assert.Equal(expected, filled);
        }
    }

    [Fact]
    public void InterleavedDraws_MatchNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("interleaved").EnumerateArray())
        {
            var generator = new Philox(SeedSequenceOf(testCase.GetProperty("seed")));
            Assert.Equal(UInt64s(testCase.GetProperty("values")), Draw(generator, Strings(testCase.GetProperty("ops"))));
            Assert.Equal(Deserialize<PhiloxState>(testCase.GetProperty("state_after")), generator.State);
        }
    }

    [Fact]
    public void StateAfterDraws_MatchesNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("state_after_draws").EnumerateArray())
        {
            var generator = new Philox(SeedSequenceOf(testCase.GetProperty("seed")));
            Draw(generator, Strings(testCase.GetProperty("ops")));
            Assert.Equal(Deserialize<PhiloxState>(testCase.GetProperty("state")), generator.State);
        }
    }

    [Fact]
    public void Advance_MatchesNumPy_ForSmallHugeAndNegativeDeltas()
    {
        foreach (var testCase in Vectors.GetProperty("advance").EnumerateArray())
        {
            var generator = new Philox(SeedSequenceOf(testCase.GetProperty("seed")));
            Draw(generator, Strings(testCase.GetProperty("ops_before")));
            Assert.Same(generator, generator.Advance(BigIntegerOf(testCase.GetProperty("delta"))));
            Assert.Equal(Deserialize<PhiloxState>(testCase.GetProperty("state_after")), generator.State);
            Assert.Equal(UInt64s(testCase.GetProperty("next")), NextUInt64s(generator, 12));
        }
    }

    [Fact]
    public void Jumped_MatchesNumPy_AndLeavesTheSourceAlone()
    {
        foreach (var testCase in Vectors.GetProperty("jumped").EnumerateArray())
        {
            var source = new Philox(SeedSequenceOf(testCase.GetProperty("seed")));
            Draw(source, Strings(testCase.GetProperty("ops_before")));
            var before = source.State;
            var jumped = source;
            foreach (int jumps in Int32s(testCase.GetProperty("jumps")))
            {
                jumped = jumped.Jumped(jumps);
            }

            Assert.Equal(before, source.State);
            Assert.Null(jumped.SeedSequence);
            Assert.Equal(Deserialize<PhiloxState>(testCase.GetProperty("state_after")), jumped.State);
            Assert.Equal(UInt64s(testCase.GetProperty("next")), NextUInt64s(jumped, 12));
        }
    }

    [Fact]
    public void ExplicitKeyAndCounter_MatchNumPy_IncludingCounterWrap()
    {
        foreach (var testCase in Vectors.GetProperty("explicit_key").EnumerateArray())
        {
            var key = (UInt128)BigIntegerOf(testCase.GetProperty("key"));
            var generator = Philox.FromKey(key, BigIntegerOf(testCase.GetProperty("counter")));
            Assert.Null(generator.SeedSequence);
            Assert.Equal(key, generator.Key);
            Assert.Equal(UInt64s(testCase.GetProperty("values")), NextUInt64s(generator, 12));
            Assert.Equal(Deserialize<PhiloxState>(testCase.GetProperty("state_after")), generator.State);
        }
    }

    [Fact]
    public void SeedWithCounter_MatchesNumPy()
    {
        foreach (var testCase in Vectors.GetProperty("seed_and_counter").EnumerateArray())
        {
            var counter = BigIntegerOf(testCase.GetProperty("counter"));
            var generator = new Philox(SeedSequenceOf(testCase.GetProperty("seed")), counter);
            Assert.Equal(counter, generator.Counter);
            Assert.Equal(UInt64s(testCase.GetProperty("values")), NextUInt64s(generator, 12));
        }
    }

    [Fact]
    public void IntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        var expected = NextUInt64s(new Philox(new SeedSequence(12345)), 9);
        Assert.Equal(expected, NextUInt64s(new Philox(12345UL), 9));
        Assert.Equal(expected, NextUInt64s(new Philox(new BigInteger(12345)), 9));
    }

    [Fact]
    public void Fill_EqualsScalarPath_ForEveryLengthAndOffset() =>
        AssertFillEqualsScalar(() => new Philox(12345UL), g => g.State);

    [Fact]
    public void Fill_EqualsScalarPath_AcrossACounterCarry()
    {
        // Counter 2^64 - 3: the word carry happens inside Fill's two-block loop.
        AssertFillEqualsScalar(() => Philox.FromKey(99, ulong.MaxValue - 2), g => g.State);
        AssertFillEqualsScalar(() => Philox.FromKey(99, (BigInteger.One << 256) - 3), g => g.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LongFill_EqualsScalarPath_WithAndWithoutAvx512(bool useVector512)
    {
        // Lengths around the 64-value batches of the AVX-512 path, and counters whose low word carries inside
        // or just after the vector batches (the vector path stops before a carry; the scalar loop takes over).
        BigInteger[] counters = [0, ulong.MaxValue - 40, ulong.MaxValue - 16, (BigInteger.One << 256) - 100];
        foreach (var counter in counters)
        {
            foreach (int length in new[] { 63, 64, 65, 127, 128, 129, 1000, 4099 })
            {
                var scalar = Philox.FromKey(new UInt128(0x0123456789ABCDEF, 0xFEDCBA9876543210), counter);
                var bulk = Philox.FromKey(new UInt128(0x0123456789ABCDEF, 0xFEDCBA9876543210), counter);
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
    public void State_JsonRoundTrip_ContinuesTheStream() =>
        AssertJsonRoundTripContinues(new Philox(2024UL), g => g.State, s => new Philox(s));

    [Fact]
    public void State_Setter_ResumesTheStream()
    {
        var generator = new Philox(7UL);
        generator.NextUInt32();
        var saved = generator.State;
        var expected = NextUInt64s(generator, 10);
        var other = new Philox(8UL);
        other.State = saved;
        Assert.Equal(expected, NextUInt64s(other, 10));
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

    [Fact]
    public void JumpedBackThenForward_ReturnsToTheStart()
    {
        var start = new Philox(12345UL);
        var roundTrip = start.Jumped(-1).Jumped(1);
        Assert.Equal(start.State, roundTrip.State);
        Assert.Equal(NextUInt64s(start, 20), NextUInt64s(roundTrip, 20));
    }

    [Fact]
    public void Advance_ByMinusOneBlock_RepeatsThePreviousBlock()
    {
        var generator = new Philox(31UL);
        var firstBlock = NextUInt64s(generator, 4);
        generator.Advance(-1);
        Assert.Equal(firstBlock, NextUInt64s(generator, 4));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)] // 2^256, one past the top
    public void CounterOutOfRange_IsRejected_NamingTheArgument(int which)
    {
        var counter = which < 0 ? BigInteger.MinusOne : BigInteger.One << 256;
        var ex1 = Assert.Throws<ArgumentOutOfRangeException>(() => new Philox(1UL, counter));
        Assert.Equal("counter", ex1.ParamName);
        Assert.Contains("2^256", ex1.Message);
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => Philox.FromKey(1, counter));
        Assert.Equal("counter", ex2.ParamName);
        var ex3 = Assert.Throws<ArgumentOutOfRangeException>(() => new Philox(new SeedSequence(1), counter));
        Assert.Equal("counter", ex3.ParamName);
    }

    [Fact]
    public void NullAndNegativeSeeds_AreRejected()
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
    public void ValidJson_Loads()
    {
        var state = JsonSerializer.Deserialize<PhiloxState>(
            """{"counter":[0,0,0,0],"key":[1,2],"buffer":[0,0,0,0],"bufferPosition":4,"hasBufferedUInt32":false,"bufferedUInt32":0}""")!;
        Assert.Equal(Philox.FromKey(new UInt128(2, 1)).State, state);
    }
}
