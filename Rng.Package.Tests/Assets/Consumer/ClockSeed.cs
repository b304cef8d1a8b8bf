namespace Consumer;

// RNG1003: a seed from the clock.
public static class ClockSeed
{
    public static Random Create() => new Random(Environment.TickCount);
}
