namespace Rng.Tests.Distributions;

/// <summary>Random (float64/float32), Uniform, Bytes and interleavings against NumPy 1.24 (dist_uniform.json).</summary>
public class UniformVectorTests
{
    public static IEnumerable<object[]> Cases() => GeneratorCoreOpReplay.Cases("dist_uniform.json", "cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReplaysNumPy(string file, string array, int index, string description)
    {
        _ = description;
        GeneratorCoreOpReplay.ReplayCase(file, array, index);
    }
}
