using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.Tests.Infrastructure;
using Rng.Analyzers.CodeFixes;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.SharedRngAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SharedRngAnalyzer, Rng.Analyzers.CodeFixes.SharedRngCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG2002ThreadSafeNotReproducibleTests
{
    private const string Shared = "is one generator shared by every thread";
    private const string HoldsShared = "holds Random.Shared, one generator shared by every thread";
    private const string Locked = "is drawn from under a lock in whatever order the threads get there";
    private const string PerThread = "is one generator per thread, and which items a thread runs depends on work stealing";

    private static DiagnosticResult Expect(int markup, string name, string reason) =>
        Verify.Diagnostic(Descriptors.ThreadSafeButNotReproducible).WithLocation(markup).WithArguments(name, reason);

    [Fact]
    public async Task Triggers_RandomShared_DirectlyInHelpersAndThroughFieldsAndLocals()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private static readonly Random s_rng = Random.Shared;

                void M(int n, double[] results)
                {
                    var local = Random.Shared;
                    Parallel.For(0, n, i =>
                    {
                        results[i] = {|#0:Random.Shared|}.NextDouble() + {|#1:s_rng|}.NextDouble() + {|#2:local|}.NextDouble();
                    });

                    Task.Run(() => Helper());
                }

                static int Helper() => {|#3:Random.Shared|}.Next();
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expect(0, "Random.Shared", Shared),
            Expect(1, "s_rng", HoldsShared),
            Expect(2, "local", HoldsShared),
            Expect(3, "Random.Shared", Shared));
    }

    [Fact]
    public async Task Triggers_RngUsedUnderLock()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private readonly object _gate = new();
                private readonly Pcg64 _bits = new Pcg64(5UL);

                void M(int n, ulong[] results, Random rng)
                {
                    Parallel.For(0, n, i =>
                    {
                        lock (_gate)
                        {
                            results[i] = {|#0:_bits|}.NextUInt64();
                        }

                        lock (rng)
                        {
                            results[i] += (ulong){|#1:rng|}.Next();
                        }
                    });
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source, Expect(0, "_bits", Locked), Expect(1, "rng", Locked));
    }

    [Fact]
    public async Task Triggers_PerThreadRngsWithDeterministicSeeds()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next;
                [ThreadStatic] private static Random? t_rng;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                private static Random Rng => {|#1:t_rng|} ??= new Random(Interlocked.Increment(ref s_next));

                void M(int n, double[] results, int rootSeed)
                {
                    Parallel.For(0, n, i => results[i] = {|#0:s_rngs.Value|}.NextDouble() + Rng.NextDouble());

                    var counter = rootSeed;
                    Parallel.For(
                        0,
                        n,
                        () => new Random(Interlocked.Increment(ref counter)),
                        (i, state, rng) =>
                        {
                            results[i] = {|#2:rng|}.NextDouble() + rng.NextDouble();
                            return rng;
                        },
                        rng => { });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expect(0, "s_rngs.Value", PerThread), Expect(1, "t_rng", PerThread), Expect(2, "rng", PerThread));
    }

    [Fact]
    public async Task DoesNotTrigger_ForPerThreadRngsThatOtherRulesOwnOrThatAreUnseeded()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                [ThreadStatic] private static Random? t_unseeded;
                [ThreadStatic] private static Random? t_constant;
                private static readonly ThreadLocal<Random> s_unseeded = new(() => new Random());
                private static readonly ThreadLocal<Random> s_constant = new(() => new Random(42));
                private static readonly ThreadLocal<Random> s_clock = new(() => new Random(Environment.TickCount));

                void M(int n, double[] results)
                {
                    Parallel.For(0, n, i =>
                    {
                        results[i] = s_unseeded.Value!.NextDouble() + s_constant.Value!.NextDouble() + s_clock.Value!.NextDouble()
                            + (t_unseeded ??= new Random()).NextDouble() + (t_constant ??= new Random(42)).NextDouble();
                    });

                    Parallel.For(0, n, () => new Random(), (i, state, rng) => rng, rng => { });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_ForPerItemSeedsAndUsesOutsideTheBody()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void M(int n, int rootSeed, double[] results)
                {
                    // Per-item seeds drawn before the loop from a seeder: reproducible whatever the scheduling.
                    var seeder = new Random(rootSeed);
                    var seeds = Enumerable.Range(0, n).Select(_ => seeder.Next()).ToArray();
                    Parallel.For(0, n, i => results[i] = new Random(seeds[i]).NextDouble());

                    // Seeds from SeedSequence children.
                    var children = new SeedSequence(0x8c3c010cb4754c90UL).Spawn(n);
                    Parallel.For(0, n, i => results[i] = new Pcg64(children[i]).NextDouble());

                    // Random.Shared only after the loop, or in the source expression of Parallel.ForEach.
                    Parallel.For(0, n, i => { });
                    var after = Random.Shared.Next();
                    Parallel.ForEach(Draws(Random.Shared, n), x => { });
            #if NEVER_DEFINED
                    Parallel.For(0, n, i => Random.Shared.Next());
            #endif
                }

                static IEnumerable<int> Draws(Random r, int n) => Enumerable.Range(0, n).Select(_ => r.Next()).ToList();
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    // ---------------- code fix: per-item streams ----------------

    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    [Fact]
    public async Task Fix_RandomShared_BecomesPerItemStreamsFromAFreshRoot()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, int[] results)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:Random.Shared|}.Next(100) + Random.Shared.Next(100));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int n, int[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(), (i, itemRng) => results[i] = itemRng.AsRandom().Next(100) + itemRng.AsRandom().Next(100));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_LockedRng_DropsTheLockOnTheRngButKeepsOtherLocks()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new();
                private int _done;

                void Run(Random rng, int[] items, double[] results)
                {
                    Parallel.ForEach(items, item =>
                    {
                        lock (rng)
                        {
                            results[item] = {|RNG2002:rng|}.NextDouble();
                        }

                        lock (_gate)
                        {
                            _done++;
                        }
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
                private readonly object _gate = new();
                private int _done;

                void Run(Random rng, int[] items, double[] results)
                {
                    ParallelRandom.ForEach(items, new SeedSequence(rng.NextInt64()), (item, index, itemRng) =>
                    {
                        results[item] = itemRng.AsRandom().NextDouble();

                        lock (_gate)
                        {
                            _done++;
                        }
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_FixAll_RewritesEveryLoop()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                private static readonly Random s_shared = Random.Shared;

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:Random.Shared|}.NextDouble());
                    Parallel.For(0, n, j => results[j] += {|RNG2002:s_shared|}.NextDouble());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static readonly Random s_shared = Random.Shared;

                void Run(int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(), (i, itemRng) => results[i] = itemRng.AsRandom().NextDouble());
                    ParallelRandom.For(0, n, new SeedSequence(), (j, itemRng2) => results[j] += itemRng2.AsRandom().NextDouble());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime()
    {
        // Per-thread RNGs: see RNG2002PerThreadFixTests.
        const string withoutRuntime = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:Random.Shared|}.NextDouble());
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(withoutRuntime, equivalenceKey: null);
    }
}
