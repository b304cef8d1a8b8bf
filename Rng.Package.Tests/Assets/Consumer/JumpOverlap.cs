using Rng;

namespace Consumer;

// RNG3001: NumPy's guide, blocked_rng[0].jumped() overlaps blocked_rng[1].
public static class JumpOverlap
{
    public static Pcg64[] Blocks(Pcg64 root)
    {
        var blocked = new Pcg64[4];
        for (int i = 0; i < blocked.Length; i++)
        {
            blocked[i] = root.Jumped(i);
        }

        var extra = blocked[0].Jumped();
        return new[] { blocked[1], extra };
    }
}
