using System.Numerics;
using System.Text.Json;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/// <summary>
/// What NumPy cannot show about the two PCG generators (both Fill paths, Advance/Jumped round trips, argument checks,
/// the state's JSON shape), shared by <see cref="Pcg64ConformanceTests"/> and <see cref="Pcg64DxsmConformanceTests"/>.
/// Subclasses map each hook to the public member of the same name.
/// </summary>
/// <typeparam name="TGenerator">Pcg64 or Pcg64Dxsm.</typeparam>
/// <typeparam name="TState">Its state record.</typeparam>
public abstract class PcgConformanceTests<TGenerator, TState> : BitGeneratorConformanceTests<TGenerator, TState>
    where TGenerator : BitGenerator
    where TState : class
{
    /// <summary>The public constructor from an integer seed of any size.</summary>
    protected abstract TGenerator Create(BigInteger seed);

    /// <summary>The typed Spawn override.</summary>
    protected abstract TGenerator[] Spawn(TGenerator generator, int count);

    /// <summary>The State setter, called directly so its exceptions arrive unwrapped.</summary>
    protected abstract void AssignState(TGenerator generator, TState state);

    /// <summary>The internal FillScalarLanes.</summary>
    protected abstract void FillScalarLanes(TGenerator generator, Span<ulong> destination);

    /// <summary>The internal FillVector512.</summary>
    protected abstract void FillVector512(TGenerator generator, Span<ulong> destination);

    /// <summary>A state record built with an object initializer.</summary>
    protected abstract TState NewState(UInt128 state, UInt128 increment, bool hasBufferedUInt32, uint bufferedUInt32);

    /// <summary>A state record's members.</summary>
    protected abstract (UInt128 State, UInt128 Increment, bool HasBufferedUInt32, uint BufferedUInt32) PartsOf(TState state);

    [Fact]
    public void EveryFillPath_EqualsScalarPath()
    {
        AssertFillEqualsScalar(() => new ForcedPath(this, Create(12345UL), vector: false), g => g.State);
        if (Pcg64Vector512.IsSupported)
        {
            AssertFillEqualsScalar(() => new ForcedPath(this, Create(12345UL), vector: true), g => g.State);
        }
    }

    [Fact]
    public void EveryFillPath_EqualsScalarPath_ForLongSpans()
    {
        foreach (int length in new[] { 1000, 1023, 4099 })
        {
            var scalar = Create(99UL);
            var expected = NextUInt64s(scalar, length);
            var lanes = Create(99UL);
            var actual = new ulong[length];
            FillScalarLanes(lanes, actual);
            Assert.Equal(expected, actual);
            Assert.Equal(StateOf(scalar), StateOf(lanes));
            if (Pcg64Vector512.IsSupported)
            {
                var vector = Create(99UL);
                FillVector512(vector, actual);
                Assert.Equal(expected, actual);
                Assert.Equal(StateOf(scalar), StateOf(vector));
            }
        }
    }

    [Fact]
    public void JumpedBackThenForward_ReturnsToTheStart()
    {
        var start = Create(12345UL);
        var roundTrip = Jumped!(Jumped!(start, -1), 1);
        Assert.Equal(StateOf(start), StateOf(roundTrip));
        Assert.Equal(NextUInt64s(start, 20), NextUInt64s(roundTrip, 20));
        Assert.Equal(StateOf(Jumped!(start, 3)), StateOf(Jumped!(Jumped!(start, 1), 2)));
    }

    [Fact]
    public void Advance_ByMinusN_RepeatsTheLastNValues_AndClearsTheBufferedHalf()
    {
        var generator = Create(31UL);
        var values = NextUInt64s(generator, 5);
        generator.NextUInt32(); // a sixth draw, whose high half stays buffered
        Assert.True(PartsOf(StateOf(generator)).HasBufferedUInt32);
        Advance!(generator, -6);
        Assert.False(PartsOf(StateOf(generator)).HasBufferedUInt32);
        Assert.Equal(0u, PartsOf(StateOf(generator)).BufferedUInt32);
        Assert.Equal(values, NextUInt64s(generator, 5));
    }

    [Fact]
    public void Spawn_ReturnsTheGeneratorType_ThroughTheBaseToo()
    {
        TGenerator[] typed = Spawn(Create(1UL), 2);
        BitGenerator[] untyped = ((BitGenerator)Create(1UL)).Spawn(2);
        Assert.Equal(typed.Select(StateOf), untyped.Cast<TGenerator>().Select(StateOf));
    }

    [Fact]
    public void NullAndNegativeSeeds_AreRejected_NamingTheArgument()
    {
        Assert.Equal("seedSequence", Assert.Throws<ArgumentNullException>(() => Create((SeedSequence)null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => Create((TState)null!)).ParamName);
        Assert.Equal("entropy", Assert.Throws<ArgumentOutOfRangeException>(() => Create(new BigInteger(-5))).ParamName);
        var generator = Create(1UL);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => AssignState(generator, null!)).ParamName);
    }

    [Fact]
    public void EvenIncrement_IsRejected_NamingTheField_AndChangesNothing()
    {
        var generator = Create(1UL);
        var before = StateOf(generator);
        var parts = PartsOf(before);
        var bad = NewState(parts.State, parts.Increment - 1, parts.HasBufferedUInt32, parts.BufferedUInt32);
        var ex = Assert.Throws<ArgumentException>(() => AssignState(generator, bad));
        Assert.Contains("Increment", ex.Message);
        Assert.Contains("odd", ex.Message);
        Assert.Equal(before, StateOf(generator));
        Assert.Equal("value", ex.ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => Create(bad)).ParamName);
    }

    [Fact]
    public void StateJson_HasTheDocumentedShape()
    {
        var state = NewState(UInt128.MaxValue, 1, hasBufferedUInt32: true, bufferedUInt32: 7);
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
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TState>(json));
        Assert.True(ex.Message.Contains(field, StringComparison.Ordinal) || ex.Path == "$." + field,
            $"Neither the message nor the path names '{field}': {ex.Message} (path {ex.Path})");
    }

    /// <summary>A generator whose Fill takes one chosen path, so both are covered whatever the machine.</summary>
    private sealed class ForcedPath : BitGenerator
    {
        private readonly PcgConformanceTests<TGenerator, TState> _suite;
        private readonly TGenerator _inner;
        private readonly bool _vector;

        public ForcedPath(PcgConformanceTests<TGenerator, TState> suite, TGenerator inner, bool vector)
            : base(null)
        {
            _suite = suite;
            _inner = inner;
            _vector = vector;
        }

        public TState State => _suite.StateOf(_inner);

        public override ulong NextUInt64() => _inner.NextUInt64();

        public override uint NextUInt32() => _inner.NextUInt32();

        public override void Fill(Span<ulong> destination)
        {
            if (_vector)
            {
                _suite.FillVector512(_inner, destination);
            }
            else
            {
                _suite.FillScalarLanes(_inner, destination);
            }
        }

        private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => throw new NotSupportedException();
    }
}
