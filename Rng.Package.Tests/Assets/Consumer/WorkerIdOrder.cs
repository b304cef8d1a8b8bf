using Rng;

namespace Consumer;

// RNG1006 (suggestion; a warning under RngSafetyStrict): the worker id after the root seed.
public static class WorkerIdOrder
{
    public static double[] Run(int rootSeed, int workers)
    {
        var results = new double[workers];
        Parallel.For(0, workers, workerId =>
        {
            var seeds = new SeedSequence(new[] { rootSeed, workerId });
            results[workerId] = new Generator(new Pcg64(seeds)).Random();
        });
        return results;
    }
}
