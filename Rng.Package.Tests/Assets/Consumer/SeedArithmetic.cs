namespace Consumer;

// RNG1001: root seed plus worker id.
public static class SeedArithmetic
{
    public static double[] Run(int rootSeed, int workers)
    {
        var results = new double[workers];
        for (int workerId = 0; workerId < workers; workerId++)
        {
            var rng = new Random(rootSeed + workerId);
            results[workerId] = rng.NextDouble();
        }

        return results;
    }
}
