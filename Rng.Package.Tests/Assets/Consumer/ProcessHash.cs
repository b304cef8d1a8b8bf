namespace Consumer;

// RNG1004: a seed from a per-process string hash.
public static class ProcessHash
{
    public static Random Create(string experiment) => new Random(experiment.GetHashCode());
}
