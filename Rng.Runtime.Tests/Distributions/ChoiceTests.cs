namespace Rng.Tests.Distributions;

/// <summary>Choice, Shuffle and Permutation: consistency between forms, and NumPy's argument checks.</summary>
public class ChoiceTests
{
    [Fact]
    public void ItemChoice_IsTheIndexChoiceMappedToItems()
    {
        string[] items = { "a", "b", "c", "d", "e", "f", "g" };
        double[] p = { 0.1, 0.2, 0.05, 0.05, 0.3, 0.2, 0.1 };
        foreach (bool replace in new[] { true, false })
        {
            var byItem = Generator.Create(8);
            var byIndex = Generator.Create(8);
            Assert.Equal(byIndex.Choice(7, 5, replace).Select(i => items[i]), byItem.Choice<string>(items, 5, replace));
            Assert.Equal(byIndex.Choice(7, 4, p, replace).Select(i => items[i]), byItem.Choice<string>(items, 4, p, replace));
            Assert.Equal(items[byIndex.Choice(7)], byItem.Choice<string>(items));
        }
    }

    [Fact]
    public void WithoutReplacement_GivesDistinctValues_OnEveryPath()
    {
        var g = Generator.Create(4);
        foreach (var (a, size, shuffle) in new[] { (100L, 100, true), (20000L, 1000, true), (20000L, 1001, false), (1L << 40, 50, true) })
        {
            var values = g.Choice(a, size, replace: false, shuffle: shuffle);
            Assert.Equal(size, values.Distinct().Count());
            Assert.All(values, v => Assert.InRange(v, 0, a - 1));
        }
    }

    [Fact]
    public void ScalarChoice_IsTheSameWithOrWithoutReplacement()
    {
        var a = Generator.Create(6);
        var b = Generator.Create(6);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(a.Choice(1000), b.Choice(1000, 1, replace: false)[0]);
        }
    }

    [Fact]
    public void PermutationOfItems_LeavesTheInputAlone_AndShufflesLikeShuffle()
    {
        int[] source = { 1, 2, 3, 4, 5, 6 };
        var a = Generator.Create(2);
        var b = Generator.Create(2);
        var permuted = a.Permutation<int>(source);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, source);
        var shuffled = (int[])source.Clone();
        b.Shuffle<int>(shuffled);
        Assert.Equal(shuffled, permuted);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, b.Permutation(6).Order());
        Assert.Empty(b.Permutation(0));
    }

    [Fact]
    public void Population_MustBePositiveUnlessNothingIsDrawn()
    {
        var g = Generator.Create(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>("a", () => g.Choice(0));
        Assert.Contains("a must be a positive integer unless no samples are taken", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>("a", () => g.Choice(-3, 2));
        Assert.Throws<ArgumentOutOfRangeException>("a", () => g.Choice(0, new[] { 1.0 }));
        Assert.Empty(g.Choice(0, 0));
        Assert.Empty(g.Choice(0, 0, replace: false));
        var empty = Assert.Throws<ArgumentException>("items", () => g.Choice<int>(ReadOnlySpan<int>.Empty));
        Assert.Contains("a cannot be empty unless no samples are taken", empty.Message);
        Assert.Throws<ArgumentException>("items", () => g.Choice<int>(Array.Empty<int>(), 1));
        Assert.Empty(g.Choice<int>(Array.Empty<int>(), 0));
        Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice(5, -1));
        Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice<int>(new[] { 1 }, -1));
    }

    [Fact]
    public void WithoutReplacement_CannotTakeMoreThanThePopulation()
    {
        var g = Generator.Create(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice(5, 6, replace: false));
        Assert.Contains("Cannot take a larger sample than population when replace is False", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice<char>("abc".ToCharArray(), 4, replace: false));
        Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice(3, 4, new[] { 0.2, 0.3, 0.5 }, replace: false));
        // NumPy: choice(-5, size=0, replace=False) also fails this check.
        Assert.Throws<ArgumentOutOfRangeException>("size", () => g.Choice(-5, new long[0], replace: false));
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, "a and p must have same size")]
    [InlineData(new[] { 0.5, double.NaN, 0.5 }, "probabilities contain NaN")]
    [InlineData(new[] { double.PositiveInfinity, 0.0, 0.0 }, "probabilities contain NaN")]
    [InlineData(new[] { 0.5, -0.1, 0.6 }, "probabilities are not non-negative")]
    [InlineData(new[] { 0.5, 0.1, 0.6 }, "probabilities do not sum to 1")]
    [InlineData(new[] { 0.5, 0.5, 1e-7 }, "probabilities do not sum to 1")]
    public void BadProbabilities_AreRejected(double[] p, string message)
    {
        var g = Generator.Create(1);
        var error = Assert.Throws<ArgumentException>("p", () => g.Choice(3, p));
        Assert.Contains(message, error.Message);
        Assert.Throws<ArgumentException>("p", () => g.Choice(3, 2, p));
        Assert.Throws<ArgumentException>("p", () => g.Choice(3, 2, p, replace: false));
        Assert.Throws<ArgumentException>("p", () => g.Choice<int>(new[] { 1, 2, 3 }, 2, p));
    }

    [Fact]
    public void ProbabilitiesWithinNumPysTolerance_AreAccepted()
    {
        var g = Generator.Create(1);
        Assert.InRange(g.Choice(2, new[] { 0.5, 0.5 + 1e-9 }), 0, 1);
        Assert.Equal(1, g.Choice(3, new[] { 0.0, 1.0, -0.0 }));
    }

    [Fact]
    public void WithoutReplacement_NeedsEnoughNonZeroProbabilities()
    {
        var g = Generator.Create(1);
        var error = Assert.Throws<ArgumentException>("p", () => g.Choice(5, 3, new[] { 0.5, 0.5, 0, 0, 0 }, replace: false));
        Assert.Contains("Fewer non-zero entries in p than size", error.Message);
    }

    [Fact]
    public void WithoutReplacement_TinyProbabilities_StillFinish()
    {
        // 1e-300 is absorbed by rounding while 1.0 - 1e-17 is present; it becomes reachable once that entry is taken.
        var g = Generator.Create(1);
        var values = g.Choice(3, 3, new[] { 1.0 - 1e-17, 1e-300, 1e-300 }, replace: false);
        Assert.Equal(new long[] { 0, 1, 2 }, values.Order());
    }

    [Fact]
    public void Permutation_NegativeCount_IsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("n", () => Generator.Create(1).Permutation(-1));
        Assert.Contains("non-negative", error.Message);
    }
}

/// <summary>Shuffle's prefetching path for spans beyond the caches draws exactly what the plain path draws.</summary>
public class ShuffleLargeSpanTests
{
    [Theory]
    [InlineData(70_000)]
    [InlineData(130_001)]
    public void LargeSpans_ShuffleLikeSmallOnes(int n)
    {
        // long[n] (over 512 KiB) takes the batched, prefetching path; int[n] (under 512 KiB) the plain one, which the
        // NumPy vectors check.
        var large = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        var a = Generator.Create(17);
        var b = Generator.Create(17);
        a.BitGenerator.NextUInt32();
        b.BitGenerator.NextUInt32();
        var index = Enumerable.Range(0, n).ToArray();
        a.Shuffle<long>(large);
        b.Shuffle<int>(index);
        Assert.Equal(index.Select(i => (long)i), large);
        Assert.Equal(a.BitGenerator.NextUInt64(), b.BitGenerator.NextUInt64());
    }
}
