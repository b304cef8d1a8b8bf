namespace Fixable;

public static class RNG1001
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
