using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.Tests.Infrastructure;
using Rng.Analyzers.CodeFixes;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.SameSeedAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SameSeedAnalyzer, Rng.Analyzers.CodeFixes.SameSeedCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG1002SameSeedTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expect(int markup, string seed, string noun) =>
        Verify.Diagnostic(Descriptors.SameSeedInEveryWorker).WithLocation(markup).WithArguments(seed, noun);

    [Fact]
    public async Task Triggers_ForAFactoryOrWorkerMethodGivenTheSameSeedInEveryIteration()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static void Simulate(int seed) { var rng = new Random(seed); rng.Next(); }

                void M(int n, int rootSeed)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Make({|#0:42|}).Next();
                        Simulate({|#2:7|});
                    }

                    Parallel.For(0, n, i => Make({|#1:rootSeed|}).Next());
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expect(0, "42", "iteration"), Expect(1, "rootSeed", "worker"), Expect(2, "7", "iteration"));
    }

    [Fact]
    public async Task Triggers_ForAPrimaryConstructorOrAScalingFactoryGivenTheSameSeedInEveryIteration()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class Worker(int seed)
            {
                private readonly Random _rng = new(seed);
                public int Next() => _rng.Next();
            }

            record Job(int Seed)
            {
                public int Run() => new Random(Seed).Next();
            }

            class C
            {
                static Random Scaled(int seed) => new Random(seed * 2 + 1);

                void M(int n, int rootSeed)
                {
                    for (int i = 0; i < n; i++)
                    {
                        new Worker({|#0:42|}).Next();
                        Scaled({|#1:7|}).Next();
                        new Worker(i).Next();
                    }

                    Parallel.For(0, n, i => Scaled({|#2:rootSeed|}).Next());
                    Parallel.For(0, n, i => new Job({|#3:rootSeed|}).Run());
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expect(0, "42", "iteration"), Expect(1, "7", "iteration"), Expect(2, "rootSeed", "worker"), Expect(3, "rootSeed", "worker"));
    }

    [Fact]
    public async Task Triggers_ConstantSeedInLoops()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            class C
            {
                void M(int n, List<int> items, int rootSeed)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var r = new Random({|#0:42|});
                    }

                    var seed = rootSeed * 2;
                    foreach (var item in items)
                    {
                        var r = new Random({|#1:seed|});
                    }

                    int k = 0;
                    while (k < n)
                    {
                        int local = 7;
                        var r = new Random({|#2:unchecked(local + rootSeed)|});
                        k++;
                    }

                    do
                    {
                        var r = new Random({|#3:(int)(rootSeed ^ 0x5EED)|});
                    }
                    while (--n > 0);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "42", "iteration"),
            Expect(1, "seed", "iteration"),
            Expect(2, "unchecked(local + rootSeed)", "iteration"),
            Expect(3, "(int)(rootSeed ^ 0x5EED)", "iteration"));
    }

    [Fact]
    public async Task Triggers_FieldsAndAutoPropertiesComputedOutside()
    {
        const string source = """
            using System;

            class Options
            {
                public int Seed { get; init; }
            }

            class C
            {
                private readonly int _seed = 12345;
                private const int DefaultSeed = 99;

                void M(int n, Options options)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var a = new Random({|#0:_seed|});
                        var b = new Random({|#1:options.Seed|});
                        var c = new Random({|#2:DefaultSeed + 1|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "_seed", "iteration"),
            Expect(1, "options.Seed", "iteration"),
            Expect(2, "DefaultSeed + 1", "iteration"));
    }

    [Fact]
    public async Task Triggers_InParallelBodies()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                void M(int n, int rootSeed, int[] items)
                {
                    Parallel.For(0, n, i =>
                    {
                        var r = new Random({|#0:rootSeed|});
                    });

                    Parallel.ForEach(items, item => Use(new Random({|#1:17|})));
                    Task.Run(() => Use(new Random({|#2:rootSeed|})));
                    var sums = items.AsParallel().Select(x => new Random({|#3:rootSeed|}).Next()).ToArray();
                    Parallel.For(0, n, Body);

                    void Body(int i) => Use(new Random({|#4:rootSeed|}));
                }

                static void Use(Random r) { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "rootSeed", "worker"),
            Expect(1, "17", "worker"),
            Expect(2, "rootSeed", "worker"),
            Expect(3, "rootSeed", "worker"),
            Expect(4, "rootSeed", "worker"));
    }

    [Fact]
    public async Task Triggers_PerThreadInitialisers()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                [ThreadStatic] private static Random? t_rng;
                [ThreadStatic] private static Random? t_other;
                private static readonly int s_seed = 5;

                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random({|#0:42|}));

                static Random Rng => t_rng ??= new Random({|#1:s_seed|});

                static Random Other()
                {
                    if (t_other is null)
                    {
                        t_other = new Random({|#2:s_seed * 3|});
                    }

                    return t_other;
                }

                void M(int n)
                {
                    Parallel.For(0, n, () => new Random({|#3:1234|}), (i, state, rng) => rng, rng => { });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "42", "thread"),
            Expect(1, "s_seed", "thread"),
            Expect(2, "s_seed * 3", "thread"),
            Expect(3, "1234", "worker"));
    }

    [Fact]
    public async Task Triggers_InFunctionsCalledFromAParallelBody_TwoLevelsDeep()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private const int Seed = 2024;
                private static readonly int[] s_seeds = { 1, 2, 3 };

                void M(int n)
                {
                    Parallel.For(0, n, i => Simulate(i));
                }

                void Simulate(int i) => Step(i);

                void Step(int i)
                {
                    var r = new Random({|#0:Seed|});
                    var s = new Random({|#1:s_seeds[0]|});
                    var ok = new Random(i);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "Seed", "worker"),
            Expect(1, "s_seeds[0]", "worker"));
    }

    [Fact]
    public async Task Triggers_RngRuntimeSeeds()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(int n)
                {
                    var root = new SeedSequence(0x8c3c010cb4754c90UL);
                    var kids = root.Spawn(4);
                    for (int i = 0; i < n; i++)
                    {
                        var a = new Pcg64({|#0:kids[0]|});
                        var b = new Pcg64({|#1:root|});
                        var c = new SeedSequence({|#2:7|});
                        var d = new Philox({|#3:99UL|});
                    }
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "kids[0]", "iteration"),
            Expect(1, "root", "iteration"),
            Expect(2, "7", "iteration"),
            Expect(3, "99UL", "iteration"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForSeedsThatVaryPerRepetition()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next;
                private int _counter;
                private readonly object _gate = new();
                private readonly Random _seeder = new Random(1);

                void M(int n, int rootSeed, int[] items)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var byIndex = new Random(i);
                        var fromCall = new Random(Environment.TickCount);
                        var declaredInside = 0;
                        declaredInside = i * 2;
                        var viaLocal = new Random(declaredInside);
                        var fromItem = new Random(items[i]);
                        _counter++;
                        var fromChangedField = new Random(_counter);
                    }

                    int s = rootSeed;
                    for (int i = 0; i < n; i++)
                    {
                        var r = new Random(s);
                        s = r.Next();
                    }

                    // Per-item seeds from a locked seeder.
                    Parallel.For(0, n, i =>
                    {
                        int seed;
                        lock (_gate)
                        {
                            seed = _seeder.Next();
                        }

                        var r = new Random(seed);
                    });

                    var perThread = new ThreadLocal<Random>(() => new Random(Interlocked.Increment(ref s_next)));
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_OutsideRepeatedCode()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                [ThreadStatic] private static Random? t_rng;

                void M(int n, int rootSeed)
                {
                    // Created once, used in the loop; used only after a parallel loop; in the source expression of ForEach.
                    var shared = new Random(42);
                    for (int i = 0; i < n; i++)
                    {
                        shared.Next();
                    }

                    Parallel.For(0, n, i => { });
                    var after = new Random(42);
                    Parallel.ForEach(Numbers(new Random(rootSeed)), x => { });
                    foreach (var x in Numbers(new Random(7)))
                    {
                    }

                    // Unseeded or Random.Shared: not reproducible by design, but not identical.
                    for (int i = 0; i < n; i++)
                    {
                        var unseeded = new Random();
                        var value = Random.Shared.Next();
                    }

                    // An ordinary (sequential) lambda: when it runs is unknown.
                    Func<Random> make = () => new Random(42);

                    // Called with a per-item argument.
                    Parallel.For(0, n, i => Simulate(i));
            #if NEVER_DEFINED
                    for (int i = 0; i < n; i++) { var hidden = new Random(42); }
            #endif
                }

                static void Simulate(int seed)
                {
                    var r = new Random(seed);
                }

                static Random Init() => t_rng = new Random();

                static IEnumerable<int> Numbers(Random r) => Enumerable.Range(0, 3).Select(_ => r.Next());
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_ForSeedsFromSeedSequence()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void M(int n)
                {
                    var root = new SeedSequence(0x8c3c010cb4754c90UL);
                    var kids = root.Spawn(n);
                    Parallel.For(0, n, i =>
                    {
                        var a = new Pcg64(kids[i]);
                        var b = new Random((int)kids[i].GenerateState(1)[0]);
                        var c = new Pcg64(root.Spawn(1)[0]);

                        // Distinct, non-overlapping jumps of a per-item stream.
                        var d = a.Jumped(i + 1);
                    });
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    // ---------------- code fix ----------------

    [Fact]
    public async Task Fix_KeysTheSeedByTheParallelIndex()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n)
                {
                    Parallel.For(0, n, workerId =>
                    {
                        var rng = new Random({|RNG1002:42|});
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
                void Run(int n)
                {
                    Parallel.For(0, n, workerId =>
                    {
                        var rng = new Random((int)new SeedSequence(new ulong[] { (uint)workerId, 42 }).GenerateState(1)[0]);
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SameSeedCodeFixProvider.KeyByIndexKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeysByEveryEnclosingLoopIndex_InnermostFirst()
    {
        const string source = """
            using System;

            class C
            {
                void Run(long rootSeed)
                {
                    for (int run = 0; run < 3; run++)
                    {
                        for (long i = 0; i < 4; i++)
                        {
                            var rng = new Random({|RNG1002:(int)rootSeed|});
                        }
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run(long rootSeed)
                {
                    for (int run = 0; run < 3; run++)
                    {
                        for (long i = 0; i < 4; i++)
                        {
                            var rng = new Random((int)new SeedSequence(new ulong[] { (ulong)i, (uint)run, (uint)(int)rootSeed }).GenerateState(1)[0]);
                        }
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SameSeedCodeFixProvider.KeyByIndexKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_SeedSequenceEntropyBecomesAList_BitGeneratorSeedBecomesASeedSequence()
    {
        const string source = """
            using Rng;

            class C
            {
                void Run(int[] ids)
                {
                    for (int i = 0; i < ids.Length; i++)
                    {
                        var root = new SeedSequence({|RNG1002:-7|});
                        var bits = new Pcg64({|RNG1002:99UL|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                void Run(int[] ids)
                {
                    for (int i = 0; i < ids.Length; i++)
                    {
                        var root = new SeedSequence(new ulong[] { (uint)i, unchecked((uint)-7) });
                        var bits = new Pcg64(new SeedSequence(new ulong[] { (uint)i, 99UL }));
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SameSeedCodeFixProvider.KeyByIndexKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_InCheckedContext_WrapsInUnchecked()
    {
        const string source = """
            using System;

            class C
            {
                void Run(int n)
                {
                    checked
                    {
                        for (int i = 0; i < n; i++)
                        {
                            var rng = new Random({|RNG1002:5|});
                        }
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run(int n)
                {
                    checked
                    {
                        for (int i = 0; i < n; i++)
                        {
                            var rng = new Random(unchecked((int)new SeedSequence(new ulong[] { (uint)i, 5 }).GenerateState(1)[0]));
                        }
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SameSeedCodeFixProvider.KeyByIndexKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_FixAll_KeysEverySeedInTheDocument()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, int seed, int[] items)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var a = new Random({|RNG1002:seed|});
                    }

                    Parallel.For(0L, n, j =>
                    {
                        var b = new Random({|RNG1002:seed|});
                    });

                    var sums = items.AsParallel().Select((x, k) => new Random({|RNG1002:seed|}).Next()).ToArray();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int n, int seed, int[] items)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var a = new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)seed }).GenerateState(1)[0]);
                    }

                    Parallel.For(0L, n, j =>
                    {
                        var b = new Random((int)new SeedSequence(new ulong[] { (ulong)j, (uint)seed }).GenerateState(1)[0]);
                    });

                    var sums = items.AsParallel().Select((x, k) => new Random((int)new SeedSequence(new ulong[] { (uint)k, (uint)seed }).GenerateState(1)[0]).Next()).ToArray();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SameSeedCodeFixProvider.KeyByIndexKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime_OrWithoutAnIndex()
    {
        const string withoutRuntime = """
            using System;

            class C
            {
                void Run(int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var rng = new Random({|RNG1002:42|});
                    }
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(withoutRuntime, equivalenceKey: null);

        const string perThread = """
            using System;
            using System.Threading;

            class C
            {
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random({|RNG1002:42|}));

                void Run(int[] items)
                {
                    foreach (var item in new[] { "a", "b" })
                    {
                        var rng = new Random({|RNG1002:42|});
                    }
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(perThread, equivalenceKey: null, WithRuntime);
    }
}
