namespace Consumer;

// RNG2002 (suggestion; a warning under RngSafetyStrict): thread-safe but scheduling-dependent draws.
public static class ThreadSafe
{
    public static double[] Run(int n)
    {
        var results = new double[n];
        Parallel.For(0, n, i => results[i] = Random.Shared.NextDouble());
        return results;
    }
}
