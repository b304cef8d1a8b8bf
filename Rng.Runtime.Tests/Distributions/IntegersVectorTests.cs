namespace Rng.Tests.Distributions;

/// <summary>Integers for every dtype and range branch, scalar and bulk, and interleavings (dist_integers.json).</summary>
public class IntegersVectorTests
{
    public static IEnumerable<object[]> Ranges() => GeneratorCoreOpReplay.Cases("dist_integers.json", "ranges");

    public static IEnumerable<object[]> Interleaved() => GeneratorCoreOpReplay.Cases("dist_integers.json", "interleaved");

    [Theory]
    [MemberData(nameof(Ranges))]
    public void RangesReplayNumPy(string file, string array, int index, string description)
    {
        _ = description;
        GeneratorCoreOpReplay.ReplayCase(file, array, index);
    }

    [Theory]
    [MemberData(nameof(Interleaved))]
    public void InterleavedReplaysNumPy(string file, string array, int index, string description)
    {
        _ = description;
        GeneratorCoreOpReplay.ReplayCase(file, array, index);
    }
}
