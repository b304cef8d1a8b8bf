using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.WorkerIdOrderAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.WorkerIdOrderAnalyzer, Rng.Analyzers.CodeFixes.WorkerIdOrderCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG1006WorkerIdOrderTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expected(int markup, string entropy, string worker, string root, string order) =>
        Verify.Diagnostic(Descriptors.WorkerIdAfterRootSeed).WithLocation(markup).WithArguments(entropy, worker, root, order);

    [Fact]
    public async Task Triggers_ForWorkerIdsAfterTheRootSeed()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                static long s_next;

                void Run(int rootSeed, long root64)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var a = new SeedSequence({|#0:new[] { rootSeed, workerId }|});
                        var b = new SeedSequence({|#1:new ulong[] { (ulong)root64, 7, (ulong)workerId }|});
                        int[] c = [rootSeed, workerId];
                        var d = new SeedSequence({|#2:[root64, Interlocked.Increment(ref s_next)]|});
                    });
                    for (int i = 0; i < 4; i++)
                    {
                        var e = new SeedSequence({|#3:new long[] { root64, i }|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "new[] { rootSeed, workerId }", "the worker index 'workerId'", "'rootSeed'", "workerId, rootSeed"),
            Expected(1, "new ulong[] { (ulong)root64, 7, (ulong)workerId }", "the worker index 'workerId'", "'(ulong)root64'", "(ulong)workerId, (ulong)root64, 7"),
            Expected(2, "[root64, Interlocked.Increment(ref s_next)]", "the Interlocked counter 'Interlocked.Increment(ref s_next)'", "'root64'", "Interlocked.Increment(ref s_next), root64"),
            Expected(3, "new long[] { root64, i }", "the loop index 'i'", "'root64'", "i, root64"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForWorkerIdsFirst_ConstantLists_OrSingleSeeds()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed, int other)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var a = new SeedSequence(new[] { workerId, rootSeed });
                        var b = new SeedSequence(new[] { rootSeed, other });
                        var c = new SeedSequence(rootSeed);
                        var d = new SeedSequence(new[] { workerId });
            #if NEVER_DEFINED
                        var e = new SeedSequence(new[] { rootSeed, workerId });
            #endif
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime);
    }

    [Fact]
    public async Task Fix_PutsWorkerIdsFirst_FixAll()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed, ulong root64)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var a = new SeedSequence({|RNG1006:new[] { rootSeed, workerId }|});
                        var b = new SeedSequence({|RNG1006:new ulong[] { root64, 7, (ulong)workerId }|});
                        var c = new SeedSequence({|RNG1006:[root64, (ulong)workerId]|});
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed, ulong root64)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var a = new SeedSequence(new[] { workerId, rootSeed });
                        var b = new SeedSequence(new ulong[] { (ulong)workerId, root64, 7 });
                        var c = new SeedSequence([(ulong)workerId, root64]);
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, WorkerIdOrderCodeFixProvider.SwapKey, WithRuntime);
    }
}
