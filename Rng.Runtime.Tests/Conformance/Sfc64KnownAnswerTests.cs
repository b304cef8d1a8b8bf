using Rng.Tests.Infrastructure;

namespace Rng.Tests.Conformance;

public class Sfc64KnownAnswerTests
{
    [Fact]
    public void Reproduces_NumPys_known_answer_file()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("sfc64-testset-1.csv");
        var sfc64 = new Sfc64(seed);
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = sfc64.NextUInt64();
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fill_reproduces_NumPys_known_answer_file()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("sfc64-testset-1.csv");
        var actual = new ulong[expected.Length];
        new Sfc64(seed).Fill(actual);
        Assert.Equal(expected, actual);
    }
}
