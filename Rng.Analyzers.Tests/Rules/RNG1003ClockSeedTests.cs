using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.ClockSeedAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.ClockSeedAnalyzer, Rng.Analyzers.CodeFixes.ClockSeedCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG1003ClockSeedTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private const string Tick = "the run cannot be reproduced, and workers started in the same tick get the same stream";
    private const string Scheduled = "it depends on which thread or task runs the code, so the run cannot be reproduced, and the same few small ids recur in every run";
    private const string ProcessIds = "the run cannot be reproduced, and process ids are small numbers that recur across runs and machines";

    private static DiagnosticResult Expected(int markup, string seed, string source, string consequence) =>
        Verify.Diagnostic(Descriptors.SeedFromClockProcessOrThread).WithLocation(markup).WithArguments(seed, source, consequence);

    [Fact]
    public async Task Triggers_ForAClockSeedGivenToAFactory()
    {
        const string source = """
            using System;

            class C
            {
                static Random Make(int seed) => new Random(seed);

                void Run() => Make({|#0:Environment.TickCount|}).Next();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expected(0, "Environment.TickCount", "the tick count (Environment.TickCount)", Tick));
    }

    [Fact]
    public async Task Triggers_ForAClockSeedGivenToAPrimaryConstructorOrAMixingFactory()
    {
        const string source = """
            using System;

            class Worker(int seed)
            {
                public Random Rng { get; } = new(seed);
            }

            class C
            {
                static Random Mixed(long seed) => new Random((int)(seed ^ 0x2545F491));

                void Run()
                {
                    new Worker({|#0:Environment.TickCount|}).Rng.Next();
                    Mixed({|#1:DateTime.Now.Ticks|}).Next();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "Environment.TickCount", "the tick count (Environment.TickCount)", Tick),
            Expected(1, "DateTime.Now.Ticks", "the clock (DateTime.Now)", Tick));
    }

    [Fact]
    public async Task Fix_SeedSequence_AtAFactoryCall_DrawsTheSeedArgumentFromOsEntropy()
    {
        const string source = """
            using System;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static Random MakeLong(long seed) => new Random((int)seed);

                void Run()
                {
                    Make({|RNG1003:Environment.TickCount|}).Next();
                    MakeLong({|RNG1003:DateTime.Now.Ticks|}).Next();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static Random MakeLong(long seed) => new Random((int)seed);

                void Run()
                {
                    Make((int)new SeedSequence().GenerateState(1)[0]).Next();
                    MakeLong((long)new SeedSequence().GenerateState64(1)[0]).Next();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ClockSeedCodeFixProvider.SeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Triggers_ForEveryClockProcessAndThreadSource()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                void Run(Stopwatch watch)
                {
                    new Random({|#0:DateTime.Now.Millisecond|});
                    new Random({|#1:(int)DateTime.UtcNow.Ticks|});
                    new Random({|#2:DateTimeOffset.Now.GetHashCode()|});
                    new Random({|#3:Environment.TickCount|});
                    new Random({|#4:(int)Environment.TickCount64|});
                    new Random({|#5:(int)Stopwatch.GetTimestamp()|});
                    new Random({|#6:(int)watch.ElapsedTicks|});
                    new Random({|#7:Guid.NewGuid().GetHashCode()|});
                    new Random({|#8:Environment.ProcessId|});
                    new Random({|#9:Process.GetCurrentProcess().Id|});
                    new Random({|#10:Thread.CurrentThread.ManagedThreadId|});
                    new Random({|#11:Environment.CurrentManagedThreadId|});
                    new Random({|#12:Task.CurrentId ?? 0|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "DateTime.Now.Millisecond", "the clock (DateTime.Now)", Tick),
            Expected(1, "(int)DateTime.UtcNow.Ticks", "the clock (DateTime.UtcNow)", Tick),
            Expected(2, "DateTimeOffset.Now.GetHashCode()", "the clock (DateTimeOffset.Now)", Tick),
            Expected(3, "Environment.TickCount", "the tick count (Environment.TickCount)", Tick),
            Expected(4, "(int)Environment.TickCount64", "the tick count (Environment.TickCount64)", Tick),
            Expected(5, "(int)Stopwatch.GetTimestamp()", "a timestamp (Stopwatch.GetTimestamp)", Tick),
            Expected(6, "(int)watch.ElapsedTicks", "a stopwatch reading (Stopwatch.ElapsedTicks)", Tick),
            Expected(7, "Guid.NewGuid().GetHashCode()", "a new Guid (Guid.NewGuid)", "the run cannot be reproduced"),
            Expected(8, "Environment.ProcessId", "the process id (Environment.ProcessId)", ProcessIds),
            Expected(9, "Process.GetCurrentProcess().Id", "the process id (Process.Id)", ProcessIds),
            Expected(10, "Thread.CurrentThread.ManagedThreadId", "the managed thread id (Thread.ManagedThreadId)", Scheduled),
            Expected(11, "Environment.CurrentManagedThreadId", "the managed thread id (Environment.CurrentManagedThreadId)", Scheduled),
            Expected(12, "Task.CurrentId ?? 0", "the task id (Task.CurrentId)", Scheduled));
    }

    [Fact]
    public async Task Triggers_ThroughArithmeticLocalsAndCountersStartedFromTheClock()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                static int s_seed = Environment.TickCount;
                int _next;

                C() { _next = (int)DateTime.Now.Ticks; }

                void Run()
                {
                    Parallel.For(0, 4, i => new Random({|#0:Interlocked.Increment(ref s_seed)|}));
                    var start = Environment.TickCount;
                    for (int i = 0; i < 4; i++)
                    {
                        new Random({|#1:unchecked(start * 31 + i)|});
                        new Random({|#2:_next++|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "Interlocked.Increment(ref s_seed)", "the tick count (Environment.TickCount)", Tick),
            Expected(1, "unchecked(start * 31 + i)", "the tick count (Environment.TickCount)", Tick));
    }

    [Fact]
    public async Task Triggers_ForRngRuntimeSinks()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new SeedSequence({|#0:DateTime.Now.Ticks|});
                    var b = new Pcg64({|#1:(ulong)Environment.TickCount64|});
                    var c = new SeedSequence({|#2:new[] { 1L, DateTime.UtcNow.Ticks }|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "DateTime.Now.Ticks", "the clock (DateTime.Now)", Tick),
            Expected(1, "(ulong)Environment.TickCount64", "the tick count (Environment.TickCount64)", Tick),
            Expected(2, "new[] { 1L, DateTime.UtcNow.Ticks }", "the clock (DateTime.UtcNow)", Tick));
    }

    [Fact]
    public async Task DoesNotTrigger_ForReproducibleSeeds_OsEntropy_OrNestedSinkReportedOnItsOwn()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run(int seed, DateTime when)
                {
                    var a = new Random(seed);
                    var b = new Random();
                    var c = new Random(when.Millisecond);
                    var d = new SeedSequence();
                    var e = new Random((int)new SeedSequence().GenerateState(1)[0]);
                    var f = new Random((int)new SeedSequence({|#0:DateTime.Now.Ticks|}).GenerateState(1)[0]);
            #if NEVER_DEFINED
                    var g = new Random(Environment.TickCount);
            #endif
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime, Expected(0, "DateTime.Now.Ticks", "the clock (DateTime.Now)", Tick));
    }

    [Fact]
    public async Task DoesNotTrigger_InGeneratedCode()
    {
        const string generated = """
            // <auto-generated/>
            class Generated { System.Random R() => new System.Random(System.Environment.TickCount); }
            """;
        await Verify.VerifyAnalyzerAsync("class C { }", new VerifierOptions { AdditionalSources = new[] { ("Generated.g.cs", generated) } });
    }

    [Fact]
    public async Task Fix_UnseededRandom_WithoutRngRuntime()
    {
        const string source = """
            using System;

            class C
            {
                Random Make() => new Random({|RNG1003:Environment.TickCount|});
            }
            """;
        const string fixedSource = """
            using System;

            class C
            {
                Random Make() => new Random();
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ClockSeedCodeFixProvider.UnseededRandomKey);
    }

    [Fact]
    public async Task NoSeedSequenceFix_WithoutRngRuntime()
    {
        const string source = """
            using System;

            class C
            {
                Random Make() => new Random({|RNG1003:Environment.TickCount|});
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, ClockSeedCodeFixProvider.SeedSequenceKey);
    }

    [Fact]
    public async Task Fix_SeedSequence_ForSeedSequenceAndBitGenerator_FixAll()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new SeedSequence({|RNG1003:DateTime.Now.Ticks|});
                    var b = new Pcg64({|RNG1003:(ulong)Environment.TickCount64|});
                    var c = new Mt19937({|RNG1003:(ulong)Guid.NewGuid().GetHashCode()|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new SeedSequence();
                    var b = new Pcg64(new SeedSequence());
                    var c = new Mt19937(new SeedSequence());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ClockSeedCodeFixProvider.SeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_UnseededRandom_FixAll()
    {
        const string source = """
            using System;

            class C
            {
                void Run()
                {
                    var a = new Random({|RNG1003:DateTime.Now.Millisecond|});
                    Random b = new({|RNG1003:Environment.ProcessId|});
                }
            }
            """;
        const string fixedSource = """
            using System;

            class C
            {
                void Run()
                {
                    var a = new Random();
                    Random b = new Random();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ClockSeedCodeFixProvider.UnseededRandomKey);
    }
}

public sealed class RNG1003ClockSeedGeneratorTests
{
    [Fact]
    public async Task Fix_SeedSequence_ForSystemRandomAndGeneratorCreate_UsesGeneratorCreate()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new Random({|RNG1003:Environment.TickCount|});
                    var b = Generator.Create({|RNG1003:DateTime.Now.Ticks|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = Generator.Create().AsRandom();
                    var b = Generator.Create();
                }
            }
            """;
        await CSharpCodeFixVerifier<ClockSeedAnalyzer, Rng.Analyzers.CodeFixes.ClockSeedCodeFixProvider>.VerifyCodeFixAsync(
            source, fixedSource, Rng.Analyzers.CodeFixes.ClockSeedCodeFixProvider.SeedSequenceKey, new VerifierOptions { WithRngRuntime = true });
    }
}
