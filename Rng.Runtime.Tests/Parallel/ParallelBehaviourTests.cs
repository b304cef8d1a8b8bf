using static Rng.Tests.Parallel.ParallelTestSupport;

namespace Rng.Tests.Parallel;

/// <summary>Exceptions, cancellation, bit generator kinds and argument checks of <see cref="ParallelRandom"/>.</summary>
public class ParallelBehaviourTests
{
    private sealed class ItemFailure(long index) : Exception($"item {index} failed")
    {
        public long Index { get; } = index;
    }

    [Fact]
    public void BodyExceptions_AreAggregated_NotSwallowed()
    {
        var one = Assert.Throws<AggregateException>(() =>
            ParallelRandom.For(0, 10, new SeedSequence(1), Options(1), (i, rng) => throw new ItemFailure(i)));
        Assert.Equal(0, Assert.IsType<ItemFailure>(Assert.Single(one.InnerExceptions)).Index);

        var many = Assert.Throws<AggregateException>(() =>
            ParallelRandom.ForEach(Enumerable.Range(0, 64), new SeedSequence(1), Options(4), (item, i, rng) => throw new ItemFailure(i)));
        Assert.NotEmpty(many.InnerExceptions);
        Assert.All(many.InnerExceptions, e => Assert.IsType<ItemFailure>(e));

        var selected = Assert.Throws<AggregateException>(() =>
            ParallelRandom.Select(Enumerable.Range(0, 8), new SeedSequence(1), (item, rng) => item == 5 ? throw new ItemFailure(item) : item));
        Assert.Equal(5, Assert.IsType<ItemFailure>(Assert.Single(selected.InnerExceptions)).Index);
    }

