using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;
using static Rng.Tests.Conformance.BitGeneratorVectorHelpers;

namespace Rng.Tests.Conformance;

/*
 * The contract every bit generator meets against NumPy 1.24, replayed from one vector file per generator
 * (Rng.Runtime.Tests/Vectors/bitgen_<name>.json, written by tools/numpy-vectors/bitgen_<name>.py) and NumPy's
 * known-answer CSV. To add a generator: write the script (bitgen_pcg.py is a template; import spawn_cases from it),
 * then a sealed subclass overriding the abstract members below.
 *
 * JSON shape (conventions of tools/numpy-vectors/bitgen_more_helpers.py):
 *   Seed   = {"entropy": "<decimal>", "spawn_key": [uint, ...]}      the generator is BitGen(SeedSequence(entropy, spawn_key))
 *   Ops    = ["u32" | "u64" | "f64", ...]                            bit_generator.ctypes next_uint32 / next_uint64 / next_double
 *   Values = [uint64, ...]                                           JSON numbers; an "f64" value is the double's IEEE-754 bits
 *   State  = the generator's state record exactly as System.Text.Json writes it (TState), e.g. for Pcg64State
 *            {"state": "<decimal>", "increment": "<decimal>", "hasBufferedUInt32": bool, "bufferedUInt32": uint}
 *   {
 *     "numpy_version": "1.24.2", "generator": "<NumPy class name>",
 *     "raw":                 [{"seed": Seed, "values": Values}],              random_raw(n): RawDraws / RawFill
 *     "state_after_seeding": [{"seed": Seed, "state": State}],
 *     "interleaved":         [{"seed": Seed, "ops": Ops, "values": Values, "state_after": State (optional)}],
 *     "state_after_draws":   [{"seed": Seed, "ops": Ops, "state": State}],
 *     "advance":             [{"seed": Seed, "ops_before": Ops, "delta": "<decimal, may be negative>",
 *                              "state_after": State, "next": Values}],       present iff the generator has Advance
 *     "jumped":              [{"seed": Seed, "ops_before": Ops, "jumps": [int, ...] (applied in turn),
 *                              "state_after": State, "next": Values}],       present iff the generator has Jumped
 *     "spawn":               [{"seed": Seed,
 *                              "spawns": [{"count": n, "children": [{"spawn_key": [..], "values": Values}]}],
 *                              "grandchildren": {"child_spawn_key": [..], "count": n, "children": [...]}}]
 *   }
 * "spawn" replays NumPy 1.25's bit_generator.spawn(n) (type(bg)(s) for s in bg._seed_seq.spawn(n)): the calls in
 * "spawns" are made one after another on one generator; the grandchildren come from Spawn(1) (the next child) then
 * that child's Spawn(count).
 */

