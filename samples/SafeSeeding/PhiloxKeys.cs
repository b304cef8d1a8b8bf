using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/ConstantSeedPerWorker.cs (RNG1002): every worker had new Random(42), hence the same stream.
// Here each worker gets its own Philox key, rootKey + workerId: NumPy's "independent streams" strategy. Distinct keys
// give independent streams; the ids must not be reused (two generators with one key are RNG3002's case).
// (Spawning, as in SpawnedChildren.cs and the multiprocessing article's remedy, works as well.)
// NumPy: Generator(Philox(key=root_key + worker_id)).random(3)
internal static class PhiloxKeys
{
    private const int Workers = 2;

    public static void Run()
    {
        var results = new double[Workers][];
        Parallel.For(0, Workers, workerId =>
        {
            var rng = new Generator(Philox.FromKey(Seeds.Root + (UInt128)workerId));
            results[workerId] = [rng.Random(), rng.Random(), rng.Random()];
        });
        for (int workerId = 0; workerId < Workers; workerId++)
        {
            Console.WriteLine($"worker {workerId}: {Show.Row(results[workerId])}");
        }
    }
}
