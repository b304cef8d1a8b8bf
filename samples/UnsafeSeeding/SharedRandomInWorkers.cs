namespace UnsafeSeeding;

// Ported from "Using Joblib and reproducible random numbers": np.random.seed(8888), then 20 parallel jobs that each
// draw np.random.randint(1e8) from the one global generator. Two runs with the same seed gave different lists.
//
// Rule: RNG2001 (RNG shared across a parallel body) on 'random' inside Parallel.For.
// What goes wrong: one System.Random serves every worker. Which item receives which number depends on which thread
// draws first, so the seeded run does not repeat. System.Random is also not thread-safe: concurrent calls can corrupt
// its state so that it returns 0 from then on. That corruption needs heavy contention and does not happen reliably,
// so it is only described here; the scheduling dependence is shown.
internal static class SharedRandomInWorkers
{
    private static int[] GetBigNumbers()
    {
        var random = new Random(8888);
        var numbers = new int[20];
        Parallel.For(0, numbers.Length, i =>
        {
            numbers[i] = random.Next(100_000_000);
            Thread.SpinWait(100_000 * (1 + i % 3)); // the job's real work, unevenly long as real jobs are
        });
        return numbers;
    }

    public static void Run()
    {
        var first = GetBigNumbers();
        var second = GetBigNumbers();
        Console.WriteLine($"seed 8888, run 1: {Show.Row(first)}");
        Console.WriteLine($"seed 8888, run 2: {Show.Row(second)}");
        Console.WriteLine($"same list in both runs: {first.SequenceEqual(second)}; "
            + $"same numbers, ignoring order: {first.Order().SequenceEqual(second.Order())}");
        Console.WriteLine("The items get the seeded numbers in the order the threads happen to draw them; "
            + "run again and the lists change (on a single core they may agree by chance).");
    }
}
