using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/SameSeedSequenceTwice.cs (RNG3002): the simulation and the bootstrap each get their own child
// of the root SeedSequence instead of sharing it. The children are independent and can be rebuilt anywhere from the
// root entropy and their spawn keys (0,) and (1,).
// NumPy: simulation, bootstrap = [Generator(PCG64(c)) for c in SeedSequence(root).spawn(2)]; g.random(3)
internal static class SpawnedChildren
{
    public static void Run()
    {
        var children = new SeedSequence(Seeds.Root).Spawn(2);
        var simulation = new Generator(new Pcg64(children[0]));
        var bootstrap = new Generator(new Pcg64(children[1]));

        var noise = new double[3];
        var resample = new double[3];
        simulation.Random(noise);
        bootstrap.Random(resample);
        Console.WriteLine($"simulation: {Show.Row(noise)}");
        Console.WriteLine($"bootstrap:  {Show.Row(resample)}");
    }
}
