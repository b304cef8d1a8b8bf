namespace Fixable;

public static class Rng1002Case
{
    public static double[] Run(int rootSeed, int workers)
    {
        var results = new double[workers];
        for (int i = 0; i < workers; i++)
        {
            var rng = new Random(rootSeed);
            results[i] = rng.NextDouble();
        }

        return results;
    }
}
