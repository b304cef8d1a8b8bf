using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/OverlappingJumpedBlocks.cs (RNG3001): blocked[0].Jumped() landed on blocked[1]. Ten more streams
// continue the jump count where the first ten stopped, root.Jumped(10) .. root.Jumped(19), so no block is used twice.
// NumPy: blocked = [PCG64(root).jumped(i) for i in range(20)]; b.random_raw(2)
internal static class NonOverlappingJumpedBlocks
{
    public static void Run()
    {
        var root = new Pcg64(Seeds.Root);
        var blocked = new Pcg64[10];
        for (int i = 0; i < blocked.Length; i++)
        {
            blocked[i] = root.Jumped(i);
        }

        // Ten more streams: jumps 10 to 19, never blocked[i].Jumped().
        var more = new Pcg64[10];
        for (int i = 0; i < more.Length; i++)
        {
            more[i] = root.Jumped(blocked.Length + i);
        }

        foreach (var (name, generator) in new[] { ("blocked[0]", blocked[0]), ("blocked[1]", blocked[1]), ("blocked[9]", blocked[9]), ("more[0]", more[0]), ("more[9]", more[9]) })
        {
            var values = new ulong[2];
            generator.Fill(values);
            Console.WriteLine($"{name}: {Show.Row(values)}");
        }
    }
}
