using Rng;

namespace UnsafeSeeding;

// Ported from NumPy's "Parallel random number generation" guide, "Jumping the BitGenerator state":
// blocked_rng = [rng.jumped(i) for i in range(10)]; "one could not later use blocked_rng[0].jumped() as it would
// overlap with blocked_rng[1]".
//
// Rule: RNG3001 (Overlapping jumped streams) on blocked[0].Jumped().
// What goes wrong: jumping is a fixed-size stride along one stream. Block 0 jumped once lands exactly where block 1
// starts, so the "extra" stream repeats block 1 number for number.
internal static class OverlappingJumpedBlocks
{
    public static void Run()
    {
        // The 128-bit root seed of NumPy's guide, 0x8c3c010cb4754c905776bdac5ee7501.
        var rng = new Pcg64(new UInt128(0x08c3c010cb4754c9, 0x05776bdac5ee7501));
        var blocked = new Pcg64[10];
        for (int i = 0; i < blocked.Length; i++)
        {
            blocked[i] = rng.Jumped(i);
        }

        var extra = blocked[0].Jumped();
        Console.WriteLine($"blocked[1]:           {Show.Row(Draw(blocked[1], 3))}");
        Console.WriteLine($"blocked[0].Jumped():  {Show.Row(Draw(extra, 3))}");
    }

    private static ulong[] Draw(Pcg64 generator, int count)
    {
        var values = new ulong[count];
        generator.Fill(values);
        return values;
    }
}
