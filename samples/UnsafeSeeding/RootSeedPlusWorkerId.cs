namespace UnsafeSeeding;

// Ported from NumPy's "Parallel random number generation" guide: "UNSAFE! Do not do this!
// worker_seed = root_seed + worker_id; rng = np.random.RandomState(worker_seed)".
//
// Rule: RNG1001 (Seed derived by arithmetic) on 'rootSeed + workerId'.
// What goes wrong: within one run the workers differ, but the next run, with the root seed bumped by one, reuses
// all but one of the previous run's worker seeds. The "independent" repeat runs share most of their random numbers,
// which biases the ensemble of results.
internal static class RootSeedPlusWorkerId
{
    private const int Workers = 4;

    private static int[][] RunExperiment(int rootSeed)
    {
        var results = new int[Workers][];
        Parallel.For(0, Workers, workerId =>
        {
            var random = new Random(rootSeed + workerId);
            results[workerId] = Show.Draw(random, 5, 10);
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
        int repeated = Enumerable.Range(0, Workers - 1).Count(w => run43[w].SequenceEqual(run42[w + 1]));
        Console.WriteLine($"{repeated} of {Workers} workers of the run with root seed 43 repeat a worker of the run with root seed 42.");
    }
}
