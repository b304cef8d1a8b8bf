using static Rng.Tests.Distributions.DistributionVectors;

namespace Rng.Tests.Distributions;

/// <summary>StandardGamma, Gamma, Beta and ChiSquare against NumPy 1.24 vectors, scalar and span.</summary>
public class GammaTests
{
    public static TheoryData<int> Cases => Indices(Continuous, "cases", "standard_gamma", "gamma", "beta", "chisquare");

    public static TheoryData<int> BitGeneratorCases => Indices(Continuous, "bitgen_cases", "standard_gamma", "beta");

    public static TheoryData<int> Rejections => Indices(Continuous, "errors", "standard_gamma", "gamma", "beta", "chisquare");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scalar_and_span_forms_match_numpy(int index) => AssertContinuousCase(Entry(Continuous, "cases", index));

    [Theory]
    [MemberData(nameof(BitGeneratorCases))]
    public void Every_bit_generator_matches_numpy(int index) => AssertContinuousCase(Entry(Continuous, "bitgen_cases", index));

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_what_numpy_rejects_without_drawing(int index) => ContinuousRejections.Assert(Entry(Continuous, "errors", index));

    /// <summary>NumPy 1.24 loops for ever on beta(1e-300, 1e-300); the library refuses such parameters up front.</summary>
    [Theory]
    [InlineData(1e-300, 1e-300)]
    [InlineData(1e-10, 1e-10)]
    [InlineData(4e-10, 5.9e-10)]
    public void Beta_refuses_parameters_where_johnk_cannot_finish(double a, double b)
    {
        var bitGenerator = new Pcg64(3);
        var generator = new Generator(bitGenerator);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => generator.Beta(a, b));
        Assert.Contains("a + b", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Beta(a, b, new double[3]));
        Assert.Equal(new Pcg64(3).NextUInt64(), bitGenerator.NextUInt64());
    }

    [Fact]
    public void Beta_with_one_tiny_parameter_still_samples()
    {
        // Y = V^(1/b) is positive, so Johnk accepts at once; X underflows to 0 and the value is 0.
        var generator = new Generator(new Pcg64(3));
        var values = new double[100];
        generator.Beta(1e-300, 0.5, values);
        Assert.All(values, v => Assert.Equal(0.0, v));
    }
}
