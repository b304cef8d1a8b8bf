using System.Numerics;
using System.Text.Json;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>PCG64 against NumPy 1.24 (tools/numpy-vectors/bitgen_pcg.py, NumPy's known-answer file), plus what NumPy cannot show.</summary>
public sealed class Pcg64ConformanceTests : BitGeneratorConformanceTests<Pcg64, Pcg64State>
{
    protected override string VectorFile => "bitgen_pcg64.json";

    protected override string KnownAnswerFile => "pcg64-testset-1.csv";

    protected override Func<Pcg64, BigInteger, Pcg64>? Advance => (generator, delta) => generator.Advance(delta);

    protected override Func<Pcg64, int, Pcg64>? Jumped => (generator, jumps) => generator.Jumped(jumps);

    protected override Pcg64 Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Pcg64 Create(ulong seed) => new(seed);

    protected override Pcg64 Create(Pcg64State state) => new(state);

    protected override Pcg64State StateOf(Pcg64 generator) => generator.State;

    [Fact]
    public void EveryFillPath_EqualsScalarPath()
    {
        AssertFillEqualsScalar(() => new ForcedPath(12345UL, vector: false), g => g.State);
        if (Pcg64Vector512.IsSupported)
        {
            AssertFillEqualsScalar(() => new ForcedPath(12345UL, vector: true), g => g.State);
        }
    }

    [Fact]
    public void EveryFillPath_EqualsScalarPath_ForLongSpans()
    {
        foreach (int length in new[] { 1000, 1023, 4099 })
        {
            var scalar = new Pcg64(99UL);
            var expected = NextUInt64s(scalar, length);
            var lanes = new Pcg64(99UL);
            var actual = new ulong[length];
            lanes.FillScalarLanes(actual);
            Assert.Equal(expected, actual);
            Assert.Equal(scalar.State, lanes.State);
            if (Pcg64Vector512.IsSupported)
            {
                var vector = new Pcg64(99UL);
                vector.FillVector512(actual);
                Assert.Equal(expected, actual);
                Assert.Equal(scalar.State, vector.State);
            }
        }
    }

    [Fact]
    public void JumpedBackThenForward_ReturnsToTheStart()
    {
        var start = new Pcg64(12345UL);
        var roundTrip = start.Jumped(-1).Jumped(1);
        Assert.Equal(start.State, roundTrip.State);
        Assert.Equal(NextUInt64s(start, 20), NextUInt64s(roundTrip, 20));
        Assert.Equal(start.Jumped(3).State, start.Jumped().Jumped(2).State);
    }

    [Fact]
    public void Advance_ByMinusN_RepeatsTheLastNValues_AndClearsTheBufferedHalf()
    {
        var generator = new Pcg64(31UL);
        var values = NextUInt64s(generator, 5);
        generator.NextUInt32(); // a sixth draw, whose high half stays buffered
        Assert.True(generator.State.HasBufferedUInt32);
        generator.Advance(-6);
        Assert.False(generator.State.HasBufferedUInt32);
        Assert.Equal(0u, generator.State.BufferedUInt32);
        Assert.Equal(values, NextUInt64s(generator, 5));
    }

    [Fact]
    public void Spawn_ReturnsPcg64s_ThroughTheBaseToo()
    {
        Pcg64[] typed = new Pcg64(1UL).Spawn(2);
        BitGenerator[] untyped = ((BitGenerator)new Pcg64(1UL)).Spawn(2);
        Assert.Equal(typed.Select(g => g.State), untyped.Cast<Pcg64>().Select(g => g.State));
    }

    [Fact]
    public void NullAndNegativeSeeds_AreRejected_NamingTheArgument()
    {
        Assert.Equal("seedSequence", Assert.Throws<ArgumentNullException>(() => new Pcg64((SeedSequence)null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => new Pcg64((Pcg64State)null!)).ParamName);
        Assert.Equal("entropy", Assert.Throws<ArgumentOutOfRangeException>(() => new Pcg64(new BigInteger(-5))).ParamName);
        var generator = new Pcg64(1UL);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => generator.State = null!).ParamName);
    }

    [Fact]
    public void EvenIncrement_IsRejected_NamingTheField_AndChangesNothing()
    {
        var generator = new Pcg64(1UL);
        var before = generator.State;
        var bad = before with { Increment = before.Increment - 1 };
        var ex = Assert.Throws<ArgumentException>(() => generator.State = bad);
        Assert.Contains("Increment", ex.Message);
        Assert.Contains("odd", ex.Message);
        Assert.Equal(before, generator.State);
        Assert.Equal("value", ex.ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => new Pcg64(bad)).ParamName);
    }

    [Fact]
    public void StateJson_HasTheDocumentedShape()
    {
        var state = new Pcg64State { State = UInt128.MaxValue, Increment = 1, HasBufferedUInt32 = true, BufferedUInt32 = 7 };
        Assert.Equal(
            """{"state":"340282366920938463463374607431768211455","increment":"1","hasBufferedUInt32":true,"bufferedUInt32":7}""",
            JsonSerializer.Serialize(state));
    }

    [Theory]
    [InlineData("""{"increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"5","hasBufferedUInt32":false,"bufferedUInt32":0}""", "increment")]
    [InlineData("""{"state":"5","increment":"1","bufferedUInt32":0}""", "hasBufferedUInt32")]
    [InlineData("""{"state":"5","increment":"1","hasBufferedUInt32":false}""", "bufferedUInt32")]
    [InlineData("""{"state":"5","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0,"inc":1}""", "inc")]
    [InlineData("""{"state":5,"increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"-5","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"0x5","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":" 5","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"340282366920938463463374607431768211456","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":0}""", "state")]
    [InlineData("""{"state":"5","increment":"1","hasBufferedUInt32":false,"bufferedUInt32":4294967296}""", "bufferedUInt32")]
    [InlineData("""{"state":"5","increment":"1","hasBufferedUInt32":1,"bufferedUInt32":0}""", "hasBufferedUInt32")]
    public void MalformedJson_FailsToLoad_NamingTheField(string json, string field)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Pcg64State>(json));
        Assert.True(ex.Message.Contains(field, StringComparison.Ordinal) || ex.Path == "$." + field,
            $"Neither the message nor the path names '{field}': {ex.Message} (path {ex.Path})");
    }

    /// <summary>A Pcg64 whose Fill takes one chosen path, so both are covered whatever the machine.</summary>
    private sealed class ForcedPath : BitGenerator
    {
        private readonly Pcg64 _inner;
        private readonly bool _vector;

        public ForcedPath(ulong seed, bool vector)
            : base(null)
        {
            _inner = new Pcg64(seed);
            _vector = vector;
        }

        public Pcg64State State => _inner.State;

        public override ulong NextUInt64() => _inner.NextUInt64();

        public override uint NextUInt32() => _inner.NextUInt32();

        public override void Fill(Span<ulong> destination)
        {
            if (_vector)
            {
                _inner.FillVector512(destination);
            }
            else
            {
                _inner.FillScalarLanes(destination);
            }
        }

        private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => throw new NotSupportedException();
    }
}
