using System.Text.Json;
using Rng.Internal;
using Rng.Tests.Infrastructure;

namespace Rng.Tests.Distributions;

/// <summary>
/// The managed log1p / log1pf against the C library functions NumPy's samplers call (log1p.json, from libm through
/// ctypes: NumPy's random module links libm's log1p and log1pf directly).
/// </summary>
public class Log1pTests
{
    private static readonly JsonDocument Vectors = VectorFiles.LoadJson("log1p.json");

    [Fact]
    public void Log1p_matches_the_c_library_bit_for_bit()
    {
        JsonElement table = Vectors.RootElement.GetProperty("double");
        ulong[] inputs = DistributionVectors.Bits(table.GetProperty("x"));
        ulong[] expected = DistributionVectors.Bits(table.GetProperty("log1p"));
        Assert.True(inputs.Length > 3000);
        // Inputs on which glibc's FMA and plain builds round differently: they pin the build reproduced.
        Assert.True(table.GetProperty("fma_build_sensitive_inputs").GetInt32() >= 100);
        for (int i = 0; i < inputs.Length; i++)
        {
            double x = BitConverter.UInt64BitsToDouble(inputs[i]);
            ulong actual = BitConverter.DoubleToUInt64Bits(CMath.Log1p(x));
            Assert.True(expected[i] == actual, $"log1p({x:R}) [0x{inputs[i]:X16}] = 0x{actual:X16}, C gives 0x{expected[i]:X16}.");
        }
    }

    [Fact]
    public void Log1pf_matches_the_c_library_bit_for_bit()
    {
        JsonElement table = Vectors.RootElement.GetProperty("float");
        uint[] inputs = table.GetProperty("x").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        uint[] expected = table.GetProperty("log1p").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        Assert.True(inputs.Length > 3000);
        for (int i = 0; i < inputs.Length; i++)
        {
            float x = BitConverter.UInt32BitsToSingle(inputs[i]);
            uint actual = BitConverter.SingleToUInt32Bits(CMath.Log1pf(x));
            Assert.True(expected[i] == actual, $"log1pf({x:R}) [0x{inputs[i]:X8}] = 0x{actual:X8}, C gives 0x{expected[i]:X8}.");
        }
    }

    [Fact]
    public void Log_of_one_plus_x_is_not_a_substitute()
    {
        // Why the port exists: .NET's LogP1 is log(1 + x), which differs from C's log1p on these very vectors.
        JsonElement table = Vectors.RootElement.GetProperty("double");
        ulong[] inputs = DistributionVectors.Bits(table.GetProperty("x"));
        ulong[] expected = DistributionVectors.Bits(table.GetProperty("log1p"));
        int differences = inputs.Where((x, i) => BitConverter.DoubleToUInt64Bits(double.LogP1(BitConverter.UInt64BitsToDouble(x))) != expected[i]).Count();
        Assert.True(differences > 100, $"only {differences} differences");
    }
}
