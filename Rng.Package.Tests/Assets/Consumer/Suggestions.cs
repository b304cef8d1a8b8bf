using Rng;

namespace Consumer;

// Code for the suggestion-level rules, which <RngSafetyStrict> raises to warnings.
public static class Suggestions
{
    // RNG1005: a small literal root seed.
    public static SeedSequence LowEntropyRoot() => new SeedSequence(42);
}
