using System.Numerics;
using System.Text.Json;

namespace Rng.Tests;

/// <summary>SeedSequence overloads, argument checks, text and JSON round trips: what NumPy's vectors cannot show.</summary>
public sealed class SeedSequenceApiTests
{
    [Fact]
    public void ListEntropy_FromAnyIntegerArray_MeansNumPysList()
    {
        int workerId = 3, rootSeed = 20261122;
        long longWorker = 3, longRoot = 20261122;
        ulong ulongWorker = 3, ulongRoot = 20261122;
        var expected = new SeedSequence(new BigInteger[] { 3, 20261122 }).GenerateState(8);
        Assert.Equal(expected, new SeedSequence(new[] { workerId, rootSeed }).GenerateState(8));
        Assert.Equal(expected, new SeedSequence(new[] { longWorker, longRoot }).GenerateState(8));
        Assert.Equal(expected, new SeedSequence(new[] { ulongWorker, ulongRoot }).GenerateState(8));
        Assert.Equal(expected, new SeedSequence(stackalloc ulong[] { 3, 20261122 }).GenerateState(8));
        Assert.Equal(expected, new SeedSequence([3UL, 20261122UL]).GenerateState(8));
        Assert.True(new SeedSequence(new[] { workerId, rootSeed }).IsEntropyList);

        // NumPy's [5] and 5 mix to the same pool but print differently, and so do ours.
        Assert.Equal("SeedSequence(\n    entropy=[5],\n)", new SeedSequence(new[] { 5 }).ToString());
        Assert.Equal("SeedSequence(\n    entropy=5,\n)", new SeedSequence(5).ToString());
        Assert.Equal(new SeedSequence(5).GenerateState(4), new SeedSequence(new[] { 5 }).GenerateState(4));
    }

    [Fact]
    public void BigSeeds_AreNotTruncated()
    {
        var big = (BigInteger.One << 200) + 5;
        var sequence = new SeedSequence(big);
        Assert.Equal(big, Assert.Single(sequence.Entropy));
        Assert.NotEqual(new SeedSequence(5).GenerateState(4), sequence.GenerateState(4));
        Assert.NotEqual(new SeedSequence(BigInteger.One << 200).GenerateState(4), sequence.GenerateState(4));
    }

    [Fact]
    public void OsEntropy_Is128Bits_AndReproducibleFromEntropy()
    {
        var first = new SeedSequence();
        var second = new SeedSequence();
        Assert.False(first.IsEntropyList);
        Assert.InRange(Assert.Single(first.Entropy), BigInteger.Zero, (BigInteger.One << 128) - 1);
        Assert.NotEqual(first.Entropy[0], second.Entropy[0]); // fails with probability 2^-128
        Assert.Equal(first.GenerateState(4), new SeedSequence(first.Entropy[0]).GenerateState(4));
    }

    [Fact]
    public void EntropyAndSpawnKey_CannotBeChangedThroughTheirViews()
    {
        var sequence = new SeedSequence(new[] { 1, 2 }).Spawn(1)[0];
        Assert.Throws<NotSupportedException>(() => ((IList<BigInteger>)sequence.Entropy)[0] = 9);
        Assert.Throws<NotSupportedException>(() => ((IList<BigInteger>)sequence.SpawnKey)[0] = 9);
    }

    [Fact]
    public void NegativeEntropy_IsRejected_WithNumPysMessage()
    {
        AssertNegative(() => new SeedSequence(-1), "entropy");
        AssertNegative(() => new SeedSequence(-1L), "entropy");
        AssertNegative(() => new SeedSequence(new BigInteger(-1)), "entropy");
        AssertNegative(() => new SeedSequence(new[] { 1, -1 }), "entropy", "element 1");
        AssertNegative(() => new SeedSequence(new[] { 1L, -1L }), "entropy", "element 1");
        AssertNegative(() => new SeedSequence(new BigInteger[] { -1 }), "entropy", "element 0");
        AssertNegative(() => new SeedSequence((ReadOnlySpan<BigInteger>)new BigInteger[] { 0, 0, -7 }), "entropy", "element 2");
    }

