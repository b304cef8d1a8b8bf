namespace UnsafeSeeding;

// Ported from "Why explicitly seed NumPy random generators in parallel multiprocessing?" and joblib's "Random state
// within joblib.Parallel": forked workers inherit the parent's seeded state (random.seed(42)), so every worker returns
// [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]. In .NET the same happens when every worker seeds
// its own generator with the same constant.
//
// Rule: RNG1002 (Same seed in every worker) on 'new Random(42)' inside the parallel body.
// What goes wrong: every worker draws the identical stream, so N workers do the work of one and the spread of
// the results is underestimated.
internal static class ConstantSeedPerWorker
{
    private const int Workers = 2;

    public static void Run()
    {
        var results = new double[Workers][];
        Parallel.For(0, Workers, worker =>
        {
            var random = new Random(42);
            results[worker] = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
        });
        for (int worker = 0; worker < Workers; worker++)
        {
            Console.WriteLine($"worker {worker}: {Show.Row(results[worker].Select(d => d.ToString("R")))}");
        }
        Console.WriteLine($"identical streams: {results[0].SequenceEqual(results[1])}");
    }
}
