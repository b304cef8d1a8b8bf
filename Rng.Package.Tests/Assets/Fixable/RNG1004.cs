namespace Fixable;

public static class Rng1004Case
{
    public static Random Create(string experiment) => new Random(experiment.GetHashCode());
}
