using Rng.Tests.Infrastructure;

namespace Rng.Tests.Conformance;

public sealed class Pcg64ConformanceTests
{
    [Fact]
    public void KnownAnswers_MatchNumPy()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("pcg64-testset-1.csv");
        var generator = new Pcg64(seed);
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = generator.NextUInt64();
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fill_MatchesKnownAnswers()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("pcg64-testset-1.csv");
        var actual = new ulong[expected.Length];
        new Pcg64(seed).Fill(actual);
        Assert.Equal(expected, actual);
    }
}

public sealed class Pcg64StateJsonTests
{
    [Fact]
    public void State_JsonRoundTrip_ContinuesTheStream()
    {
        var generator = new Pcg64(12345UL);
        generator.NextUInt32();
        string json = System.Text.Json.JsonSerializer.Serialize(generator.State);
        var resumed = new Pcg64(System.Text.Json.JsonSerializer.Deserialize<Pcg64State>(json)!);
        Assert.Equal(generator.NextUInt32(), resumed.NextUInt32());
        Assert.Equal(generator.NextUInt64(), resumed.NextUInt64());
        Assert.Contains("\"increment\":\"", json);
    }
}
