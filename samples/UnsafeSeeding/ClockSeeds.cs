namespace UnsafeSeeding;

// Ported from "Why explicitly seed NumPy random generators in parallel multiprocessing?": reseeding each worker from
// something that changes (there os.getpid(), here the clock) instead of a reproducible seed.
//
// Rule: RNG1003 (Seed from the clock, process or thread) on Environment.TickCount and DateTime.Now.Ticks.
// What goes wrong: the seed is never the same twice, so no run can be reproduced; and workers started together read
// the same millisecond tick count, so they draw identical streams.
internal static class ClockSeeds
{
    private const int Workers = 4;

    public static void Run()
    {
        var seeds = new int[Workers];
        var results = new int[Workers][];
        Parallel.For(0, Workers, workerId =>
        {
            int seed = Environment.TickCount;
            seeds[workerId] = seed;
            results[workerId] = Show.Draw(new Random(seed), 5, 10);
        });
        for (int workerId = 0; workerId < Workers; workerId++)
        {
            Console.WriteLine($"worker {workerId}: seed {seeds[workerId]} {Show.Row(results[workerId])}");
        }
        Console.WriteLine($"{seeds.Distinct().Count()} distinct seed(s) among {Workers} workers started together "
            + "(the tick count moves once per millisecond; usually 1).");

        var daily = new Random((int)DateTime.Now.Ticks);
        Console.WriteLine($"DateTime.Now.Ticks seed: {Show.Row(Show.Draw(daily, 5, 10))} (different on every run; nothing records the seed to replay it)");
    }
}
