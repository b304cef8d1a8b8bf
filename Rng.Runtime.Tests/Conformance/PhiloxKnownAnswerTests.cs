using Rng.Tests.Infrastructure;

namespace Rng.Tests.Conformance;

public class PhiloxKnownAnswerTests
{
    [Fact]
    public void Reproduces_NumPys_known_answer_file()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("philox-testset-1.csv");
        var philox = new Philox(seed);
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = philox.NextUInt64();
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fill_reproduces_NumPys_known_answer_file()
    {
        var (seed, expected) = VectorFiles.LoadKnownAnswers("philox-testset-1.csv");
        var actual = new ulong[expected.Length];
        new Philox(seed).Fill(actual);
        Assert.Equal(expected, actual);
    }
}
