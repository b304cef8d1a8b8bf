using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;

namespace Rng.Tests;

/// <summary>SeedSequence against NumPy 1.24: tools/numpy-vectors/seedsequence.py.</summary>
public sealed class SeedSequenceConformanceTests
{
    private static readonly JsonElement Vectors = VectorFiles.LoadJson("seedsequence.json").RootElement;

    [Fact]
    public void GenerateState_MatchesNumPy_ForEveryEntropySpawnKeyAndPoolSize()
    {
        int cases = 0;
        foreach (var testCase in Vectors.GetProperty("generate_state").EnumerateArray())
        {
            var sequence = Build(testCase);
            Assert.Equal(UInt32s(testCase.GetProperty("uint32")), sequence.GenerateState(19));
            Assert.Equal(UInt64s(testCase.GetProperty("uint64")), sequence.GenerateState64(9));
            cases++;
        }

        Assert.Equal(300, cases);
    }

    [Fact]
    public void EveryIntegerOverload_MeansTheSameAsTheBigIntegerOne()
    {
        foreach (var testCase in Vectors.GetProperty("generate_state").EnumerateArray())
        {
            var entropy = Integers(testCase.GetProperty("entropy"));
            var spawnKey = Integers(testCase.GetProperty("spawn_key"));
            int poolSize = testCase.GetProperty("pool_size").GetInt32();
            var expected = UInt32s(testCase.GetProperty("uint32"));
            bool fitsUInt64 = entropy.All(e => e <= ulong.MaxValue);
            bool fitsInt64 = entropy.All(e => e <= long.MaxValue);
            bool fitsInt32 = entropy.All(e => e <= int.MaxValue);
            if (!testCase.GetProperty("is_list").GetBoolean())
            {
                if (fitsUInt64)
                {
                    Assert.Equal(expected, new SeedSequence((ulong)entropy[0], spawnKey, poolSize).GenerateState(19));
                }

                if (fitsInt64)
                {
                    Assert.Equal(expected, new SeedSequence((long)entropy[0], spawnKey, poolSize).GenerateState(19));
                }

                if (fitsInt32)
                {
                    Assert.Equal(expected, new SeedSequence((int)entropy[0], spawnKey, poolSize).GenerateState(19));
                }

                continue;
            }

            Assert.Equal(expected, new SeedSequence(entropy.AsSpan(), spawnKey, poolSize).GenerateState(19));
            if (fitsUInt64)
            {
                var words = entropy.Select(e => (ulong)e).ToArray();
                Assert.Equal(expected, new SeedSequence(words, spawnKey, poolSize).GenerateState(19));
                Assert.Equal(expected, new SeedSequence((ReadOnlySpan<ulong>)words, spawnKey, poolSize).GenerateState(19));
            }

            if (fitsInt64)
            {
                Assert.Equal(expected, new SeedSequence(entropy.Select(e => (long)e).ToArray(), spawnKey, poolSize).GenerateState(19));
            }

            if (fitsInt32)
            {
                Assert.Equal(expected, new SeedSequence(entropy.Select(e => (int)e).ToArray(), spawnKey, poolSize).GenerateState(19));
            }
        }
    }

    [Fact]
    public void GenerateState_MatchesNumPy_ForEveryWordCount()
    {
        var sequence = new SeedSequence(12345, [1, 2]);
        foreach (var testCase in Vectors.GetProperty("word_counts").EnumerateArray())
        {
            int count = testCase.GetProperty("n_words").GetInt32();
            Assert.Equal(UInt32s(testCase.GetProperty("uint32")), sequence.GenerateState(count));
            Assert.Equal(UInt64s(testCase.GetProperty("uint64")), sequence.GenerateState64(count));
        }
    }

    [Fact]
    public void Spawn_MatchesNumPy_ChildrenGrandchildrenAndCounters()
    {
        foreach (var testCase in Vectors.GetProperty("spawn").EnumerateArray())
        {
            var root = Build(testCase);
            var first = root.Spawn(3);
            var second = root.Spawn(2);
            var grandchildren = first[1].Spawn(2);
            var great = grandchildren[0].Spawn(1);
            AssertDescribed(testCase.GetProperty("first"), first);
            AssertDescribed(testCase.GetProperty("second"), second);
            AssertDescribed(testCase.GetProperty("root_after"), root);
            AssertDescribed(testCase.GetProperty("child_1_after"), first[1]);
            AssertDescribed(testCase.GetProperty("grandchildren_of_child_1"), grandchildren);
            AssertDescribed(testCase.GetProperty("great_grandchild"), great[0]);
        }
    }

    [Fact]
    public void ToString_IsNumPysRepr_AndParseRoundTrips()
    {
        foreach (var testCase in Vectors.GetProperty("repr").EnumerateArray())
        {
            string repr = testCase.GetProperty("repr").GetString()!;
            var sequence = Build(testCase);
            sequence.Spawn(testCase.GetProperty("n_children_spawned").GetInt32());
            Assert.Equal(repr, sequence.ToString());

            var parsed = SeedSequence.Parse(repr);
            Assert.Equal(repr, parsed.ToString());
            Assert.Equal(sequence.GenerateState(8), parsed.GenerateState(8));
            Assert.Equal(sequence.Spawn(1)[0].GenerateState(4), parsed.Spawn(1)[0].GenerateState(4));
        }
    }

    private static void AssertDescribed(JsonElement expected, SeedSequence[] actual)
    {
        var cases = expected.EnumerateArray().ToArray();
        Assert.Equal(cases.Length, actual.Length);
        for (int i = 0; i < cases.Length; i++)
        {
            AssertDescribed(cases[i], actual[i]);
        }
    }

    private static void AssertDescribed(JsonElement expected, SeedSequence actual)
    {
        Assert.Equal(Integers(expected.GetProperty("spawn_key")), actual.SpawnKey);
        Assert.Equal(expected.GetProperty("n_children_spawned").GetInt32(), actual.ChildrenSpawned);
        Assert.Equal(UInt32s(expected.GetProperty("state")), actual.GenerateState(4));
        Assert.Equal(expected.GetProperty("repr").GetString(), actual.ToString());
    }

    private static SeedSequence Build(JsonElement testCase)
    {
        var entropy = Integers(testCase.GetProperty("entropy"));
        var spawnKey = Integers(testCase.GetProperty("spawn_key"));
        int poolSize = testCase.GetProperty("pool_size").GetInt32();
        return testCase.GetProperty("is_list").GetBoolean()
            ? new SeedSequence(entropy, spawnKey, poolSize)
            : new SeedSequence(Assert.Single(entropy), spawnKey, poolSize);
    }

    private static BigInteger[] Integers(JsonElement array) =>
        array.EnumerateArray().Select(e => BigInteger.Parse(e.GetString()!)).ToArray();

    private static uint[] UInt32s(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt32()).ToArray();

    private static ulong[] UInt64s(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt64()).ToArray();
}
