using Rng;

namespace Consumer;

// RNG1005 (suggestion; a warning under RngSafetyStrict): a small literal root seed.
public static class LowEntropy
{
    public static SeedSequence Root() => new SeedSequence(42);
}
