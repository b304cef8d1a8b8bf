using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.Tests.Infrastructure;
using Rng.Analyzers.CodeFixes;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.SharedRngAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SharedRngAnalyzer, Rng.Analyzers.CodeFixes.SharedRngCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG2001SharedRngTests
{
    private const string PlainFix = "seeded from the item index, or Random.Shared if reproducibility is not needed";
    private const string RuntimeFix = "spawn one SeedSequence child per item";

    private static DiagnosticResult Expect(int markup, string name, string type, string fix) =>
        Verify.Diagnostic(Descriptors.RngSharedAcrossParallelBody).WithLocation(markup).WithArguments(name, type, fix);

    [Fact]
    public async Task Triggers_FieldStaticFieldCapturedLocalAndParameter_FirstUsePerBody()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private readonly Random _rng = new Random(1);
                private static Random s_rng = new Random(2);

                void M(Random fromCaller, int n, double[] results)
                {
                    var local = new Random(3);
                    Parallel.For(0, n, i =>
                    {
                        var a = {|#0:_rng|}.Next();
                        var b = {|#1:s_rng|}.Next();
                        var c = {|#2:local|}.NextDouble();
                        results[i] = {|#3:fromCaller|}.NextDouble() + _rng.NextDouble();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "_rng", "Random", PlainFix),
            Expect(1, "s_rng", "Random", PlainFix),
            Expect(2, "local", "Random", PlainFix),
            Expect(3, "fromCaller", "Random", PlainFix));
    }

    [Fact]
    public async Task Triggers_InEveryKindOfParallelBody()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void M(Random rng, int[] items)
                {
                    Parallel.ForEach(items, item => {|#0:rng|}.Next());
                    Parallel.Invoke(() => {|#1:rng|}.Next(), () => { });
                    Task.Run(() => {|#2:rng|}.Next());
                    Task.Factory.StartNew(() => {|#3:rng|}.Next());
                    new Thread(() => {|#4:rng|}.Next()).Start();
                    ThreadPool.QueueUserWorkItem(_ => {|#5:rng|}.Next());
                    var sums = items.AsParallel().Select(x => x + {|#6:rng|}.Next()).ToArray();
                    Parallel.For(0, 10, () => {|#7:rng|}.Next(), (i, state, local) => local, local => { });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "rng", "Random", PlainFix),
            Expect(1, "rng", "Random", PlainFix),
            Expect(2, "rng", "Random", PlainFix),
            Expect(3, "rng", "Random", PlainFix),
            Expect(4, "rng", "Random", PlainFix),
            Expect(5, "rng", "Random", PlainFix),
            Expect(6, "rng", "Random", PlainFix),
            Expect(7, "rng", "Random", PlainFix));
    }

    // Each RNG is reported at its first use per parallel body: the body itself, then the functions it calls, breadth first
    // (here Local() comes before draw(), so 'captured' is reported in Local).
    [Fact]
    public async Task Triggers_ThroughHelpersLocalFunctionsDelegatesAndProperties_TwoLevelsDeep()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private readonly Random _rng = new Random(1);
                private readonly Random _deep = new Random(2);
                private static readonly Random s_viaProperty = new Random(3);

                private Random Rng => {|#4:s_viaProperty|};

                public Random Auto { get; } = new Random(4);

                void M(int n, double[] results)
                {
                    var captured = new Random(5);
                    Func<double> draw = () => captured.NextDouble();
                    Parallel.For(0, n, i =>
                    {
                        results[i] = Sample() + Local() + draw() + Rng.Next() + {|#5:Auto|}.Next();
                    });

                    double Local() => {|#3:captured|}.NextDouble() * 2;
                }

                double Sample() => {|#0:_rng|}.NextDouble() + Deeper();

                double Deeper() => Deepest();

                double Deepest() => {|#1:_deep|}.NextDouble();
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(4, "s_viaProperty", "Random", PlainFix),
            Expect(5, "Auto", "Random", PlainFix),
            Expect(3, "captured", "Random", PlainFix),
            Expect(0, "_rng", "Random", PlainFix),
            Expect(1, "_deep", "Random", PlainFix));
    }

    [Fact]
    public async Task Triggers_InAHelperDeclaredInAnotherFileOfAPartialType()
    {
        const string source = """
            using System.Threading.Tasks;

            partial class C
            {
                void M(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = Sample());
                }
            }
            """;
        const string otherFile = """
            using System;

            partial class C
            {
                private readonly Random _rng = new Random(1);

                double Sample() => {|#0:_rng|}.NextDouble();
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            new VerifierOptions { AdditionalSources = new[] { ("/0/Other.cs", otherFile) } },
            Expect(0, "_rng", "Random", PlainFix));
    }

    [Fact]
    public async Task DoesNotTrigger_InAHelperDeclaredInGeneratedCode()
    {
        // Generated code is not analysed, so calls from a parallel body into it are not followed either.
        const string source = """
            using System.Threading.Tasks;

            partial class C
            {
                void M(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = Sample() + Attributed());
                }

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                double Attributed() => _rng.NextDouble();
            }
            """;
        const string generatedFile = """
            // <auto-generated/>
            using System;

            partial class C
            {
                private readonly Random _rng = new Random(1);

                double Sample() => _rng.NextDouble();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, new VerifierOptions { AdditionalSources = new[] { ("/0/C.Generated.cs", generatedFile) } });
    }

    [Fact]
    public async Task Triggers_ForRngRuntimeTypes_WithTheSpawnHint()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private readonly Pcg64 _bits = new Pcg64(1UL);

                void M(Generator generator, int n, ulong[] results)
                {
                    Parallel.For(0, n, i =>
                    {
                        results[i] = {|#0:_bits|}.NextUInt64() ^ {|#1:generator|}.BitGenerator.NextUInt64();
                    });
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "_bits", "Pcg64", RuntimeFix),
            Expect(1, "generator", "Generator", RuntimeFix));
    }

    [Fact]
    public async Task DoesNotTrigger_ForSafePatterns()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Agent
            {
                public Random Rng { get; } = new Random();
            }

            class Other
            {
                public static readonly Random Shared = new Random(9);
                public static int Draw() => Shared.Next();
            }

            class C
            {
                [ThreadStatic] private static Random? t_rng;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random());

                void M(int n, int rootSeed, Agent[] agents, Random[] perItem)
                {
                    var rng = new Random(rootSeed);

                    // Created per item, owned by the item, or from the item's own slot.
                    Parallel.For(0, n, i =>
                    {
                        var own = new Random(i);
                        own.Next();
                        agents[i].Rng.Next();
                        perItem[i].Next();
                        Console.WriteLine(nameof(rng));
                        (t_rng ??= new Random()).Next();
                        s_rngs.Value!.Next();
                        Other.Draw();
                    });
                    Parallel.ForEach(agents, agent => agent.Rng.Next());

                    // Used only after the loop, or in the source expression of Parallel.ForEach.
                    Parallel.For(0, n, i => { });
                    rng.Next();
                    Parallel.ForEach(Numbers(rng, n), x => { });
            #if NEVER_DEFINED
                    Parallel.For(0, n, i => rng.Next());
            #endif
                }

                static IEnumerable<int> Numbers(Random r, int n) => Enumerable.Range(0, n).Select(_ => r.Next()).ToList();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_ForPerItemStreamsFromSeedSequence_OrDistinctJumpsOfASharedRoot()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void M(int n, ulong[] results, Pcg64 shared)
                {
                    // Distinct, non-overlapping jumps: each item copies the shared state and jumps it; nobody draws from it.
                    Parallel.For(0, n, i => results[i] = shared.Jumped(i + 1).NextUInt64());
                    Parallel.For(0, n, i => results[i] ^= new Pcg64(shared.State).Advance(i).NextUInt64());

                    var root = new SeedSequence(0x8c3c010cb4754c90UL);
                    var children = root.Spawn(n);
                    Parallel.For(0, n, i =>
                    {
                        var bits = new Pcg64(children[i]);
                        results[i] = bits.NextUInt64();
                    });
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    [Fact]
    public async Task ReportsRng2002_NotRng2001_ForRandomSharedAndLockedSeeder()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new();
                private readonly Random _seeder = new Random(7);

                void M(int n)
                {
                    // Per-item seeds from a locked seeder: thread-safe (no RNG2001), but which item gets which seed
                    // depends on scheduling (RNG2002).
                    Parallel.For(0, n, i =>
                    {
                        int seed;
                        lock (_gate)
                        {
                            seed = {|#0:_seeder|}.Next();
                        }

                        var rng = new Random(seed);
                        var shared = {|#1:Random.Shared|}.Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.ThreadSafeButNotReproducible).WithLocation(0)
                .WithArguments("_seeder", "is drawn from under a lock in whatever order the threads get there"),
            Verify.Diagnostic(Descriptors.ThreadSafeButNotReproducible).WithLocation(1)
                .WithArguments("Random.Shared", "is one generator shared by every thread"));
    }

    [Fact]
    public async Task Triggers_ThroughADelegateHeldInALocal_AndStopsBelowThreeCallLevels_WithCycles()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private static readonly Random s_level3 = new Random(3);
                private static readonly Random s_level4 = new Random(4);

                void M(int n)
                {
                    var shared = new Random(1);
                    Func<int> next = () => {|#0:shared|}.Next();
                    Parallel.For(0, n, i => { _ = next() + Level1(i); });
                }

                int Level1(int i) => Level2(i) + Level1(i - 1);

                int Level2(int i) => Level3(i) + Level1(i);

                int Level3(int i) => {|#1:s_level3|}.Next() + Level4(i);

                int Level4(int i) => s_level4.Next();
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "shared", "Random", PlainFix),
            Expect(1, "s_level3", "Random", PlainFix));
    }

    // ---------------- code fixes ----------------

    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    [Fact]
    public async Task Fix_PerItemStreams_ParallelForOverSystemRandom_DrawsTheRootFromTheSharedRng()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private readonly Random _rng = new Random(42);

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i =>
                    {
                        results[i] = {|RNG2001:_rng|}.NextDouble() + _rng.Next(10);
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private readonly Random _rng = new Random(42);

                void Run(int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(_rng.NextInt64()), (i, itemRng) =>
                    {
                        results[i] = itemRng.AsRandom().NextDouble() + itemRng.AsRandom().Next(10);
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_PerItemStreams_ForEachWithOptionsOverAGenerator_AndABitGenerator()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private readonly Pcg64 _bits = new Pcg64(7UL);

                void Run(Generator generator, int[] items, double[] results, ulong[] words, ParallelOptions options)
                {
                    Parallel.ForEach(items, options, item => results[item] = {|RNG2001:generator|}.Random());
                    Parallel.For(0, words.Length, (int i) => { words[i] = {|RNG2001:_bits|}.NextUInt64(); });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private readonly Pcg64 _bits = new Pcg64(7UL);

                void Run(Generator generator, int[] items, double[] results, ulong[] words, ParallelOptions options)
                {
                    ParallelRandom.ForEach(items, new SeedSequence(generator.BitGenerator.NextUInt64()), options, (item, index, itemRng) => results[item] = itemRng.Random());
                    ParallelRandom.For(0, words.Length, new SeedSequence(_bits.NextUInt64()), (int i, Generator itemRng2) => { words[i] = itemRng2.BitGenerator.NextUInt64(); });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_RandomShared_WithoutRngRuntime()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(Random rng, int[] items)
                {
                    Parallel.ForEach(items, item => Console.WriteLine({|RNG2001:rng|}.Next() + rng.Next(item)));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(Random rng, int[] items)
                {
                    Parallel.ForEach(items, item => Console.WriteLine(Random.Shared.Next() + Random.Shared.Next(item)));
                }
            }
            """;

        // Thread-safe now, still not reproducible: RNG2002 says so.
        await VerifyFix.VerifyCodeFixAsync(
            source,
            fixedSource,
            SharedRngCodeFixProvider.RandomSharedKey,
            options: null,
            Verify.Diagnostic(Descriptors.ThreadSafeButNotReproducible).WithSpan(8, 59, 8, 72).WithArguments("Random.Shared", "is one generator shared by every thread"));
    }

    [Fact]
    public async Task Fix_FixAll_RewritesEveryLoopIncludingNestedOnes()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(Random rng, Random other, int n, double[] results)
                {
                    Parallel.For(0, n, i =>
                    {
                        results[i] = {|RNG2001:rng|}.NextDouble();
                        Parallel.For(0, n, j => results[j] += {|RNG2001:other|}.NextDouble());
                    });
                    Parallel.For(1, n, k => results[k] = {|RNG2001:rng|}.NextDouble());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(Random rng, Random other, int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(rng.NextInt64()), (i, itemRng) =>
                    {
                        results[i] = itemRng.AsRandom().NextDouble();
                        ParallelRandom.For(0, n, new SeedSequence(other.NextInt64()), (j, itemRng2) => results[j] += itemRng2.AsRandom().NextDouble());
                    });
                    ParallelRandom.For(1, n, new SeedSequence(rng.NextInt64()), (k, itemRng3) => results[k] = itemRng3.AsRandom().NextDouble());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WhenAHelperAlsoUsesTheRng_TheBodyAssignsIt_OrTheOverloadHasLoopState()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private Random _rng = new Random(1);
                private Random _assigned = new Random(2);
                private readonly Random _third = new Random(3);

                void Run(int n)
                {
                    Parallel.For(0, n, i => { _ = {|RNG2001:_rng|}.Next() + Helper(); });
                    Parallel.For(0, n, i => { _ = {|RNG2001:_assigned|}.Next(); _assigned = new Random(i); });
                    Parallel.For(0, n, (i, state) => { _ = {|RNG2001:_third|}.Next(); });
                }

                int Helper() => _rng.Next();
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }
}
