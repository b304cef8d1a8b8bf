using System.Globalization;
using System.Numerics;

namespace Rng.Tests.Distributions;

/// <summary>Generator construction, Create (default_rng), Spawn (Generator.spawn) against NumPy vectors, and bad input.</summary>
public class GeneratorCoreTests
{
    public static IEnumerable<object[]> PcgCases()
    {
        var cases = GeneratorCoreOpReplay.Root("dist_uniform.json").GetProperty("cases");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            if (cases[i].GetProperty("bitgen").GetString() == "PCG64")
            {
                yield return new object[] { i };
            }
        }
    }

    public static IEnumerable<object[]> SpawnCases()
    {
        var cases = GeneratorCoreOpReplay.Root("dist_uniform.json").GetProperty("spawn");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            yield return new object[] { i };
        }
    }

    [Theory]
    [MemberData(nameof(PcgCases))]
    public void CreateFromSeed_IsNumPysDefaultRng(int index)
    {
        var c = GeneratorCoreOpReplay.Root("dist_uniform.json").GetProperty("cases")[index];
        var seed = BigInteger.Parse(c.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture);
        GeneratorCoreOpReplay.ReplayOps(Generator.Create(seed), c.GetProperty("ops"));
        GeneratorCoreOpReplay.ReplayOps(Generator.Create(new SeedSequence(seed)), c.GetProperty("ops"));
        if (seed <= long.MaxValue)
        {
            GeneratorCoreOpReplay.ReplayOps(Generator.Create((long)seed), c.GetProperty("ops"));
        }
    }

    [Theory]
    [MemberData(nameof(SpawnCases))]
    public void Spawn_IsNumPysGeneratorSpawn(int index)
    {
        var c = GeneratorCoreOpReplay.Root("dist_uniform.json").GetProperty("spawn")[index];
        var parent = Generator.Create(BigInteger.Parse(c.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture));
        var counts = c.GetProperty("counts");
        var rounds = c.GetProperty("rounds");
        for (int round = 0; round < counts.GetArrayLength(); round++)
        {
            var children = parent.Spawn(counts[round].GetInt32());
            Assert.Equal(counts[round].GetInt32(), children.Length);
            for (int child = 0; child < children.Length; child++)
            {
                Assert.IsType<Pcg64>(children[child].BitGenerator);
                GeneratorCoreOpReplay.ReplayOps(children[child], rounds[round][child]);
            }
        }
    }

    [Fact]
    public void Spawn_KeepsTheBitGeneratorKind()
    {
        var parent = new Generator(new Philox(new SeedSequence(5)));
        var children = parent.Spawn(2);
        Assert.All(children, c => Assert.IsType<Philox>(c.BitGenerator));
        Assert.NotEqual(children[0].Random(), children[1].Random());
        Assert.Empty(parent.Spawn(0));
    }

    [Fact]
    public void CreateFromOsEntropy_IsReproducibleFromTheLoggedEntropy()
    {
        var generator = Generator.Create();
        var entropy = generator.BitGenerator.SeedSequence!.Entropy[0];
        var replay = Generator.Create(entropy);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(generator.Random(), replay.Random());
        }
    }

    [Fact]
    public void BadArguments_AreRejectedWithTheirNames()
    {
        Assert.Throws<ArgumentNullException>("bitGenerator", () => new Generator(null!));
        Assert.Throws<ArgumentNullException>("seedSequence", () => Generator.Create((SeedSequence)null!));
        var negative = Assert.Throws<ArgumentOutOfRangeException>("seed", () => Generator.Create(-1L));
        Assert.Contains("non-negative", negative.Message);
        Assert.Throws<ArgumentOutOfRangeException>("seed", () => Generator.Create(BigInteger.MinusOne));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => Generator.Create(1).Spawn(-1));
    }

    [Fact]
    public void Spawn_WithoutASeedSequence_SaysWhy()
    {
        var fromState = new Generator(new Pcg64(new Pcg64(new SeedSequence(1)).State));
        var error = Assert.Throws<InvalidOperationException>(() => fromState.Spawn(1));
        Assert.Contains("SeedSequence", error.Message);
    }
}
