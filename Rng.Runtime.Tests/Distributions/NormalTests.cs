using System.Text.Json;
using static Rng.Tests.Distributions.DistributionVectors;

namespace Rng.Tests.Distributions;

/// <summary>StandardNormal (float64 and float32), Normal and Lognormal against NumPy 1.24 vectors, scalar and span.</summary>
public class NormalTests
{
    public static TheoryData<int> Cases => Indices(Continuous, "cases", "standard_normal", "normal", "lognormal");

    public static TheoryData<int> BitGeneratorCases => Indices(Continuous, "bitgen_cases", "standard_normal");

    public static TheoryData<int> LongRuns => Indices(Continuous, "long_runs", "standard_normal");

    public static TheoryData<int> Rejections => Indices(Continuous, "errors", "normal", "lognormal");

    public static TheoryData<int> InterleavedSeeds => Indices(Continuous, "interleaved");

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

    /// <summary>Mixed scalar and span calls, float64 and float32 (sharing the buffered 32-bit half), on one generator.</summary>
    [Theory]
    [MemberData(nameof(InterleavedSeeds))]
    public void Interleaved_calls_match_numpy(int index)
    {
        JsonElement sequence = Entry(Continuous, "interleaved", index);
        var generator = new Generator(new Pcg64(sequence.GetProperty("seed").GetUInt64()));
        int call = 0;
        foreach (JsonElement step in sequence.GetProperty("calls").EnumerateArray())
        {
            string method = step.GetProperty("method").GetString()!;
            JsonElement size = step.GetProperty("size");
            ulong[] expected = Bits(step.GetProperty("values"));
            ulong[] actual = DrawContinuous(generator, method, step.GetProperty("dtype").GetString()!, step.GetProperty("params"), expected.Length, span: size.ValueKind != JsonValueKind.Null);
            AssertSameBits(expected, actual, $"call {call} ({method})");
            call++;
        }
    }

    [Fact]
    public void Standard_forms_keep_negative_zero_and_the_affine_form_applies_loc_and_scale()
    {
        // Normal(loc, 0) must be exactly loc whatever the draw, as NumPy's loc + 0 * x.
        var generator = new Generator(new Pcg64(5));
        Span<double> values = stackalloc double[64];
        generator.Normal(7.5, 0.0, values);
        foreach (double value in values)
        {
            Assert.Equal(7.5, value);
        }
    }
}

/// <summary>Shared check of the "errors" entries of dist_continuous.json.</summary>
internal static class ContinuousRejections
{
    public static void Assert(JsonElement error)
    {
        string method = error.GetProperty("method").GetString()!;
        string message = error.GetProperty("message").GetString()!;
        string parameterName = message.Split(' ')[0];
        JsonElement parameters = error.GetProperty("params");
        foreach (bool span in new[] { false, true })
        {
            var bitGenerator = new Pcg64(0);
            var generator = new Generator(bitGenerator);
            AssertNumPyRejection(() => DrawContinuous(generator, method, "float64", parameters, 1, span), message, parameterName);
            Xunit.Assert.Equal(new Pcg64(0).NextUInt64(), bitGenerator.NextUInt64());
        }
    }
}
