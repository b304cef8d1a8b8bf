using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/RootSeedPlusWorkerId.cs (RNG1001): the worker id and the root seed are hashed together as a list,
// [workerId, rootSeed], instead of being added. Runs with root seeds 42 and 43 now share no stream.
// NumPy: default_rng([worker_id, root_seed]).integers(0, 10, size=5) (joblib's example uses RandomState([i, seed])).
// 42 and 43 mirror the unsafe program; real code should draw a 128-bit root seed (RNG1005 suggests it).
internal static class WorkerIdAndRootSeedList
{
    private const int Workers = 4;

    private static long[][] RunExperiment(long rootSeed)
    {
        var results = new long[Workers][];
        Parallel.For(0, Workers, workerId =>
        {
            var rng = Generator.Create(new SeedSequence(new long[] { workerId, rootSeed }));
            results[workerId] = new long[5];
            rng.Integers(0, 10, results[workerId]);
        });
        return results;
    }

    public static void Run()
    {
        var run42 = RunExperiment(42);
        var run43 = RunExperiment(43);
        for (int workerId = 0; workerId < Workers; workerId++)
        {
            Console.WriteLine($"worker {workerId}: root seed 42 {Show.Row(run42[workerId])}   root seed 43 {Show.Row(run43[workerId])}");
        }
    }
}
