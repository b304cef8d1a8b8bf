using System.Numerics;
using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/ClockSeeds.cs (RNG1003): a new run takes 128 bits from the operating system through
// new SeedSequence() and logs them; each worker gets a spawned child. Replaying the logged entropy repeats the run.
// NumPy: SeedSequence(logged).spawn(4); [default_rng(c).integers(0, 10, size=5) for c in children]
internal static class LoggedEntropy
{
    private const int Workers = 4;

    /// <summary>The entropy a previous run logged (a fresh run prints its own to standard error).</summary>
    private static readonly BigInteger LoggedByEarlierRun = BigInteger.Parse("54164475843220750876467883130946822188");

    public static void Run()
    {
        // A fresh run: unpredictable, but reproducible because the entropy is logged. (Standard error, so that the
        // deterministic standard output can be compared with NumPy's.)
        var fresh = new SeedSequence();
        Console.Error.WriteLine($"clock: a fresh run would use entropy {fresh.Entropy[0]}; replay it with new SeedSequence(BigInteger.Parse(\"{fresh.Entropy[0]}\"))");

        // Replaying the logged run gives the same numbers on every run, in C# and in NumPy.
        var results = new long[Workers][];
        ParallelRandom.For(0, Workers, new SeedSequence(LoggedByEarlierRun), (workerId, rng) =>
        {
            results[workerId] = new long[5];
            rng.Integers(0, 10, results[workerId]);
        });
        Console.WriteLine($"replayed entropy {LoggedByEarlierRun}");
        for (int workerId = 0; workerId < Workers; workerId++)
        {
            Console.WriteLine($"worker {workerId}: {Show.Row(results[workerId])}");
        }
    }
}
