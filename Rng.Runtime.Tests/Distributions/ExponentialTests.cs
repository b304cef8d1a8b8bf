using System.Text.Json;
using static Rng.Tests.Distributions.DistributionVectors;

namespace Rng.Tests.Distributions;

/// <summary>StandardExponential (float64 and float32) and Exponential against NumPy 1.24 vectors, scalar and span.</summary>
public class ExponentialTests
{
    public static TheoryData<int> Cases => Indices(Continuous, "cases", "standard_exponential", "exponential");

    public static TheoryData<int> BitGeneratorCases => Indices(Continuous, "bitgen_cases", "standard_exponential");

    public static TheoryData<int> LongRuns => Indices(Continuous, "long_runs", "standard_exponential");

    public static TheoryData<int> Rejections => Indices(Continuous, "errors", "exponential");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scalar_and_span_forms_match_numpy(int index) => AssertContinuousCase(Entry(Continuous, "cases", index));

    [Theory]
    [MemberData(nameof(BitGeneratorCases))]
    public void Every_bit_generator_matches_numpy(int index) => AssertContinuousCase(Entry(Continuous, "bitgen_cases", index));

    [Theory]
    [MemberData(nameof(LongRuns))]
    public void Long_runs_through_the_tail_match_numpy(int index)
    {
        JsonElement run = Entry(Continuous, "long_runs", index);
        Assert.True(run.GetProperty("tail_values").GetInt32() > 0, "the run should reach the ziggurat tail");
        AssertLongRun(run);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_what_numpy_rejects_without_drawing(int index) => ContinuousRejections.Assert(Entry(Continuous, "errors", index));
}