    [Fact]
    public void NegativeSpawnKey_IsRejected_WithNumPysMessage()
    {
        AssertNegative(() => new SeedSequence(5, [1, -1]), "spawnKey", "element 1");
        AssertNegative(() => new SeedSequence(5UL, [-1]), "spawnKey", "element 0");
        AssertNegative(() => new SeedSequence(new[] { 5 }, [-1]), "spawnKey", "element 0");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-4)]
    public void SmallPool_IsRejected_WithNumPysMessage(int poolSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(5, poolSize: poolSize));
        Assert.Equal("poolSize", ex.ParamName);
        Assert.Contains("The size of the entropy pool should be at least 4", ex.Message);
        Assert.Equal("poolSize", Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(new[] { 5 }, poolSize: poolSize)).ParamName);
    }

    [Fact]
    public void NullArrays_AreRejected()
    {
        Assert.Equal("entropy", Assert.Throws<ArgumentNullException>(() => new SeedSequence((int[])null!)).ParamName);
        Assert.Equal("entropy", Assert.Throws<ArgumentNullException>(() => new SeedSequence((long[])null!)).ParamName);
        Assert.Equal("entropy", Assert.Throws<ArgumentNullException>(() => new SeedSequence((ulong[])null!)).ParamName);
        Assert.Equal("entropy", Assert.Throws<ArgumentNullException>(() => new SeedSequence((BigInteger[])null!)).ParamName);
    }

    [Fact]
    public void NegativeCounts_AreRejected()
    {
        var sequence = new SeedSequence(5);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.GenerateState(-1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.GenerateState64(-1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.GenerateState64((int.MaxValue / 2) + 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Spawn(-1)).ParamName);
        Assert.Equal(0, sequence.ChildrenSpawned);
        Assert.Empty(sequence.Spawn(0));
        Assert.Equal(0, sequence.ChildrenSpawned);
    }

    [Fact]
    public void SpawnCounter_CannotOverflow()
    {
        var sequence = SeedSequence.Parse($"SeedSequence(entropy=5, n_children_spawned={int.MaxValue - 1})");
        Assert.Equal(int.MaxValue - 1, Assert.Single(sequence.Spawn(1)).SpawnKey[0]);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Spawn(1)).ParamName);
        Assert.Equal(int.MaxValue, sequence.ChildrenSpawned);
    }

    [Theory]
    [InlineData("SeedSequence(entropy=5)")]
    [InlineData("  SeedSequence (\r\n entropy = [ 1 , 2 ] , spawn_key = ( 3 , ) ,\tpool_size=8 , n_children_spawned = 2 )  ")]
    [InlineData("SeedSequence(entropy=(1, 2), spawn_key=[3])")]
    [InlineData("SeedSequence(spawn_key=(), entropy=[],)")]
    public void Parse_IsWhitespaceAndOrderTolerant(string text)
    {
        var parsed = SeedSequence.Parse(text);
        Assert.Equal(parsed.ToString(), SeedSequence.Parse(parsed.ToString()).ToString());
        Assert.True(SeedSequence.TryParse(text, out var again));
        Assert.Equal(parsed.GenerateState(6), again.GenerateState(6));
    }

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var parsed = SeedSequence.Parse("SeedSequence(entropy=[1, 2], spawn_key=(3,), pool_size=8, n_children_spawned=2)");
        Assert.Equal(new BigInteger[] { 1, 2 }, parsed.Entropy);
        Assert.True(parsed.IsEntropyList);
        Assert.Equal(new BigInteger[] { 3 }, parsed.SpawnKey);
        Assert.Equal(8, parsed.PoolSize);
        Assert.Equal(2, parsed.ChildrenSpawned);
        Assert.Equal(new SeedSequence(new[] { 1, 2 }, [3], 8).GenerateState(5), parsed.GenerateState(5));
        Assert.Equal(new BigInteger[] { 3, 2 }, parsed.Spawn(1)[0].SpawnKey);
    }

    [Theory]
    [InlineData("", "position 0")]
    [InlineData("Seed", "expected 'SeedSequence'")]
    [InlineData("SeedSequence(", "the end of the text")]
    [InlineData("SeedSequence(entropy=5", "the end of the text")]
    [InlineData("SeedSequence()", "'entropy' is missing")]
    [InlineData("SeedSequence(spawn_key=(1,))", "'entropy' is missing")]
    [InlineData("SeedSequence(entropy=-5)", "non-negative integer")]
    [InlineData("SeedSequence(entropy=1.5)", "expected ','")]
    [InlineData("SeedSequence(entropy=0x10)", "expected ','")]
    [InlineData("SeedSequence(entropy=[1,,2])", "non-negative integer")]
    [InlineData("SeedSequence(entropy=[1, 2)", "expected ','")]
    [InlineData("SeedSequence(entropy=5, seed=1)", "unknown field 'seed'")]
    [InlineData("SeedSequence(entropy=5, entropy=6)", "appears twice")]
    [InlineData("SeedSequence(entropy=5, spawn_key=7)", "expected '[' or '('")]
    [InlineData("SeedSequence(entropy=5, pool_size=3)", "at least 4")]
    [InlineData("SeedSequence(entropy=5, pool_size=99999999999)", "pool_size must be at most")]
    [InlineData("SeedSequence(entropy=5, n_children_spawned=2147483648)", "n_children_spawned must be at most")]
    [InlineData("SeedSequence(entropy=5) extra", "after the closing ')'")]
    [InlineData("Philox(entropy=5)", "expected 'SeedSequence'")]
    public void Parse_RejectsMalformedText_SayingWhatWasExpected(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => SeedSequence.Parse(text));
        Assert.Contains(expected, ex.Message);
        Assert.False(SeedSequence.TryParse(text, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Parse_RejectsNull()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SeedSequence.Parse(null!)).ParamName);
        Assert.False(SeedSequence.TryParse(null, out _));
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var child = new SeedSequence((BigInteger.One << 100) + 1, poolSize: 8).Spawn(2)[1];
        child.Spawn(3);
        Assert.Equal(
            """{"entropy":["1267650600228229401496703205377"],"isList":false,"spawnKey":["1"],"poolSize":8,"childrenSpawned":3}""",
            JsonSerializer.Serialize(child));
        Assert.Equal(
            """{"entropy":["1","2"],"isList":true,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""",
            JsonSerializer.Serialize(new SeedSequence(new[] { 1, 2 })));
    }

    [Fact]
    public void Json_RoundTrip_RebuildsAChildThatSpawnsOnWhereItLeftOff()
    {
        var root = new SeedSequence(new[] { 7, 20261122 }, poolSize: 5);
        var child = root.Spawn(3)[2];
        child.Spawn(4);
        var rebuilt = JsonSerializer.Deserialize<SeedSequence>(JsonSerializer.Serialize(child))!;
        Assert.Equal(child.ToString(), rebuilt.ToString());
        Assert.Equal(child.GenerateState(12), rebuilt.GenerateState(12));
        Assert.Equal(child.Spawn(2).Select(c => c.GenerateState(4)), rebuilt.Spawn(2).Select(c => c.GenerateState(4)));

        // Nested in a larger document, as a message between processes would carry it.
        var message = JsonSerializer.Serialize(new { Task = 4, Seed = child });
        var seed = JsonDocument.Parse(message).RootElement.GetProperty("Seed").Deserialize<SeedSequence>()!;
        Assert.Equal(child.ToString(), seed.ToString());
    }

    [Fact]
    public void Json_AcceptsIntegerNumbers()
    {
        var parsed = JsonSerializer.Deserialize<SeedSequence>(
            """{"entropy":[18446744073709551616],"isList":false,"spawnKey":[3],"poolSize":4,"childrenSpawned":0}""")!;
        Assert.Equal(new SeedSequence(BigInteger.One << 64, [3]).GenerateState(4), parsed.GenerateState(4));
    }

    [Theory]
    [InlineData("""[]""", "must be a JSON object")]
    [InlineData("""{"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy' is missing")]
    [InlineData("""{"entropy":["5"],"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'isList' is missing")]
    [InlineData("""{"entropy":["5"],"isList":false,"poolSize":4,"childrenSpawned":0}""", "'spawnKey' is missing")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"childrenSpawned":0}""", "'poolSize' is missing")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":4}""", "'childrenSpawned' is missing")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0,"seed":1}""", "Unknown SeedSequence member 'seed'")]
    [InlineData("""{"entropy":["5"],"entropy":["6"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy' appears twice")]
    [InlineData("""{"entropy":"5","isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy' must be an array")]
    [InlineData("""{"entropy":["-5"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy[0]' must be a non-negative integer")]
    [InlineData("""{"entropy":[-5],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy[0]' must be a non-negative integer")]
    [InlineData("""{"entropy":[1e3],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy[0]' must be a non-negative integer")]
    [InlineData("""{"entropy":[true],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'entropy[0]' must be a non-negative integer")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":["1","x"],"poolSize":4,"childrenSpawned":0}""", "'spawnKey[1]' must be a non-negative integer")]
    [InlineData("""{"entropy":["5","6"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "exactly one integer")]
    [InlineData("""{"entropy":[],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "exactly one integer")]
    [InlineData("""{"entropy":["5"],"isList":"no","spawnKey":[],"poolSize":4,"childrenSpawned":0}""", "'isList' must be true or false")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":3,"childrenSpawned":0}""", "'poolSize' must be an integer from 4")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":"4","childrenSpawned":0}""", "'poolSize' must be an integer from 4")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":-1}""", "'childrenSpawned' must be an integer from 0")]
    [InlineData("""{"entropy":["5"],"isList":false,"spawnKey":[],"poolSize":4,"childrenSpawned":2147483648}""", "'childrenSpawned' must be an integer from 0")]
    public void Json_RejectsMalformedInput_NamingTheMember(string json, string expected)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SeedSequence>(json));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Json_RejectsTruncatedInput()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SeedSequence>("""{"entropy":["5"],"isList":false"""));
    }

    private static void AssertNegative(Func<object> create, string paramName, string? detail = null)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains("expected non-negative integer", ex.Message);
        if (detail is not null)
        {
            Assert.Contains(detail, ex.Message);
        }
    }
}
