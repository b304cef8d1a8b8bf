using System.Text.Json;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// Generated drivers compiled with the real Rng.Runtime and run: their results equal a hand-written
/// <c>root.Spawn(count)</c> loop and NumPy's <c>SeedSequence(seed).spawn(count)</c> streams, for degrees of
/// parallelism 1, 2 and 8; argument checks, cancellation and errors behave as documented.
/// </summary>
public sealed class CompileAndRunTests : IClassFixture<CompileAndRunTests.Program>
{
    private static readonly int?[] DegreesOfParallelism = { 1, 2, 8, null };

    private readonly CompiledDrivers _drivers;

    public CompileAndRunTests(Program program)
    {
        _drivers = program.Drivers;
    }

    /// <summary>The user program, compiled once for all tests in this class.</summary>
    public sealed class Program
    {
        internal CompiledDrivers Drivers { get; } = new(Source);
    }

    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Rng;

        namespace Run;

        public static partial class Draws
        {
            [ParallelStochastic]
            public static ulong[] RawPcg64(Generator rng, int draws) => Draw(rng, draws);

            [ParallelStochastic(BitGenerator = typeof(Pcg64Dxsm))]
            public static ulong[] RawPcg64Dxsm(Generator rng, int draws) => Draw(rng, draws);

            [ParallelStochastic(BitGenerator = typeof(Philox))]
            public static ulong[] RawPhilox(Generator rng, int draws) => Draw(rng, draws);

            [ParallelStochastic(BitGenerator = typeof(Sfc64))]
            public static ulong[] RawSfc64(Generator rng, int draws) => Draw(rng, draws);

            [ParallelStochastic(BitGenerator = typeof(Mt19937))]
            public static ulong[] RawMt19937(Generator rng, int draws) => Draw(rng, draws);

            [ParallelStochastic]
            public static double[] Doubles(int draws, Generator rng)
            {
                var values = new double[draws];
                for (int k = 0; k < draws; k++)
                {
                    values[k] = rng.BitGenerator.NextDouble();
                }

                return values;
            }

            // Uneven work, so that workers finish out of order.
            [ParallelStochastic]
            public static ulong[] Uneven(Generator rng, [WorkerIndex] int worker)
            {
                if (worker % 3 == 0)
                {
                    Thread.SpinWait(20_000);
                }

                return Draw(rng, 1 + worker % 7);
            }

            [ParallelStochastic]
            public static async Task<ulong[]> UnevenAsync([WorkerIndex] int worker, Generator rng)
            {
                await Task.Delay(worker % 3);
                return Draw(rng, 1 + worker % 7);
            }

            [ParallelStochastic]
            public static ValueTask<ulong> FirstAsync(Generator rng) => new ValueTask<ulong>(rng.BitGenerator.NextUInt64());

            [ParallelStochastic]
            public static void Record(Generator rng, ulong[] sink, [WorkerIndex] int worker) => sink[worker] = rng.BitGenerator.NextUInt64();

            [ParallelStochastic]
            public static async Task RecordAsync(Generator rng, ulong[] sink, [WorkerIndex] int worker)
            {
                await Task.Yield();
                sink[worker] = rng.BitGenerator.NextUInt64();
            }

            [ParallelStochastic]
            public static ulong Cancellable(Generator rng, CancellationToken token)
            {
                token.ThrowIfCancellationRequested();
                return rng.BitGenerator.NextUInt64();
            }

            [ParallelStochastic]
            public static ulong CancelsAt(Generator rng, [WorkerIndex] int worker, int cancelAt, CancellationTokenSource source, CancellationToken token)
            {
                if (worker == cancelAt)
                {
                    source.Cancel();
                }

                token.ThrowIfCancellationRequested();
                return rng.BitGenerator.NextUInt64();
            }

            [ParallelStochastic]
            public static async Task<ulong> CancellableAsync(Generator rng, CancellationToken token)
            {
                await Task.Delay(1, token);
                return rng.BitGenerator.NextUInt64();
            }

            [ParallelStochastic]
            public static ulong Crowded(Generator rng, int count, ulong seed) => rng.BitGenerator.NextUInt64() ^ seed ^ (ulong)count;

            [ParallelStochastic]
            public static ulong Sum(Generator rng, int scale, params int[] values)
            {
                ulong sum = rng.BitGenerator.NextUInt64() % 1000;
                foreach (int value in values)
                {
                    sum += (ulong)(value * scale);
                }

                return sum;
            }

