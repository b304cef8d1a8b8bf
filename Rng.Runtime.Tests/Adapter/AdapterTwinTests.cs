using System.Reflection;

namespace Rng.Tests.Adapter;

/// <summary>
/// The adapter against a twin generator with the same seed: every override is the documented Generator call, argument
/// errors are System.Random's, and Random.Shuffle / GetItems draw from our stream.
/// </summary>
public class AdapterTwinTests
{
    private static readonly ulong[] Seeds = [0, 1, 7, 20261122, 987654321];

    private static (Random Adapter, Generator Twin) Pair(ulong seed) =>
        (new Generator(new Pcg64(new SeedSequence(seed))).AsRandom(), new Generator(new Pcg64(new SeedSequence(seed))));

    [Fact]
    public void EveryVirtualMemberOfRandom_IsOverridden()
    {
        var adapter = Generator.Create(1).AsRandom();
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var virtuals = typeof(Random).GetMethods(all).Where(m => m.IsVirtual && !m.IsFinal && m.DeclaringType == typeof(Random)).ToArray();
        Assert.Contains(virtuals, m => m.Name == "Sample");
        Assert.True(virtuals.Length >= 11, $"expected at least 11 virtual members, found {virtuals.Length}");
        foreach (var method in virtuals)
        {
            var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
            var implementation = adapter.GetType().GetMethod(method.Name, all, parameters);
            Assert.NotNull(implementation);
            Assert.True(implementation!.DeclaringType == adapter.GetType(), $"{method} is not overridden");
        }
    }

    [Fact]
    public void EachOverride_IsTheDocumentedGeneratorCall()
    {
        foreach (ulong seed in Seeds)
        {
            var (random, twin) = Pair(seed);
            var sampleMethod = typeof(Random).GetMethod("Sample", BindingFlags.Instance | BindingFlags.NonPublic)!;
            for (int round = 0; round < 20; round++)
            {
                Assert.Equal(twin.Integers(0, int.MaxValue), random.Next());
                Assert.Equal(twin.Integers(0, 1000), random.Next(1000));
                Assert.Equal(twin.Integers(-50, 50), random.Next(-50, 50));
                Assert.Equal(twin.Integers(0L, long.MaxValue), random.NextInt64());
                Assert.Equal(twin.Integers(0L, 1L << 40), random.NextInt64(1L << 40));
                Assert.Equal(twin.Integers(-(1L << 50), 3L), random.NextInt64(-(1L << 50), 3L));
                Assert.Equal(twin.Random(), random.NextDouble());
                Assert.Equal(twin.Random(), (double)sampleMethod.Invoke(random, null)!);
                Assert.Equal(twin.RandomSingle(), random.NextSingle());
                var expected = twin.Bytes(round % 11);
                var array = new byte[round % 11];
                random.NextBytes(array);
                Assert.Equal(expected, array);
                expected = twin.Bytes(round % 6);
                Span<byte> span = new byte[round % 6];
                random.NextBytes(span);
                Assert.Equal(expected, span.ToArray());
            }
        }
    }

    [Fact]
    public void EmptyRanges_ReturnTheirOnlyValue_AndDrawNothing()
    {
        var (random, twin) = Pair(3);
        Assert.Equal(0, random.Next(0));
        Assert.Equal(0, random.Next(1));
        Assert.Equal(-9, random.Next(-9, -9));
        Assert.Equal(int.MaxValue, random.Next(int.MaxValue, int.MaxValue));
        Assert.Equal(0L, random.NextInt64(0));
        Assert.Equal(0L, random.NextInt64(1));
        Assert.Equal(long.MinValue, random.NextInt64(long.MinValue, long.MinValue));
        Assert.Equal(twin.Random(), random.NextDouble()); // the stream has not moved
    }

