using Rng;

namespace Fixable;

public static class Rng1005Case
{
    public static SeedSequence Root() => new SeedSequence(42);
}