            [ParallelStochastic]
            public static int Throws(Generator rng, [WorkerIndex] int worker) =>
                worker == 3 ? throw new InvalidOperationException("worker 3 failed") : (int)(rng.BitGenerator.NextUInt64() % 2);

            [ParallelStochastic]
            public static T[] Pick<T>(Generator rng, T[] items, int picks)
                where T : notnull
            {
                var picked = new T[picks];
                for (int k = 0; k < picks; k++)
                {
                    picked[k] = items[(int)(rng.BitGenerator.NextUInt64() % (ulong)items.Length)];
                }

                return picked;
            }

            public static ulong[] Draw(Generator rng, int draws)
            {
                var values = new ulong[draws];
                for (int k = 0; k < draws; k++)
                {
                    values[k] = rng.BitGenerator.NextUInt64();
                }

                return values;
            }
        }

        public partial class Scaled
        {
            public ulong Offset { get; set; }

            [ParallelStochastic]
            public ulong Draw(Generator rng) => rng.BitGenerator.NextUInt64() + Offset;
        }
        """;

    private delegate T[] SeedDriver<T>(ulong seed, int count, int draws, ParallelOptions? options);

    private delegate T[] RootDriver<T>(SeedSequence root, int count, int draws, ParallelOptions? options);

    public static TheoryData<string, ulong> NumPyCases()
    {
        var data = new TheoryData<string, ulong>();
        foreach (JsonElement item in NumPyVectors.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(item.GetProperty("bit_generator").GetString()!, item.GetProperty("seed").GetUInt64());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NumPyCases))]
    public void SeedDriverReproducesNumPySpawnForEveryDegreeOfParallelism(string bitGenerator, ulong seed)
    {
        JsonElement expected = FindCase(bitGenerator, seed);
        int count = expected.GetProperty("count").GetInt32();
        int draws = NumPyVectors.RootElement.GetProperty("draws").GetInt32();
        var driver = _drivers.Static<SeedDriver<ulong[]>>("Run.Draws", "Raw" + bitGenerator + "Parallel");

        foreach (int? degree in DegreesOfParallelism)
        {
            ulong[][] results = driver(seed, count, draws, Options(degree));
            Assert.Equal(RawOf(expected.GetProperty("first_call")), results);
        }
    }

    [Theory]
    [MemberData(nameof(NumPyCases))]
    public void RootDriverSpawnsFromTheRootSoASecondCallContinuesLikeNumPy(string bitGenerator, ulong seed)
    {
        JsonElement expected = FindCase(bitGenerator, seed);
        int count = expected.GetProperty("count").GetInt32();
        int draws = NumPyVectors.RootElement.GetProperty("draws").GetInt32();
        var driver = _drivers.Static<RootDriver<ulong[]>>("Run.Draws", "Raw" + bitGenerator + "Parallel");

        var root = new SeedSequence(seed);
        Assert.Equal(RawOf(expected.GetProperty("first_call")), driver(root, count, draws, Options(2)));
        Assert.Equal(RawOf(expected.GetProperty("second_call")), driver(root, count, draws, Options(8)));
        Assert.Equal(2 * count, root.ChildrenSpawned);
    }

    [Fact]
    public void GeneratorDoublesMatchNumPyRandom()
    {
        JsonElement expected = FindCase("Pcg64", 20261122);
        int count = expected.GetProperty("count").GetInt32();
        int draws = NumPyVectors.RootElement.GetProperty("draws").GetInt32();
        var driver = _drivers.Static<SeedDriver<double[]>>("Run.Draws", "DoublesParallel");

        ulong[][] bits = driver(20261122, count, draws, Options(8))
            .Select(values => values.Select(BitConverter.DoubleToUInt64Bits).ToArray())
            .ToArray();

        ulong[][] numPy = expected.GetProperty("first_call").EnumerateArray()
            .Select(worker => worker.GetProperty("random_bits").EnumerateArray().Select(v => v.GetUInt64()).ToArray())
            .ToArray();
        Assert.Equal(numPy, bits);
    }

    [Fact]
    public void UnevenWorkGivesTheHandWrittenSpawnLoopResultForEveryDegreeOfParallelism()
    {
        const int count = 37;
        ulong[][] expected = HandWrittenLoop(new SeedSequence(12345), count, (rng, worker) => Draw(rng, 1 + worker % 7));
        var driver = _drivers.Static<Func<SeedSequence, int, ParallelOptions?, ulong[][]>>("Run.Draws", "UnevenParallel");

        foreach (int? degree in DegreesOfParallelism)
        {
            Assert.Equal(expected, driver(new SeedSequence(12345), count, Options(degree)));
        }
    }

    [Fact]
    public async Task AsyncDriversGiveTheSameResultsAsTheHandWrittenLoop()
    {
        const int count = 23;
        ulong[][] expected = HandWrittenLoop(new SeedSequence(777), count, (rng, worker) => Draw(rng, 1 + worker % 7));
        var uneven = _drivers.Static<Func<ulong, int, ParallelOptions?, Task<ulong[][]>>>("Run.Draws", "UnevenParallelAsync");
        var first = _drivers.Static<Func<ulong, int, ParallelOptions?, Task<ulong[]>>>("Run.Draws", "FirstParallelAsync");

        foreach (int? degree in DegreesOfParallelism)
        {
            Assert.Equal(expected, await uneven(777, count, Options(degree)));
            Assert.Equal(expected.Select(values => values[0]).ToArray(), await first(777, count, Options(degree)));
        }
    }

    [Fact]
    public async Task VoidAndTaskDriversRunEveryWorkerWithItsOwnStream()
    {
        const int count = 19;
        ulong[] expected = HandWrittenLoop(new SeedSequence(5), count, (rng, _) => rng.BitGenerator.NextUInt64());
        var record = _drivers.Static<Action<ulong, int, ulong[], ParallelOptions?>>("Run.Draws", "RecordParallel");
        var recordAsync = _drivers.Static<Func<ulong, int, ulong[], ParallelOptions?, Task>>("Run.Draws", "RecordParallelAsync");

        foreach (int? degree in DegreesOfParallelism)
        {
            var sink = new ulong[count];
            record(5, count, sink, Options(degree));
            Assert.Equal(expected, sink);

            var asyncSink = new ulong[count];
            await recordAsync(5, count, asyncSink, Options(degree));
            Assert.Equal(expected, asyncSink);
        }
    }

    [Fact]
    public void InstanceDriverCallsTheMethodOnItsInstance()
    {
        object scaled = _drivers.CreateInstance("Run.Scaled");
        scaled.GetType().GetProperty("Offset")!.SetValue(scaled, 1000UL);
        var driver = _drivers.Instance<Func<ulong, int, ParallelOptions?, ulong[]>>(scaled, "DrawParallel");

        ulong[] expected = HandWrittenLoop(new SeedSequence(99), 11, (rng, _) => rng.BitGenerator.NextUInt64() + 1000UL);
        foreach (int? degree in DegreesOfParallelism)
        {
            Assert.Equal(expected, driver(99, 11, Options(degree)));
        }
    }

    [Fact]
    public void GenericDriverKeepsTheTypeArgument()
    {
        string[] items = { "a", "b", "c", "d" };
        var driver = _drivers.Type("Run.Draws").GetMethods()
            .Single(m => m.Name == "PickParallel" && m.GetParameters()[0].ParameterType == typeof(ulong))
            .MakeGenericMethod(typeof(string))
            .CreateDelegate<Func<ulong, int, string[], int, ParallelOptions?, string[][]>>();

        string[][] expected = HandWrittenLoop(new SeedSequence(3), 9, (rng, _) =>
            Enumerable.Range(0, 5).Select(_ => items[(int)(rng.BitGenerator.NextUInt64() % 4)]).ToArray());
        foreach (int? degree in DegreesOfParallelism)
        {
            Assert.Equal(expected, driver(3, 9, items, 5, Options(degree)));
        }
    }

    [Fact]
    public void ParamsDriversTakeOptionsAfterCountOrNone()
    {
        var withOptions = _drivers.Static<Func<ulong, int, ParallelOptions?, int, int[], ulong[]>>("Run.Draws", "SumParallel");
        var withoutOptions = _drivers.Static<Func<ulong, int, int, int[], ulong[]>>("Run.Draws", "SumParallel");

        ulong[] expected = HandWrittenLoop(new SeedSequence(8), 6, (rng, _) => (rng.BitGenerator.NextUInt64() % 1000) + (ulong)((1 + 2 + 3) * 10));
        Assert.Equal(expected, withoutOptions(8, 6, 10, new[] { 1, 2, 3 }));
        Assert.Equal(expected, withOptions(8, 6, Options(2), 10, new[] { 1, 2, 3 }));
    }

    [Fact]
    public void DriverParametersAreRenamedAroundTheMethodsOwnNames()
    {
        var driver = _drivers.Static<Func<SeedSequence, int, int, ulong, ParallelOptions?, ulong[]>>("Run.Draws", "CrowdedParallel");
        string[] names = driver.Method.GetParameters().Select(p => p.Name!).ToArray();
        Assert.Equal(new[] { "root", "workerCount", "count", "seed", "options" }, names);
        var seedDriver = _drivers.Static<Func<ulong, int, int, ulong, ParallelOptions?, ulong[]>>("Run.Draws", "CrowdedParallel");
        Assert.Equal(new[] { "rootSeed", "workerCount", "count", "seed", "options" }, seedDriver.Method.GetParameters().Select(p => p.Name!).ToArray());

        ulong[] expected = HandWrittenLoop(new SeedSequence(1), 4, (rng, _) => rng.BitGenerator.NextUInt64() ^ 42UL ^ 17UL);
        Assert.Equal(expected, driver(new SeedSequence(1), 4, 17, 42, null));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => driver(new SeedSequence(1), -1, 17, 42, null));
        Assert.Equal("workerCount", exception.ParamName);
    }

    [Fact]
    public void ArgumentsAreCheckedWithTheirNames()
    {
        var driver = _drivers.Static<RootDriver<ulong[]>>("Run.Draws", "RawPcg64Parallel");
        var seedDriver = _drivers.Static<SeedDriver<ulong[]>>("Run.Draws", "RawPcg64Parallel");

        Assert.Equal("root", Assert.Throws<ArgumentNullException>(() => driver(null!, 3, 1, null)).ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => driver(new SeedSequence(1), -1, 1, null));
        Assert.Equal("count", negative.ParamName);
        Assert.Contains("non-negative", negative.Message, StringComparison.Ordinal);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => seedDriver(1, int.MinValue, 1, null)).ParamName);
        Assert.Empty(seedDriver(1, 0, 1, null));
    }

    [Fact]
    public void AsyncDriverChecksArgumentsBeforeReturningATask()
    {
        var driver = _drivers.Static<Func<SeedSequence, int, ParallelOptions?, Task<ulong[][]>>>("Run.Draws", "UnevenParallelAsync");

        // Thrown by the call itself, not stored in the returned task.
        Assert.Equal("root", Assert.Throws<ArgumentNullException>(() => { _ = driver(null!, 3, null); }).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = driver(new SeedSequence(1), -2, null); }).ParamName);
    }

    [Fact]
    public async Task AsyncDriverSpawnsOnTheCallingThreadBeforeItsFirstAwait()
    {
        var driver = _drivers.Static<Func<SeedSequence, int, ParallelOptions?, Task<ulong[][]>>>("Run.Draws", "UnevenParallelAsync");
        var root = new SeedSequence(4);

        Task<ulong[][]> pending = driver(root, 6, null);
        Assert.Equal(6, root.ChildrenSpawned);
        Assert.Equal(6, (await pending).Length);
    }

    [Fact]
    public void CancelledMethodTokenCancelsTheLoop()
    {
        var driver = _drivers.Static<Func<ulong, int, CancellationToken, ParallelOptions?, ulong[]>>("Run.Draws", "CancellableParallel");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var exception = Assert.ThrowsAny<OperationCanceledException>(() => driver(1, 50, cancelled.Token, Options(2)));
        Assert.Equal(cancelled.Token, exception.CancellationToken);

        // With an uncancelled token it runs normally and passes the token through.
        ulong[] expected = HandWrittenLoop(new SeedSequence(1), 5, (rng, _) => rng.BitGenerator.NextUInt64());
        using var live = new CancellationTokenSource();
        Assert.Equal(expected, driver(1, 5, live.Token, Options(2)));
        Assert.Equal(expected, driver(1, 5, CancellationToken.None, null));
    }

    [Fact]
    public void TokenCancelledByAWorkerStopsTheLoopWithOneOperationCanceledException()
    {
        var driver = _drivers.Static<Func<ulong, int, int, CancellationTokenSource, CancellationToken, ParallelOptions?, ulong[]>>("Run.Draws", "CancelsAtParallel");
        foreach (int? degree in DegreesOfParallelism)
        {
            using var source = new CancellationTokenSource();
            var exception = Assert.ThrowsAny<OperationCanceledException>(() => driver(1, 1000, 10, source, source.Token, Options(degree)));
            Assert.Equal(source.Token, exception.CancellationToken);
        }
    }

    [Fact]
    public void OptionsTokenAndMethodTokenBothCancelTheLoop()
    {
        var driver = _drivers.Static<Func<ulong, int, CancellationToken, ParallelOptions?, ulong[]>>("Run.Draws", "CancellableParallel");

        using var optionsSource = new CancellationTokenSource();
        using var methodSource = new CancellationTokenSource();
        optionsSource.Cancel();
        var options = new ParallelOptions { CancellationToken = optionsSource.Token, MaxDegreeOfParallelism = 2 };
        Assert.ThrowsAny<OperationCanceledException>(() => driver(1, 50, methodSource.Token, options));

        using var optionsLive = new CancellationTokenSource();
        using var methodCancelled = new CancellationTokenSource();
        methodCancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => driver(1, 50, methodCancelled.Token, new ParallelOptions { CancellationToken = optionsLive.Token }));

        // Options without a cancellable token (the common case) keep their degree of parallelism and still run.
        ulong[] expected = HandWrittenLoop(new SeedSequence(1), 8, (rng, _) => rng.BitGenerator.NextUInt64());
        using var bothLiveOptions = new CancellationTokenSource();
        using var bothLiveMethod = new CancellationTokenSource();
        Assert.Equal(expected, driver(1, 8, bothLiveMethod.Token, new ParallelOptions { CancellationToken = bothLiveOptions.Token, MaxDegreeOfParallelism = 3 }));
    }

    [Fact]
    public async Task CancelledTokenCancelsTheAsyncDriver()
    {
        var driver = _drivers.Static<Func<ulong, int, CancellationToken, ParallelOptions?, Task<ulong[]>>>("Run.Draws", "CancellableParallelAsync");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => driver(1, 20, cancelled.Token, Options(2)));

        ulong[] expected = HandWrittenLoop(new SeedSequence(1), 4, (rng, _) => rng.BitGenerator.NextUInt64());
        Assert.Equal(expected, await driver(1, 4, CancellationToken.None, Options(2)));
    }

    [Fact]
    public void AWorkersExceptionSurfacesAsAggregateException()
    {
        var driver = _drivers.Static<Func<ulong, int, ParallelOptions?, int[]>>("Run.Draws", "ThrowsParallel");

        var exception = Assert.Throws<AggregateException>(() => driver(1, 8, Options(2)));
        Assert.Contains(exception.InnerExceptions, e => e is InvalidOperationException { Message: "worker 3 failed" });
    }

    private static ParallelOptions? Options(int? degree) =>
        degree is null ? null : new ParallelOptions { MaxDegreeOfParallelism = degree.Value };

    // The loop the driver replaces, written out by hand: worker i draws from new Generator(new Pcg64(children[i])).
    private static T[] HandWrittenLoop<T>(SeedSequence root, int count, Func<Generator, int, T> body)
    {
        SeedSequence[] children = root.Spawn(count);
        var results = new T[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = body(new Generator(new Pcg64(children[i])), i);
        }

        return results;
    }

    private static ulong[] Draw(Generator rng, int draws)
    {
        var values = new ulong[draws];
        for (int k = 0; k < draws; k++)
        {
            values[k] = rng.BitGenerator.NextUInt64();
        }

        return values;
    }

    private static readonly JsonDocument NumPyVectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "parallel_driver.json")));

    private static JsonElement FindCase(string bitGenerator, ulong seed) =>
        NumPyVectors.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("bit_generator").GetString() == bitGenerator && c.GetProperty("seed").GetUInt64() == seed);

    private static ulong[][] RawOf(JsonElement workers) =>
        workers.EnumerateArray()
            .Select(worker => worker.GetProperty("next_uint64").EnumerateArray().Select(v => v.GetUInt64()).ToArray())
            .ToArray();
}
