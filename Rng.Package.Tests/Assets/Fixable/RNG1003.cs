namespace Fixable;

public static class Rng1003Case
{
    public static Random Create() => new Random(Environment.TickCount);
}
