using Rng;

namespace Fixable;

public static class Rng3001Case
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
