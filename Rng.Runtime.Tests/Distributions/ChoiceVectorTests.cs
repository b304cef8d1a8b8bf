namespace Rng.Tests.Distributions;

/// <summary>Choice (every NumPy branch), Shuffle and Permutation against NumPy 1.24 (dist_choice.json).</summary>
public class ChoiceVectorTests
{
    public static IEnumerable<object[]> Cases() => GeneratorCoreOpReplay.Cases("dist_choice.json", "cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReplaysNumPy(string file, string array, int index, string description)
    {
        _ = description;
        GeneratorCoreOpReplay.ReplayCase(file, array, index);
    }
}
