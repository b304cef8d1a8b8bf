using Microsoft.CodeAnalysis.Testing;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.Tests.Infrastructure.InfrastructureProbeAnalyzer>;

namespace Rng.Analyzers.Tests.Infrastructure;

/// <summary>The seed-sink catalogue, the per-worker value classifier and the parallel-body locator, seen through a probe analyzer.</summary>
public sealed class InfrastructureTests
{
    private static DiagnosticResult Seed(int markup, string text) => Verify.Diagnostic("PROBE1").WithLocation(markup).WithArguments(text);

    private static DiagnosticResult Worker(int markup, string kind) => Verify.Diagnostic("PROBE2").WithLocation(markup).WithArguments(kind);

    private static DiagnosticResult Parallel(int markup, string text) => Verify.Diagnostic("PROBE3").WithLocation(markup).WithArguments(text);

    [Fact]
    public async Task SystemRandom_LoopVariables_Counters_AndLocals()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            class C
            {
                void M(int rootSeed, List<int> ids)
                {
                    var r0 = new Random({|#0:rootSeed|});
                    for (int i = 0; i < 3; i++)
                    {
                        var r1 = new Random({|#1:{|#2:i|}|});
                        int copy = {|#4:i|};
                        var r2 = new Random({|#3:(int)(long)copy|});
                    }

                    foreach (var id in ids)
                    {
                        var r3 = new Random({|#5:rootSeed + {|#6:id|}|});
                    }

                    int n = 0;
                    while (n < 3)
                    {
                        var r4 = new Random({|#7:unchecked(rootSeed * 31 + {|#8:n|})|});
                        n++;
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Seed(0, "SystemRandom/Seed/none"),
            Seed(1, "SystemRandom/Seed/LoopVariable"),
            Worker(2, "LoopVariable"),
            Worker(4, "LoopVariable"),
            Seed(3, "SystemRandom/Seed/LoopVariable"),
            Seed(5, "SystemRandom/Seed/none"),
            Worker(6, "LoopVariable"),
            Seed(7, "SystemRandom/Seed/none"),
            Worker(8, "LoopCounter"));
    }

    [Fact]
    public async Task ParallelBodies_AndTheirPerWorkerParameters()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                static int s_next;

                void M(int rootSeed, int[] items)
                {
                    Parallel.For(0, 10, {|#0:i => new Random({|#1:rootSeed ^ {|#2:i|}|})|});
                    Parallel.For(0, 10, {|#3:() => 0|}, {|#4:(i, state, local) => local + i|}, {|#5:local => { }|});
                    Parallel.ForEach(items, {|#6:(item, state, index) => { }|});
                    Parallel.Invoke({|#7:() => { }|}, {|#8:Work|});
                    Task.Run({|#9:() => new Random({|#10:{|#11:Environment.CurrentManagedThreadId|}|})|});
                    Task.Factory.StartNew({|#12:() => new Random({|#13:{|#14:Interlocked.Increment(ref s_next)|}|})|});
                    new Thread({|#15:o => { }|});
                    ThreadPool.QueueUserWorkItem({|#16:o => { }|}, 1);
                    items.AsParallel().Select({|#17:(x, k) => x + k|}).ForAll({|#18:x => { }|});
                    items.Select(x => x).ToList();
                }

                void Work() { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Parallel(0, "ParallelFor/Body/i"),
            Seed(1, "SystemRandom/Seed/none"),
            Worker(2, "ParallelIndex"),
            Parallel(3, "ParallelFor/LocalInit/"),
            Parallel(4, "ParallelFor/Body/i"),
            Parallel(5, "ParallelFor/LocalFinally/"),
            Parallel(6, "ParallelForEach/Body/item,index"),
            Parallel(7, "ParallelInvoke/Body/"),
            Parallel(8, "ParallelInvoke/Body/"),
            Parallel(9, "TaskRun/Body/"),
            Seed(10, "SystemRandom/Seed/ThreadId"),
            Worker(11, "ThreadId"),
            Parallel(12, "TaskFactoryStartNew/Body/"),
            Seed(13, "SystemRandom/Seed/InterlockedCounter"),
            Worker(14, "InterlockedCounter"),
            Parallel(15, "NewThread/Body/o"),
            Parallel(16, "ThreadPoolQueue/Body/o"),
            Parallel(17, "Plinq/Body/x,k"),
            Parallel(18, "Plinq/Body/x"));
    }

    [Fact]
    public async Task RngRuntimeSinks_AndConfiguredSinks()
    {
        const string source = """
            using System.Numerics;
            using Rng;

            class Other
            {
                public Other(string name, long seed) { }
            }

            class C
            {
                void M(BigInteger rootSeed, int workerId)
                {
                    var s1 = new SeedSequence({|#0:rootSeed|});
                    var s2 = new SeedSequence({|#1:new BigInteger[] { workerId, rootSeed }|});
                    var s3 = new SeedSequence();
                    var o = new Other("x", {|#2:42|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            new VerifierOptions { WithRngRuntime = true, EditorConfig = "rng_safety.seed_sinks = M:Other.ctor(System.String,System.Int64)" },
            Seed(0, "SeedSequence/Seed/none"),
            Seed(1, "SeedSequence/Seed/none"),
            Seed(2, "Configured/Seed/none"));
    }
}
