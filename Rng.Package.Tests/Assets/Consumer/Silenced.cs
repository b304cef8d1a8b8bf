namespace Consumer;

// RNG1001 as in SeedArithmetic.cs, but .editorconfig sets its severity to none for this file.
public static class Silenced
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
