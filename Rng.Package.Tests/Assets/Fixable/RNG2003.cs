namespace Fixable;

public static class Rng2003Case
{
    [ThreadStatic]
    private static Random? t_rng = new Random();

    public static double Next() => t_rng!.NextDouble();
}