    [Fact]
    public void NextMinMax_StaysInRange_ForRandomBounds()
    {
        var bounds = Generator.Create(20261122);
        var (random, twin) = Pair(11);
        for (int i = 0; i < 5000; i++)
        {
            // Half the pairs anywhere in int's range, half near its ends, so the extreme widths are covered.
            int a = bounds.Integers(int.MinValue, int.MaxValue, true);
            int b = bounds.Integers(int.MinValue, int.MaxValue, true);
            if (i % 2 == 1)
            {
                a = i % 4 == 1 ? int.MinValue + (a & 0xff) : a;
                b = int.MaxValue - (b & 0xff);
            }

            (int low, int high) = a <= b ? (a, b) : (b, a);
            int value = random.Next(low, high);
            Assert.Equal(low == high ? low : twin.Integers(low, high), value);
            Assert.True(low == high ? value == low : value >= low && value < high, $"Next({low}, {high}) = {value}");
        }

        Assert.InRange(random.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
    }

    [Fact]
    public void NextInt64MinMax_StaysInRange_ForRandomBounds()
    {
        var bounds = Generator.Create(5);
        var (random, twin) = Pair(12);
        for (int i = 0; i < 5000; i++)
        {
            long a = bounds.Integers(long.MinValue, long.MaxValue, true);
            long b = bounds.Integers(long.MinValue, long.MaxValue, true);
            if (i % 3 == 1)
            {
                b = a + (b & 0xffff_ffff) - (1L << 31); // widths around 2^32, where NumPy switches algorithms
            }

            (long low, long high) = a <= b ? (a, b) : (b, a);
            long value = random.NextInt64(low, high);
            Assert.Equal(low == high ? low : twin.Integers(low, high), value);
            Assert.True(low == high ? value == low : value >= low && value < high, $"NextInt64({low}, {high}) = {value}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    public void RandomShuffle_IsDotNetsFisherYatesOverTwinIntegers(int n)
    {
        foreach (ulong seed in Seeds)
        {
            var (random, twin) = Pair(seed);
            var expected = Enumerable.Range(0, n).ToArray();
            for (int i = 0; i < n - 1; i++)
            {
                int j = twin.Integers(i, n);
                (expected[i], expected[j]) = (expected[j], expected[i]);
            }

            var actual = Enumerable.Range(0, n).ToArray();
            random.Shuffle(actual);
            Assert.Equal(expected, actual);

            // The span overload draws the same way and leaves both streams in step.
            var span = Enumerable.Range(0, n).ToArray();
            random.Shuffle(span.AsSpan());
            Assert.Equal(TwinShuffle(twin, n), span);
            Assert.Equal(twin.Random(), random.NextDouble());
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 9)]
    [InlineData(3, 9)]
    [InlineData(16, 40)]
    [InlineData(256, 40)]
    [InlineData(1000, 40)]
    public void RandomGetItems_TakesOneTwinIntegersDrawPerItem(int choices, int length)
    {
        // Power-of-two counts up to 256 are where .NET takes a byte-based shortcut for its own generator; the adapter
        // must still go through Next(choices.Length).
        foreach (ulong seed in Seeds)
        {
            var (random, twin) = Pair(seed);
            var population = Enumerable.Range(100, choices).ToArray();
            var expected = Enumerable.Range(0, length).Select(_ => population[twin.Integers(0, choices)]).ToArray();
            Assert.Equal(expected, random.GetItems(population, length));
            var destination = new int[length];
            random.GetItems(population, destination.AsSpan());
            Assert.Equal(Enumerable.Range(0, length).Select(_ => population[twin.Integers(0, choices)]), destination);
            Assert.Equal(twin.Random(), random.NextDouble());
        }
    }

    [Fact]
    public void RandomGetString_DrawsFromTheTwinStream()
    {
        // .NET 10's GetString picks each character through GetItems, i.e. one Next(choices.Length) per character.
        const string choices = "ACGT";
        foreach (ulong seed in Seeds)
        {
            var (random, twin) = Pair(seed);
            var expected = new string(Enumerable.Range(0, 25).Select(_ => choices[twin.Integers(0, choices.Length)]).ToArray());
            Assert.Equal(expected, random.GetString(choices, 25));
        }
    }

    [Fact]
    public void AsRandom_IsOneAdapterSharingTheGeneratorsStream()
    {
        var generator = Generator.Create(99);
        var twin = Generator.Create(99);
        var random = generator.AsRandom();
        Assert.Same(random, generator.AsRandom());
        Assert.Equal(twin.Random(), random.NextDouble());
        Assert.Equal(twin.Integers(0, 10), generator.Integers(0, 10));
        Assert.Equal(twin.Integers(0, 10), random.Next(10));
        Assert.Equal(twin.RandomSingle(), generator.RandomSingle());
        Assert.Equal(twin.RandomSingle(), random.NextSingle()); // the spare 32-bit half is shared too
    }

    [Fact]
    public void BadArguments_ThrowSystemRandomsExceptionsAndParameterNames()
    {
        var adapter = Generator.Create(1).AsRandom();
        var system = new Random(1);
        AssertSameError(() => system.Next(-1), () => adapter.Next(-1));
        AssertSameError(() => system.Next(int.MinValue), () => adapter.Next(int.MinValue));
        AssertSameError(() => system.Next(5, 4), () => adapter.Next(5, 4));
        AssertSameError(() => system.Next(int.MaxValue, int.MinValue), () => adapter.Next(int.MaxValue, int.MinValue));
        AssertSameError(() => system.NextInt64(-1), () => adapter.NextInt64(-1));
        AssertSameError(() => system.NextInt64(5, 4), () => adapter.NextInt64(5, 4));
        AssertSameError(() => system.NextInt64(long.MaxValue, long.MinValue), () => adapter.NextInt64(long.MaxValue, long.MinValue));
        AssertSameError(() => system.NextBytes(null!), () => adapter.NextBytes(null!));

        var message = Assert.Throws<ArgumentOutOfRangeException>("minValue", () => adapter.Next(5, 4)).Message;
        Assert.Contains("maxValue", message);
        Assert.Contains("5", message);
    }

    private static void AssertSameError(Action expected, Action actual)
    {
        var wanted = Assert.ThrowsAny<ArgumentException>(expected);
        var got = Assert.ThrowsAny<ArgumentException>(actual);
        Assert.Equal(wanted.GetType(), got.GetType());
        Assert.Equal(wanted.ParamName, got.ParamName);
    }

    private static int[] TwinShuffle(Generator twin, int n)
    {
        var values = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < n - 1; i++)
        {
            int j = twin.Integers(i, n);
            (values[i], values[j]) = (values[j], values[i]);
        }

        return values;
    }
}
