namespace Consumer;

// A seed-taking API of the user's own, declared in .editorconfig as rng_safety.seed_sinks.
public sealed class Simulation
{
    private readonly Random _random;

    public Simulation(int seed) => _random = new Random(seed);

    public double Step() => _random.NextDouble();
}

// RNG1001 through the configured seed sink.
public static class CustomSink
{
    public static double[] Run(int rootSeed, int runs)
    {
        var results = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            results[run] = new Simulation(rootSeed + run).Step();
        }

        return results;
    }
}