/// <summary>
/// The NumPy conformance suite shared by every bit generator; one sealed subclass per algorithm supplies the
/// vector file and how to build, snapshot and restore the generator. The JSON shape is documented above.
/// </summary>
/// <typeparam name="TGenerator">The bit generator under test.</typeparam>
/// <typeparam name="TState">Its state record (value equality, System.Text.Json round trip).</typeparam>
public abstract class BitGeneratorConformanceTests<TGenerator, TState>
    where TGenerator : BitGenerator
    where TState : class
{
    private JsonElement? _vectors;

    /// <summary>The vector file under Vectors/, e.g. "bitgen_pcg64.json".</summary>
    protected abstract string VectorFile { get; }

    /// <summary>NumPy's known-answer CSV under Vectors/numpy-known-answers/, e.g. "pcg64-testset-1.csv".</summary>
    protected abstract string KnownAnswerFile { get; }

    /// <summary>Advance(delta) for generators that have it (returning the generator it was called on), else null.</summary>
    protected virtual Func<TGenerator, BigInteger, TGenerator>? Advance => null;

    /// <summary>Jumped(jumps) for generators that have it, else null.</summary>
    protected virtual Func<TGenerator, int, TGenerator>? Jumped => null;

    /// <summary>The vector file's root.</summary>
    protected JsonElement Vectors => _vectors ??= VectorFiles.LoadJson(VectorFile).RootElement;

    /// <summary>The public constructor from a <see cref="SeedSequence"/>.</summary>
    protected abstract TGenerator Create(SeedSequence seedSequence);

    /// <summary>The public constructor from a 64-bit integer seed.</summary>
    protected abstract TGenerator Create(ulong seed);

    /// <summary>The public constructor from a state snapshot.</summary>
    protected abstract TGenerator Create(TState state);

    /// <summary>Reads the generator's State.</summary>
    protected abstract TState StateOf(TGenerator generator);

    /// <summary>NumPy's random_raw(count) through the scalar path; generators with 32-bit raw output (MT19937) override it.</summary>
    protected virtual ulong[] RawDraws(TGenerator generator, int count) => NextUInt64s(generator, count);

    /// <summary>NumPy's random_raw(count) through the bulk path.</summary>
    protected virtual ulong[] RawFill(TGenerator generator, int count)
    {
        var values = new ulong[count];
        generator.Fill(values);
        return values;
    }

    [Fact]
    public void KnownAnswers_MatchNumPy()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers(KnownAnswerFile);
        Assert.Equal(expected, RawDraws(Create(seed), expected.Length));
        Assert.Equal(expected, RawFill(Create(seed), expected.Length));
    }

    [Fact]
    public void RawDraws_MatchNumPy_ForEverySeed()
    {
        foreach (var testCase in Cases("raw"))
        {
            var expected = UInt64s(testCase.GetProperty("values"));
            Assert.Equal(expected, RawDraws(CreateFromSpec(testCase), expected.Length));
            Assert.Equal(expected, RawFill(CreateFromSpec(testCase), expected.Length));
        }
    }

    [Fact]
    public void StateAfterSeeding_MatchesNumPy()
    {
        foreach (var testCase in Cases("state_after_seeding"))
        {
            Assert.Equal(StateFrom(testCase.GetProperty("state")), StateOf(CreateFromSpec(testCase)));
        }
    }

    [Fact]
    public void InterleavedDraws_MatchNumPy()
    {
        foreach (var testCase in Cases("interleaved"))
        {
            var generator = CreateFromSpec(testCase);
            Assert.Equal(UInt64s(testCase.GetProperty("values")), Draw(generator, Strings(testCase.GetProperty("ops"))));
            if (testCase.TryGetProperty("state_after", out var state))
            {
                Assert.Equal(StateFrom(state), StateOf(generator));
            }
        }
    }

    [Fact]
    public void StateAfterDraws_MatchesNumPy()
    {
        foreach (var testCase in Cases("state_after_draws"))
        {
            var generator = CreateFromSpec(testCase);
            Draw(generator, Strings(testCase.GetProperty("ops")));
            Assert.Equal(StateFrom(testCase.GetProperty("state")), StateOf(generator));
        }
    }

    [Fact]
    public void Advance_MatchesNumPy_ForSmallHugeAndNegativeDeltas()
    {
        if (Advance is not { } advance)
        {
            Assert.False(Vectors.TryGetProperty("advance", out _), "The vectors test advance, but the subclass gives no Advance.");
            return;
        }

        foreach (var testCase in Cases("advance"))
        {
            var generator = CreateFromSpec(testCase);
            Draw(generator, Strings(testCase.GetProperty("ops_before")));
            Assert.Same(generator, advance(generator, BigIntegerOf(testCase.GetProperty("delta"))));
            Assert.Equal(StateFrom(testCase.GetProperty("state_after")), StateOf(generator));
            Assert.Equal(UInt64s(testCase.GetProperty("next")), RawDraws(generator, 12));
        }
    }

    [Fact]
    public void Jumped_MatchesNumPy_AndLeavesTheSourceAlone()
    {
        if (Jumped is not { } jump)
        {
            Assert.False(Vectors.TryGetProperty("jumped", out _), "The vectors test jumped, but the subclass gives no Jumped.");
            return;
        }

        foreach (var testCase in Cases("jumped"))
        {
            var source = CreateFromSpec(testCase);
            Draw(source, Strings(testCase.GetProperty("ops_before")));
            var before = StateOf(source);
            var jumped = source;
            foreach (int jumps in Int32s(testCase.GetProperty("jumps")))
            {
                jumped = jump(jumped, jumps);
            }

            Assert.Equal(before, StateOf(source));
            Assert.NotSame(source, jumped);
            Assert.Null(jumped.SeedSequence);
            Assert.Equal(StateFrom(testCase.GetProperty("state_after")), StateOf(jumped));
            Assert.Equal(UInt64s(testCase.GetProperty("next")), RawDraws(jumped, 12));
        }
    }

    [Fact]
    public void Spawn_MatchesNumPy_ChildrenAndGrandchildren()
    {
        foreach (var testCase in Cases("spawn"))
        {
            var parent = CreateFromSpec(testCase);
            foreach (var spawn in testCase.GetProperty("spawns").EnumerateArray())
            {
                AssertChildren(spawn, parent.Spawn(spawn.GetProperty("count").GetInt32()));
            }

            var grandchildren = testCase.GetProperty("grandchildren");
            var child = parent.Spawn(1)[0];
            Assert.Equal(UInt64s(grandchildren.GetProperty("child_spawn_key")).Select(k => new BigInteger(k)), child.SeedSequence!.SpawnKey);
            AssertChildren(grandchildren, child.Spawn(grandchildren.GetProperty("count").GetInt32()));
        }
    }

    [Fact]
    public void Spawn_WithoutASeedSequence_ThrowsInvalidOperation()
    {
        var resumed = Create(StateOf(Create(5UL)));
        Assert.Null(resumed.SeedSequence);
        var ex = Assert.Throws<InvalidOperationException>(() => resumed.Spawn(1));
        Assert.Contains("SeedSequence", ex.Message);
    }

    [Fact]
    public void Spawn_NegativeCount_IsRejected_AndZeroGivesNothing()
    {
        var generator = Create(5UL);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => generator.Spawn(-1));
        Assert.Equal("count", ex.ParamName);
        Assert.Empty(generator.Spawn(0));
        Assert.Equal(0, generator.SeedSequence!.ChildrenSpawned);
    }

    [Fact]
    public void IntegerSeed_MeansSeedSequenceOfThatSeed()
    {
        foreach (ulong seed in new[] { 0UL, 12345UL, ulong.MaxValue })
        {
            var expected = RawDraws(Create(new SeedSequence(seed)), 9);
            Assert.Equal(expected, RawDraws(Create(seed), 9));
            Assert.Equal(StateOf(Create(new SeedSequence(seed))), StateOf(Create(seed)));
        }
    }

    [Fact]
    public void Fill_EqualsScalarPath_ForEveryLengthAndOffset() =>
        AssertFillEqualsScalar(() => Create(12345UL), StateOf);

    [Fact]
    public void State_JsonRoundTrip_ContinuesTheStream() =>
        AssertJsonRoundTripContinues(Create(2024UL), StateOf, Create);

    [Fact]
    public void State_Setter_And_StateConstructor_ResumeTheStream()
    {
        var generator = Create(7UL);
        generator.NextUInt64();
        generator.NextUInt32(); // a buffered half travels with the state
        var saved = StateOf(generator);
        var ops = Enumerable.Range(0, 30).Select(i => (i % 3) switch { 0 => "u32", 1 => "f64", _ => "u64" }).ToArray();
        var expected = Draw(generator, ops);
        Assert.Equal(expected, Draw(Create(saved), ops));
        var other = Create(8UL);
        SetState(other, saved);
        Assert.Equal(expected, Draw(other, ops));
    }

    /// <summary>Assigns the State property (found by reflection so subclasses need not repeat it).</summary>
    protected static void SetState(TGenerator generator, TState state) =>
        typeof(TGenerator).GetProperty("State")!.SetValue(generator, state);

    /// <summary>The array under <paramref name="section"/>, which must be present and non-empty.</summary>
    protected IEnumerable<JsonElement> Cases(string section)
    {
        Assert.True(Vectors.TryGetProperty(section, out var cases), $"{VectorFile} has no \"{section}\" section.");
        Assert.NotEqual(0, cases.GetArrayLength());
        return cases.EnumerateArray();
    }

    /// <summary>A generator built as NumPy built the case's: from its "seed" spec.</summary>
    protected TGenerator CreateFromSpec(JsonElement testCase) => Create(SeedSequenceOf(testCase.GetProperty("seed")));

    /// <summary>A state record read from the vector file with the record's own JSON contract.</summary>
    protected static TState StateFrom(JsonElement element) => element.Deserialize<TState>()!;

    private void AssertChildren(JsonElement spawn, BitGenerator[] children)
    {
        var expected = spawn.GetProperty("children").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, children.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var child = Assert.IsType<TGenerator>(children[i]);
            Assert.Equal(UInt64s(expected[i].GetProperty("spawn_key")).Select(k => new BigInteger(k)), child.SeedSequence!.SpawnKey);
            var values = UInt64s(expected[i].GetProperty("values"));
            Assert.Equal(values, RawDraws(child, values.Length));
        }
    }
}
