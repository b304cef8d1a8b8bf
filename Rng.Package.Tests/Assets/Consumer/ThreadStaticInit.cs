namespace Consumer;

// RNG2003: a [ThreadStatic] RNG with an initializer.
public static class ThreadStaticInit
{
    [ThreadStatic]
    private static Random? t_rng = new Random();

    public static double Next() => t_rng!.NextDouble();
}
