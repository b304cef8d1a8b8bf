using System.Text.Json;
using static Rng.Tests.Distributions.DistributionVectors;

namespace Rng.Tests.Distributions;

/// <summary>Poisson, Binomial and Geometric against NumPy 1.24 vectors, scalar and span.</summary>
public class DiscreteTests
{
    public static TheoryData<int> Cases => Indices(Discrete, "cases");

    public static TheoryData<int> BitGeneratorCases => Indices(Discrete, "bitgen_cases");

    public static TheoryData<int> Rejections => Indices(Discrete, "errors");

    public static TheoryData<int> InterleavedSeeds => Indices(Discrete, "interleaved");

    public static TheoryData<int> GeometricOverflow => Indices(Discrete, "geometric_overflow");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scalar_and_span_forms_match_numpy(int index) => AssertDiscreteCase(Entry(Discrete, "cases", index));

    [Theory]
    [MemberData(nameof(BitGeneratorCases))]
    public void Every_bit_generator_matches_numpy(int index) => AssertDiscreteCase(Entry(Discrete, "bitgen_cases", index));

    [Fact]
    public void Poisson_limit_is_numpys()
    {
        Assert.Equal(Discrete.GetProperty("poisson_lam_max").GetUInt64(), BitConverter.DoubleToUInt64Bits(Generator.PoissonLamMax));
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_what_numpy_rejects_without_drawing(int index)
    {
        JsonElement error = Entry(Discrete, "errors", index);
        string method = error.GetProperty("method").GetString()!;
        string message = error.GetProperty("message").GetString()!;
        foreach (bool span in new[] { false, true })
        {
            var bitGenerator = new Pcg64(0);
            var generator = new Generator(bitGenerator);
            AssertNumPyRejection(() => DrawDiscrete(generator, method, error.GetProperty("params"), 1, span), message, message.Split(' ')[0]);
            Assert.Equal(new Pcg64(0).NextUInt64(), bitGenerator.NextUInt64());
        }
    }

    /// <summary>
    /// Where NumPy 1.24 casts a value of 2^63 or more to int64 it returns long.MinValue; the library returns
    /// long.MaxValue there (NumPy 1.25's fix) and NumPy's value everywhere else.
    /// </summary>
    [Theory]
    [MemberData(nameof(GeometricOverflow))]
    public void Geometric_saturates_where_numpy_overflows(int index)
    {
        JsonElement entry = Entry(Discrete, "geometric_overflow", index);
        long[] expected = Longs(entry.GetProperty("values")).Select(v => v == long.MinValue ? long.MaxValue : v).ToArray();
        foreach (bool span in new[] { false, true })
        {
            Assert.Equal(expected, DrawDiscrete(NewGenerator(entry), "geometric", entry.GetProperty("params"), expected.Length, span));
        }
    }

    /// <summary>Discrete and continuous calls, scalar and span, mixed on one generator.</summary>
    [Theory]
    [MemberData(nameof(InterleavedSeeds))]
    public void Interleaved_calls_match_numpy(int index)
    {
        JsonElement sequence = Entry(Discrete, "interleaved", index);
        var generator = new Generator(new Pcg64(sequence.GetProperty("seed").GetUInt64()));
        int call = 0;
        foreach (JsonElement step in sequence.GetProperty("calls").EnumerateArray())
        {
            string method = step.GetProperty("method").GetString()!;
            bool span = step.GetProperty("size").ValueKind != JsonValueKind.Null;
            JsonElement parameters = step.GetProperty("params");
            if (method is "poisson" or "binomial" or "geometric" or "integers")
            {
                long[] expected = Longs(step.GetProperty("values"));
                Assert.Equal(expected, DrawDiscrete(generator, method, parameters, expected.Length, span));
            }
            else
            {
                ulong[] expected = Bits(step.GetProperty("values"));
                AssertSameBits(expected, DrawContinuous(generator, method, "float64", parameters, expected.Length, span), $"call {call} ({method})");
            }

            call++;
        }
    }
}

/// <summary>NumPy 1.24's geometric search never ends when its running sum stops growing below U; the library stops.</summary>
public class GeometricSearchTerminationTests
{
    [Fact]
    public void Search_returns_when_the_sum_stops_below_the_largest_uniform()
    {
        // U = 1 - 2^-53 (a draw of all ones). For p = 0.3334 the sum p * (1 + q + q^2 + ...) stops growing at
        // 0.9999999999999998 < U, where NumPy loops for ever.
        var generator = new Generator(new ConstantBitGenerator(ulong.MaxValue));
        long value = generator.Geometric(0.3334);
        Assert.InRange(value, 2, 200);
        Assert.Equal(value, generator.Geometric(0.3334));
    }

    private sealed class ConstantBitGenerator(ulong word) : BitGenerator(null)
    {
        public override ulong NextUInt64() => word;

        private protected override BitGenerator CreateFromSeedSequence(SeedSequence seedSequence) => throw new NotSupportedException();
    }
}
