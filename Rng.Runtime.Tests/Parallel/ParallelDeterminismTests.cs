using static Rng.Tests.Parallel.ParallelTestSupport;

namespace Rng.Tests.Parallel;

/// <summary>
/// Property tests: for several seeds and sizes every loop gives the same results for degrees of parallelism 1, 2, 3 and
/// 8, and item i's generator is <c>new Generator(new Pcg64(root2.Spawn(n)[i]))</c> built by hand from an equal root.
/// </summary>
public class ParallelDeterminismTests
{
    public static IEnumerable<object[]> SeedsAndSizes() =>
        from seed in new ulong[] { 0, 42, 20261122, ulong.MaxValue }
        from n in new[] { 0, 1, 2, 7, 65, 300 }
        select new object[] { seed, n };

    [Theory]
    [MemberData(nameof(SeedsAndSizes))]
    public void For_IsTheHandBuiltSpawnChild_ForEveryDegree(ulong seed, int n)
    {
        var expected = HandBuilt(new SeedSequence(seed), n);
        foreach (int degree in DegreesOfParallelism)
        {
            var root = new SeedSequence(seed);
            var actual = new double[n];
            ParallelRandom.For(0, n, root, Options(degree), (i, rng) => actual[i] = Work(rng));
            Assert.Equal(expected, actual);
            Assert.Equal(n, root.ChildrenSpawned);
        }
    }

    [Theory]
    [MemberData(nameof(SeedsAndSizes))]
    public async Task ForEachSelectAndAsync_AreTheHandBuiltSpawnChildren_ForEveryDegree(ulong seed, int n)
    {
        var expected = HandBuilt(new SeedSequence(seed), n);
        var source = Enumerable.Range(0, n).ToArray();
        foreach (int degree in DegreesOfParallelism)
        {
            var forEach = new double[n];
            ParallelRandom.ForEach(source, new SeedSequence(seed), Options(degree), (item, i, rng) => forEach[i] = item == i ? Work(rng) : double.NaN);
            Assert.Equal(expected, forEach);

            Assert.Equal(expected, ParallelRandom.Select(source, new SeedSequence(seed), Options(degree), (item, rng) => Work(rng)));

            var forEachAsync = new double[n];
            await ParallelRandom.ForEachAsync(source, new SeedSequence(seed), Options(degree), async (item, i, rng, token) =>
            {
                if (i % 2 == 0)
                {
                    await Task.Yield();
                }

                forEachAsync[i] = Work(rng);
            });
            Assert.Equal(expected, forEachAsync);
        }
    }

    [Fact]
    public void DefaultOverloads_AgreeWithExplicitOptions()
    {
        var expected = HandBuilt(new SeedSequence(8), 40);
        var viaFor = new double[40];
        ParallelRandom.For(0, 40, new SeedSequence(8), (i, rng) => viaFor[i] = Work(rng));
        Assert.Equal(expected, viaFor);
        var viaForEach = new double[40];
        ParallelRandom.ForEach(Enumerable.Range(0, 40), new SeedSequence(8), (item, i, rng) => viaForEach[i] = Work(rng));
        Assert.Equal(expected, viaForEach);
        Assert.Equal(expected, ParallelRandom.Select(Enumerable.Range(0, 40), new SeedSequence(8), (item, rng) => Work(rng)));
    }

    [Fact]
    public async Task ForEachAsync_WithAToken_IsTheHandBuiltSpawnChildren()
    {
        var expected = HandBuilt(new SeedSequence(8), 40);
        var actual = new double[40];
        using var cts = new CancellationTokenSource();
        await ParallelRandom.ForEachAsync(Enumerable.Range(0, 40), new SeedSequence(8), cts.Token, (item, i, rng, token) =>
        {
            actual[i] = Work(rng);
            return ValueTask.CompletedTask;
        });
        Assert.Equal(expected, actual);
        var defaults = new double[40];
        await ParallelRandom.ForEachAsync(Enumerable.Range(0, 40), new SeedSequence(8), (item, i, rng, token) =>
        {
            defaults[i] = Work(rng);
            return ValueTask.CompletedTask;
        });
        Assert.Equal(expected, defaults);
    }

    [Fact]
    public void ARootWithASpawnKeyAndEarlierChildren_ContinuesItsNumbering()
    {
        // A root that already spawned 3 children gives the loop children 3 .. 3 + n - 1, as NumPy's spawn would.
        var root = new SeedSequence(77, [new System.Numerics.BigInteger(4)]);
        var reference = new SeedSequence(77, [new System.Numerics.BigInteger(4)]);
        _ = root.Spawn(3);
        _ = reference.Spawn(3);
        var expected = HandBuilt(reference, 10);
        var actual = new double[10];
        ParallelRandom.For(100, 110, root, Options(3), (i, rng) => actual[i - 100] = Work(rng));
        Assert.Equal(expected, actual);
        Assert.Equal(13, root.ChildrenSpawned);
    }

    [Fact]
    public void NestedLoopsOnEachItemsOwnSequence_AreDeterministicToo()
    {
        double[] Run(int degree)
        {
            var outer = new double[12];
            ParallelRandom.For(0, 12, new SeedSequence(31), Options(degree), (i, rng) =>
            {
                var inner = ParallelRandom.Select(Enumerable.Range(0, 5), rng.BitGenerator.SeedSequence!, Options(degree), (_, r) => Work(r));
                outer[i] = inner.Sum() + Work(rng);
            });
            return outer;
        }

        var expected = Run(1);
        foreach (int degree in DegreesOfParallelism)
        {
            Assert.Equal(expected, Run(degree));
        }
    }

    [Fact]
    public void LazyChildren_EqualSpawnsChildren()
    {
        var roots = new[]
        {
            new SeedSequence(5),
            new SeedSequence(new[] { 1L, 2L, 3L }, [new System.Numerics.BigInteger(9)], poolSize: 8),
            new SeedSequence(System.Numerics.BigInteger.Pow(2, 130) + 1),
        };
        foreach (var root in roots)
        {
            var twin = SeedSequence.Parse(root.ToString());
            int first = root.ReserveChildren(4);
            var spawned = twin.Spawn(4);
            Assert.Equal(twin.ChildrenSpawned, root.ChildrenSpawned);
            for (int i = 0; i < 4; i++)
            {
                var lazy = root.CreateChild(first + i);
                Assert.Equal(spawned[i].ToString(), lazy.ToString());
                Assert.Equal(spawned[i].GenerateState(8), lazy.GenerateState(8));
            }
        }
    }

    private static double[] HandBuilt(SeedSequence root, int n) =>
        root.Spawn(n).Select(child => Work(new Generator(new Pcg64(child)))).ToArray();
}
