using System.Collections.Concurrent;
using System.Text.Json;
using Rng.Tests.Infrastructure;
using static Rng.Tests.Parallel.ParallelTestSupport;

namespace Rng.Tests.Parallel;

/// <summary>
/// Replays parallel.json (tools/numpy-vectors/parallel.py): item i of a loop over n items draws what NumPy's
/// <c>Generator(BitGen(SeedSequence(entropy, spawn_key=key).spawn(n)[i]))</c> draws, and a second loop on the same root
/// continues NumPy's spawn numbering; for every loop kind and several degrees of parallelism.
/// </summary>
public class ParallelVectorTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => VectorFiles.LoadJson("parallel.json"));

    public static IEnumerable<object[]> Cases()
    {
        var cases = Document.Value.RootElement.GetProperty("cases");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            var c = cases[i];
            string entropy = string.Join(",", c.GetProperty("entropy").EnumerateArray().Select(e => e.GetString()));
            yield return new object[] { i, $"{c.GetProperty("bitgen").GetString()} entropy {entropy} rounds {c.GetProperty("rounds")}" };
        }
    }

    public static IEnumerable<object[]> CasesAndLoops() =>
        from c in Cases()
        from loop in new[] { "For", "ForOffset", "ForEach", "Select", "ForEachAsync" }
        select new[] { c[0], loop, c[1] };

    [Theory]
    [MemberData(nameof(CasesAndLoops))]
    public async Task EveryLoop_MatchesNumPysSpawnChildren(int index, string loop, string description)
    {
        var c = Document.Value.RootElement.GetProperty("cases")[index];
        int drawsPerItem = Document.Value.RootElement.GetProperty("draws_per_item").GetInt32();
        string bitgen = c.GetProperty("bitgen").GetString()!;
        foreach (int degree in new[] { 1, 3 })
        {
            var root = RootOf(c);
            var rounds = c.GetProperty("rounds");
            for (int round = 0; round < rounds.GetArrayLength(); round++)
            {
                int n = rounds[round].GetInt32();
                ulong[][] actual = await RunLoop(loop, root, bitgen, Options(degree), n, drawsPerItem);
                var expected = c.GetProperty("draws")[round];
                for (int i = 0; i < n; i++)
                {
                    var wanted = expected[i].EnumerateArray().Select(e => e.GetUInt64()).ToArray();
                    Assert.True(wanted.SequenceEqual(actual[i]),
                        $"{description}, {loop}, degree {degree}, round {round}, item {i}: expected [{string.Join(", ", wanted)}], got [{string.Join(", ", actual[i])}]");
                }
            }

            Assert.Equal(rounds.EnumerateArray().Sum(r => r.GetInt32()), root.ChildrenSpawned);
        }
    }

    private static async Task<ulong[][]> RunLoop(string loop, SeedSequence root, string bitgen, ParallelOptions options, int n, int draws)
    {
        var results = new ulong[n][];
        ulong[] Draw(Generator rng) => Enumerable.Range(0, draws).Select(_ => BitConverter.DoubleToUInt64Bits(rng.Random())).ToArray();
        var items = Enumerable.Range(0, n).Select(i => $"item {i}").ToList();
        bool pcg = bitgen == "PCG64";
        var factory = FactoryOf(bitgen);
        switch (loop)
        {
            case "For":
                if (pcg)
                {
                    ParallelRandom.For(0, n, root, options, (i, rng) => results[i] = Draw(rng));
                }
                else
                {
                    ParallelRandom.For(0, n, root, factory, options, (i, rng) => results[i] = Draw(rng));
                }

                break;
            case "ForOffset":
                // Iteration i of [from, to) takes child i - from.
                const int from = -1_000_000;
                ParallelRandom.For(from, from + n, root, factory, options, (i, rng) => results[i - from] = Draw(rng));
                break;
            case "ForEach":
                var seen = new ConcurrentDictionary<long, string>();
                IEnumerable<string> lazy = items.Select(x => x); // not an IList: copied once, then indexed
                if (pcg)
                {
                    ParallelRandom.ForEach(lazy, root, options, (item, i, rng) => { seen[i] = item; results[i] = Draw(rng); });
                }
                else
                {
                    ParallelRandom.ForEach(lazy, root, factory, options, (item, i, rng) => { seen[i] = item; results[i] = Draw(rng); });
                }

                Assert.All(seen, pair => Assert.Equal($"item {pair.Key}", pair.Value));
                break;
            case "Select":
                var selected = pcg
                    ? ParallelRandom.Select(items, root, options, (item, rng) => (item, Draw(rng)))
                    : ParallelRandom.Select(items, root, factory, options, (item, rng) => (item, Draw(rng)));
                Assert.Equal(items, selected.Select(s => s.item));
                results = selected.Select(s => s.Item2).ToArray();
                break;
            case "ForEachAsync":
                async ValueTask Body(string item, long i, Generator rng, CancellationToken token)
                {
                    await Task.Yield();
                    Assert.Equal($"item {i}", item);
                    results[i] = Draw(rng);
                }

                if (pcg)
                {
                    await ParallelRandom.ForEachAsync(items, root, options, Body);
                }
                else
                {
                    await ParallelRandom.ForEachAsync(items, root, factory, options, Body);
                }

                break;
        }

        return results;
    }
}