    [Fact]
    public async Task ForEachAsync_FaultsWithEveryItemsException()
    {
        // Two items wait for each other before throwing, so both exceptions must reach the task.
        int started = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = ParallelRandom.ForEachAsync(new[] { "a", "b" }, new SeedSequence(2), Options(2), async (item, i, rng, token) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            throw new ItemFailure(i);
        });
        await Assert.ThrowsAsync<ItemFailure>(() => task);
        Assert.Equal(new long[] { 0, 1 }, task.Exception!.InnerExceptions.Cast<ItemFailure>().Select(e => e.Index).Order());
    }

    [Fact]
    public void Cancellation_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = new ParallelOptions { CancellationToken = cancelled.Token };
        var root = new SeedSequence(3);
        Assert.Throws<OperationCanceledException>(() => ParallelRandom.For(0, 10, root, options, (i, rng) => { }));
        Assert.Equal(10, root.ChildrenSpawned); // reserved as soon as the arguments were valid, as documented
        Assert.Throws<OperationCanceledException>(() => ParallelRandom.ForEach(new[] { 1 }, new SeedSequence(3), options, (x, i, rng) => { }));
        Assert.Throws<OperationCanceledException>(() => ParallelRandom.Select(new[] { 1 }, new SeedSequence(3), options, (x, rng) => x));

        // Cancelled mid-loop: the loop stops early with OperationCanceledException.
        using var midway = new CancellationTokenSource();
        int ran = 0;
        Assert.Throws<OperationCanceledException>(() => ParallelRandom.For(0, 1000, new SeedSequence(3),
            new ParallelOptions { CancellationToken = midway.Token, MaxDegreeOfParallelism = 1 },
            (i, rng) =>
            {
                Interlocked.Increment(ref ran);
                if (i == 5)
                {
                    midway.Cancel();
                }
            }));
        Assert.InRange(ran, 6, 999);
    }

    [Fact]
    public async Task ForEachAsync_Cancellation_EndsTheTaskCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ParallelRandom.ForEachAsync(new[] { 1, 2 }, new SeedSequence(4), cancelled.Token, (x, i, rng, token) => ValueTask.CompletedTask));

        using var midway = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ParallelRandom.ForEachAsync(Enumerable.Range(0, 1000), new SeedSequence(4), new ParallelOptions { CancellationToken = midway.Token, MaxDegreeOfParallelism = 2 },
                async (x, i, rng, token) =>
                {
                    if (i == 3)
                    {
                        midway.Cancel();
                    }

                    await Task.Delay(1, token);
                }));
    }

    [Fact]
    public void TheFactory_ChoosesTheBitGenerator_AndMayNotReturnNull()
    {
        var kinds = new Type[4];
        ParallelRandom.For(0, 4, new SeedSequence(6), s => new Philox(s), Options(2), (i, rng) => kinds[i] = rng.BitGenerator.GetType());
        Assert.All(kinds, k => Assert.Equal(typeof(Philox), k));

        var error = Assert.Throws<AggregateException>(() =>
            ParallelRandom.For(0, 2, new SeedSequence(6), s => null!, Options(1), (i, rng) => { }));
        var inner = Assert.IsType<InvalidOperationException>(Assert.Single(error.InnerExceptions));
        Assert.Contains("bitGeneratorFactory", inner.Message);
    }

    [Fact]
    public void SourceIsEnumeratedOnce()
    {
        int enumerations = 0;
        IEnumerable<int> Source()
        {
            enumerations++;
            for (int i = 0; i < 20; i++)
            {
                yield return i;
            }
        }

        var results = ParallelRandom.Select(Source(), new SeedSequence(7), Options(3), (item, rng) => item * 2);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 2), results);
        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void NullArguments_AreRejectedByName()
    {
        var root = new SeedSequence(1);
        var options = new ParallelOptions();
        int[] source = [1];
        Func<SeedSequence, BitGenerator> factory = s => new Pcg64(s);
        Action<int, Generator> forBody = (i, rng) => { };
        Action<int, long, Generator> forEachBody = (x, i, rng) => { };
        Func<int, Generator, int> selector = (x, rng) => x;
        Func<int, long, Generator, CancellationToken, ValueTask> asyncBody = (x, i, rng, t) => ValueTask.CompletedTask;

        Assert.Throws<ArgumentNullException>("root", () => ParallelRandom.For(0, 1, null!, forBody));
        Assert.Throws<ArgumentNullException>("body", () => ParallelRandom.For(0, 1, root, null!));
        Assert.Throws<ArgumentNullException>("parallelOptions", () => ParallelRandom.For(0, 1, root, null!, forBody));
        Assert.Throws<ArgumentNullException>("bitGeneratorFactory", () => ParallelRandom.For(0, 1, root, null!, options, forBody));

        Assert.Throws<ArgumentNullException>("source", () => ParallelRandom.ForEach<int>(null!, root, forEachBody));
        Assert.Throws<ArgumentNullException>("root", () => ParallelRandom.ForEach(source, null!, forEachBody));
        Assert.Throws<ArgumentNullException>("body", () => ParallelRandom.ForEach(source, root, (Action<int, long, Generator>)null!));
        Assert.Throws<ArgumentNullException>("parallelOptions", () => ParallelRandom.ForEach(source, root, null!, forEachBody));
        Assert.Throws<ArgumentNullException>("bitGeneratorFactory", () => ParallelRandom.ForEach(source, root, null!, options, forEachBody));

        Assert.Throws<ArgumentNullException>("source", () => ParallelRandom.Select<int, int>(null!, root, selector));
        Assert.Throws<ArgumentNullException>("root", () => ParallelRandom.Select(source, null!, selector));
        Assert.Throws<ArgumentNullException>("selector", () => ParallelRandom.Select(source, root, (Func<int, Generator, int>)null!));
        Assert.Throws<ArgumentNullException>("parallelOptions", () => ParallelRandom.Select(source, root, null!, selector));
        Assert.Throws<ArgumentNullException>("bitGeneratorFactory", () => ParallelRandom.Select(source, root, null!, options, selector));

        // The async loops check their arguments at once, not through the task.
        Assert.Throws<ArgumentNullException>("source", () => { _ = ParallelRandom.ForEachAsync<int>(null!, root, asyncBody); });
        Assert.Throws<ArgumentNullException>("root", () => { _ = ParallelRandom.ForEachAsync(source, null!, asyncBody); });
        Assert.Throws<ArgumentNullException>("body", () => { _ = ParallelRandom.ForEachAsync(source, root, CancellationToken.None, null!); });
        Assert.Throws<ArgumentNullException>("parallelOptions", () => { _ = ParallelRandom.ForEachAsync(source, root, (ParallelOptions)null!, asyncBody); });
        Assert.Throws<ArgumentNullException>("bitGeneratorFactory", () => { _ = ParallelRandom.ForEachAsync(source, root, null!, options, asyncBody); });

        Assert.Equal(0, root.ChildrenSpawned); // rejected calls reserve nothing
    }

    [Fact]
    public void BadRanges_AreRejected_AndReserveNothing()
    {
        var root = new SeedSequence(1);
        var reversed = Assert.Throws<ArgumentOutOfRangeException>("toExclusive", () => ParallelRandom.For(5, 4, root, (i, rng) => { }));
        Assert.Contains("fromInclusive", reversed.Message);
        var huge = Assert.Throws<ArgumentOutOfRangeException>("toExclusive", () => ParallelRandom.For(int.MinValue, int.MaxValue, root, (i, rng) => { }));
        Assert.Contains("spawn", huge.Message);
        Assert.Equal(0, root.ChildrenSpawned);

        ParallelRandom.For(3, 3, root, (i, rng) => Assert.Fail("an empty range runs nothing"));
        Assert.Equal(0, root.ChildrenSpawned);
    }

    [Fact]
    public void ARootNearItsSpawnLimit_TakesWhatFits()
    {
        string repr = $"SeedSequence(entropy=9, n_children_spawned={int.MaxValue - 1})";
        var root = SeedSequence.Parse(repr);
        Assert.Throws<ArgumentOutOfRangeException>("toExclusive", () => ParallelRandom.For(0, 2, root, (i, rng) => { }));
        Assert.Throws<ArgumentOutOfRangeException>("source", () => ParallelRandom.Select(new[] { 1, 2 }, root, (x, rng) => x));
        Assert.Equal(int.MaxValue - 1, root.ChildrenSpawned);

        double actual = 0;
        ParallelRandom.For(0, 1, root, (i, rng) => actual = rng.Random());
        Assert.Equal(new Generator(new Pcg64(SeedSequence.Parse(repr).Spawn(1)[0])).Random(), actual);
        Assert.Equal(int.MaxValue, root.ChildrenSpawned);
    }
}
