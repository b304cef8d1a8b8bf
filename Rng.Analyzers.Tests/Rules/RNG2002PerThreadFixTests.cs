using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Rng.Analyzers.Tests.Infrastructure;
using Rng.Analyzers.CodeFixes;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SharedRngAnalyzer, Rng.Analyzers.CodeFixes.SharedRngCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

/// <summary>
/// RNG2002's per-item streams fix for per-thread RNGs (localInit state, ThreadLocal, [ThreadStatic]). The verifier
/// checks each fix one diagnostic at a time and through Fix All, that the fixed code compiles, and that no RNG2002 is
/// left in it.
/// </summary>
public sealed class RNG2002PerThreadFixTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    // ---------------- localInit ----------------

    [Fact]
    public async Task Fix_LocalInitFor_DropsLocalInitAndFinallyAndRootsAtTheCounterStart()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, double[] results, int rootSeed)
                {
                    var counter = rootSeed;
                    Parallel.For(
                        0,
                        n,
                        () => new Random(Interlocked.Increment(ref counter)),
                        (i, state, rng) =>
                        {
                            results[i] = {|RNG2002:rng|}.NextDouble() + rng.NextDouble();
                            return rng;
                        },
                        rng => { });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int n, double[] results, int rootSeed)
                {
                    var counter = rootSeed;
                    ParallelRandom.For(
                        0,
                        n,
                        new SeedSequence((uint)rootSeed),
                        (i, itemRng) =>
                        {
                            results[i] = itemRng.AsRandom().NextDouble() + itemRng.AsRandom().NextDouble();
                        });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_LocalInitFor_WithNamedArgumentsAConstantCounterStartAndEarlyReturns()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, double[] results)
                {
                    int next = 42;
                    Parallel.For(0, n, localInit: () => new Random(Interlocked.Increment(ref next)), body: (int i, ParallelLoopState state, Random rng) =>
                    {
                        if (i % 2 == 0)
                        {
                            return {|RNG2002:rng|};
                        }

                        results[i] = rng.NextDouble();
                        return rng;
                    }, localFinally: rng => { });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int n, double[] results)
                {
                    int next = 42;
                    ParallelRandom.For(0, n, new SeedSequence(42), body: (int i, Generator itemRng) =>
                    {
                        if (i % 2 == 0)
                        {
                            return;
                        }

                        results[i] = itemRng.AsRandom().NextDouble();
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_LocalInitForEach_WithIndexAndOptions_LockedSeederAndDisposingFinally()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class DisposableRandom : Random, IDisposable
            {
                public DisposableRandom(int seed) : base(seed) { }

                public void Dispose() { }
            }

            class C
            {
                void Run(int[] items, double[] results, Random seeder, ParallelOptions options)
                {
                    Parallel.ForEach(
                        items,
                        options,
                        () =>
                        {
                            lock (seeder)
                            {
                                return new DisposableRandom({|RNG2002:seeder|}.Next());
                            }
                        },
                        (item, state, index, rng) =>
                        {
                            results[index] = item * {|RNG2002:rng|}.NextDouble();
                            return rng;
                        },
                        rng => rng.Dispose());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            sealed class DisposableRandom : Random, IDisposable
            {
                public DisposableRandom(int seed) : base(seed) { }

                public void Dispose() { }
            }

            class C
            {
                void Run(int[] items, double[] results, Random seeder, ParallelOptions options)
                {
                    ParallelRandom.ForEach(
                        items,
                        new SeedSequence(seeder.NextInt64()),
                        options,
                        (item, index, itemRng) =>
                        {
                            results[index] = item * itemRng.AsRandom().NextDouble();
                        });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_LocalInitForEach_WithoutIndex_GetsAnIndexParameterAndAFreshRootForAFieldCounter()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next;

                void Run(int[] items, ulong[] results)
                {
                    Parallel.ForEach(items, () => new Pcg64((ulong)Interlocked.Increment(ref s_next)), (item, state, bits) =>
                    {
                        results[item] = {|RNG2002:bits|}.NextUInt64();
                        return bits;
                    }, bits => { });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next;

                void Run(int[] items, ulong[] results)
                {
                    ParallelRandom.ForEach(items, new SeedSequence(), (item, index, itemRng) =>
                    {
                        results[item] = itemRng.BitGenerator.NextUInt64();
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    // ---------------- ThreadLocal and [ThreadStatic] ----------------

    [Fact]
    public async Task Fix_ThreadLocalField_InParallelFor_KeepsTheDeclaration()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next = 7;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:s_rngs.Value|}!.NextDouble() + s_rngs.Value!.Next(10));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next = 7;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                void Run(int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(7), (i, itemRng) => results[i] = itemRng.AsRandom().NextDouble() + itemRng.AsRandom().Next(10));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_ThreadLocalLocal_InParallelForEach_RootsAtTheVisibleBaseSeed()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int[] items, double[] results, long rootSeed)
                {
                    var next = 0L;
                    using var rngs = new ThreadLocal<Generator>(() => Generator.Create(rootSeed + Interlocked.Increment(ref next)));
                    Parallel.ForEach(items, item =>
                    {
                        results[item] = {|RNG2002:rngs.Value|}!.Random();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int[] items, double[] results, long rootSeed)
                {
                    var next = 0L;
                    using var rngs = new ThreadLocal<Generator>(() => Generator.Create(rootSeed + Interlocked.Increment(ref next)));
                    ParallelRandom.ForEach(items, new SeedSequence((ulong)rootSeed), (item, index, itemRng) =>
                    {
                        results[item] = itemRng.Random();
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_ThreadStaticField_LazyInitialisedInTheBody()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next = 100;
                [ThreadStatic] private static Random? t_rng;

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i =>
                    {
                        {|RNG2002:t_rng|} ??= new Random(Interlocked.Increment(ref s_next));
                        results[i] = t_rng.NextDouble();
                    });

                    Parallel.For(0, n, i => results[i] += ({|RNG2002:t_rng|} ??= new Random(Interlocked.Increment(ref s_next))).NextDouble());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next = 100;
                [ThreadStatic] private static Random? t_rng;

                void Run(int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(100), (i, itemRng) =>
                    {
                        results[i] = itemRng.AsRandom().NextDouble();
                    });

                    ParallelRandom.For(0, n, new SeedSequence(100), (i, itemRng2) => results[i] += itemRng2.AsRandom().NextDouble());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_ThreadStaticThroughLazyAccessor_RewritesTheLoopAndKeepsTheAccessor()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next;
                [ThreadStatic] private static Random? t_rng;

                private static Random Rng => {|RNG2002:t_rng|} ??= new Random(Interlocked.Increment(ref s_next));

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = Rng.NextDouble());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next;
                [ThreadStatic] private static Random? t_rng;

                private static Random Rng => t_rng ??= new Random(Interlocked.Increment(ref s_next));

                void Run(int n, double[] results)
                {
                    ParallelRandom.For(0, n, new SeedSequence(), (i, itemRng) => results[i] = itemRng.AsRandom().NextDouble());
                }
            }
            """;
        // The analyzer reports the accessor while analysing the loop (a non-local diagnostic): the fix is offered when
        // the diagnostic was computed for the whole file (build, dotnet format, full solution analysis).
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SharedRngCodeFixProvider.PerItemStreamsKey,
        };
        WithRuntime.Apply(test, test.TestState);
        test.FixedState.AdditionalReferences.Add(TestReferences.RngRuntime);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_ThreadStaticThroughLazyMethod_RewritesEveryLoopThatReachesIt()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static long s_next = 9;
                [ThreadStatic] private static Random? t_rng;

                private static Random GetRng()
                {
                    return {|RNG2002:t_rng|} ??= new Random((int)Interlocked.Increment(ref s_next));
                }

                void Run(int[] items, double[] results)
                {
                    Parallel.ForEach(items, (int item) => results[item] = GetRng().NextDouble());
                    Parallel.For(0, items.Length, i => results[i] *= GetRng().NextDouble());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static long s_next = 9;
                [ThreadStatic] private static Random? t_rng;

                private static Random GetRng()
                {
                    return t_rng ??= new Random((int)Interlocked.Increment(ref s_next));
                }

                void Run(int[] items, double[] results)
                {
                    ParallelRandom.ForEach(items, new SeedSequence(9), (int item, long index, Generator itemRng) => results[item] = itemRng.AsRandom().NextDouble());
                    ParallelRandom.For(0, items.Length, new SeedSequence(9), (i, itemRng2) => results[i] *= itemRng2.AsRandom().NextDouble());
                }
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SharedRngCodeFixProvider.PerItemStreamsKey,
        };
        WithRuntime.Apply(test, test.TestState);
        test.FixedState.AdditionalReferences.Add(TestReferences.RngRuntime);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_FixAll_RewritesEveryPerThreadLoopAndSharedLoopInTheDocument()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next = 5;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                void Run(int n, double[] results, int rootSeed)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:s_rngs.Value|}!.NextDouble());
                    Parallel.For(0, n, j => results[j] += {|RNG2002:Random.Shared|}.NextDouble());

                    var counter = rootSeed;
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref counter)), (k, state, rng) =>
                    {
                        results[k] *= {|RNG2002:rng|}.NextDouble();
                        return rng;
                    }, rng => { });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                private static int s_next = 5;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                void Run(int n, double[] results, int rootSeed)
                {
                    ParallelRandom.For(0, n, new SeedSequence(5), (i, itemRng) => results[i] = itemRng.AsRandom().NextDouble());
                    ParallelRandom.For(0, n, new SeedSequence(), (j, itemRng2) => results[j] += itemRng2.AsRandom().NextDouble());

                    var counter = rootSeed;
                    ParallelRandom.For(0, n, new SeedSequence((uint)rootSeed), (k, itemRng3) =>
                    {
                        results[k] *= itemRng3.AsRandom().NextDouble();
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_InACheckedContext_ReinterpretsASignedBaseUnchecked()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, double[] results, int rootSeed)
                {
                    checked
                    {
                        var next = 0;
                        var rngs = new ThreadLocal<Random>(() => new Random(rootSeed + Interlocked.Increment(ref next)));
                        Parallel.For(0, n, i => results[i] = {|RNG2002:rngs.Value|}!.NextDouble());
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int n, double[] results, int rootSeed)
                {
                    checked
                    {
                        var next = 0;
                        var rngs = new ThreadLocal<Random>(() => new Random(rootSeed + Interlocked.Increment(ref next)));
                        ParallelRandom.For(0, n, new SeedSequence(unchecked((uint)rootSeed)), (i, itemRng) => results[i] = itemRng.AsRandom().NextDouble());
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SharedRngCodeFixProvider.PerItemStreamsKey, WithRuntime);
    }

    // ---------------- no fix ----------------

    [Fact]
    public async Task NoFix_LocalInitShapesThatTheRewriteWouldChange()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void Run(int n, double[] results, int rootSeed)
                {
                    var counter = rootSeed;
                    double total = 0;

                    // The loop state is used: ParallelRandom has no Break/Stop.
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref counter)), (i, state, rng) =>
                    {
                        if ({|RNG2002:rng|}.NextDouble() < 0.01) state.Stop();
                        return rng;
                    }, rng => { });

                    // localFinally does real work (aggregates the per-thread state).
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref counter)), (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        return rng;
                    }, rng => { lock (results) total += rng.NextDouble(); });

                    // The body hands back a different state.
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref counter)), (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        return i % 2 == 0 ? rng : new Random(i);
                    }, rng => { });

                    // localInit does more than create the RNG.
                    Parallel.For(0, n, () => { Console.WriteLine("init"); return new Random(Interlocked.Increment(ref counter)); }, (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        return rng;
                    }, rng => { });

                    // The body replaces its state.
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref counter)), (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        rng = new Random(i);
                        return rng;
                    }, rng => { });

                    // 64-bit indices: ParallelRandom.For takes int.
                    Parallel.For(0L, n, () => new Random(Interlocked.Increment(ref counter)), (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        return rng;
                    }, rng => { });
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null, WithRuntime);
    }

    [Fact]
    public async Task NoFix_ThreadLocalAndThreadStaticShapesThatTheRewriteWouldChange()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));
                private static readonly ThreadLocal<Random> s_other = new(() => new Random(Interlocked.Increment(ref s_next)));
                [ThreadStatic] private static Random? t_rng;

                void Run(int n, double[] results)
                {
                    // The ThreadLocal itself is used, not only its value.
                    Parallel.For(0, n, i => results[i] = s_rngs.IsValueCreated ? {|RNG2002:s_rngs.Value|}!.NextDouble() : 0);

                    // A helper the body calls uses it too: it would keep the per-thread RNG.
                    Parallel.For(0, n, i => results[i] = {|RNG2002:s_other.Value|}!.NextDouble() + Helper());

                    // Initialised by if/assignment rather than ??=.
                    Parallel.For(0, n, i =>
                    {
                        if ({|RNG2002:t_rng|} == null)
                        {
                            t_rng = new Random(Interlocked.Increment(ref s_next));
                        }

                        results[i] = t_rng.NextDouble();
                    });

                    // Re-seeded in the body.
                    Parallel.For(0, n, i =>
                    {
                        {|RNG2002:t_rng|} ??= new Random(Interlocked.Increment(ref s_next));
                        results[i] = t_rng.NextDouble();
                        t_rng = new Random(Interlocked.Increment(ref s_next));
                    });

                    // The ThreadLocal is handed on.
                    Parallel.For(0, n, i => results[i] = {|RNG2002:s_rngs.Value|}!.NextDouble() + Use(s_rngs));

                    // The loop has loop state.
                    Parallel.For(0, n, (i, state) => results[i] = {|RNG2002:s_other.Value|}!.NextDouble());
                }

                static double Helper() => s_other.Value!.NextDouble();

                static double Use(ThreadLocal<Random> rngs) => rngs.Value!.NextDouble();
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private static int s_next;
                private static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = {|RNG2002:s_rngs.Value|}!.NextDouble());
                    Parallel.For(0, n, () => new Random(Interlocked.Increment(ref s_next)), (i, state, rng) =>
                    {
                        results[i] = {|RNG2002:rng|}.NextDouble();
                        return rng;
                    }, rng => { });
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null);
    }

    // ---------------- robustness: odd and broken code never makes the fix throw ----------------

    public static TheoryData<string> OddSources() => new()
    {
        // Partial statements and missing types around each per-thread shape.
        """
        using System; using System.Threading; using System.Threading.Tasks;
        class C
        {
            static int s_next; [ThreadStatic] static Random? t_rng;
            static readonly ThreadLocal<Random> s_rngs = new(() => new Random(Interlocked.Increment(ref s_next)));
            static Random Rng => t_rng ??= new Random(Interlocked.Increment(ref s_next));
            void M(int n, double[] r, Unknown u)
            {
                Parallel.For(0, n, () => new Random(Interlocked.Increment(ref s_next)), (i, state, rng) => { r[i] = rng.NextDouble() + u.X; return rng; }, rng => { );
                Parallel.For(0, n, i => r[i] = s_rngs.Value!.NextDouble() + Missing.Value;
                Parallel.For(0, n, i => r[i] = Rng.NextDouble() + (t_rng ??= new Random(Interlocked.Increment(ref s_next))).Next(
        """,
        // Wrong delegate shapes: missing parameters, method groups, too many parameters, localFinally without a parameter.
        """
        using System; using System.Threading; using System.Threading.Tasks;
        class C
        {
            static int s_next;
            static Random Init() => new Random(Interlocked.Increment(ref s_next));
            static Random Body(int i, ParallelLoopState s, Random rng) { rng.Next(); return rng; }
            void M(int n, double[] r)
            {
                Parallel.For(0, n, Init, (i, state, rng) => { r[i] = rng.NextDouble(); return rng; }, rng => { });
                Parallel.For(0, n, () => new Random(Interlocked.Increment(ref s_next)), Body, rng => { });
                Parallel.For(0, n, () => new Random(Interlocked.Increment(ref s_next)), (i, state, rng, extra) => { r[i] = rng.NextDouble(); return rng; }, rng => { });
                Parallel.For(0, n, () => new Random(Interlocked.Increment(ref s_next)), (i, state, rng) => { r[i] = rng.NextDouble(); return rng; }, () => { });
                Parallel.ForEach(new[] { 1 }, () => new Random(Interlocked.Increment(ref s_next)), (x, state, rng) => { r[x] = rng.NextDouble(); }, rng => { });
            }
        }
        """,
        // Seeds the root search cannot read: recursive locals, expressions, unknown counters.
        """
        using System; using System.Threading; using System.Threading.Tasks; using Rng;
        class C
        {
            void M(int n, double[] r, int[] seeds, int rootSeed)
            {
                var a = b + 1; var b = a + 1;
                Parallel.For(0, n, () => new Random(a + Interlocked.Increment(ref seeds[0])), (i, state, rng) => { r[i] = rng.NextDouble(); return rng; }, rng => { });
                Parallel.For(0, n, () => new Random(Interlocked.Increment(ref a) * Interlocked.Increment(ref b)), (i, state, rng) => { r[i] = rng.NextDouble(); return rng; }, rng => { });
                var g = new ThreadLocal<Generator>(() => Generator.Create((ulong)(rootSeed - Interlocked.Decrement(ref a)) + Missing));
                Parallel.ForEach(seeds, s => r[s] = g.Value!.Random());
                long big = -5;
                Parallel.For(0, n, () => new Random((int)(big + Interlocked.Increment(ref big))), (i, state, rng) => { r[i] = rng.NextDouble(); return rng; }, rng => { });
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(OddSources))]
    public async Task NeverThrows_OnOddOrBrokenCode_OneAtATimeAndFixAll(string source)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.RngRuntime);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Odd", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var document = project.AddDocument("Odd.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SharedRngAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)).Where(d => d.Id is "RNG2001" or "RNG2002").ToImmutableArray();
        Assert.Contains(diagnostics, d => d.Id == "RNG2002");

        var provider = new SharedRngCodeFixProvider();
        var keys = new HashSet<string>();
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                keys.Add(action.EquivalenceKey!);
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    Assert.NotNull(operation);
                }
            }
        }

        foreach (var key in keys.Append(SharedRngCodeFixProvider.PerItemStreamsKey).Distinct())
        {
            var context = new FixAllContext(document, provider, FixAllScope.Document, key, new[] { "RNG2001", "RNG2002" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
            if (fixAll is not null)
            {
                Assert.NotEmpty(await fixAll.GetOperationsAsync(CancellationToken.None));
            }
        }
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
