using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.SeedArithmeticAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SeedArithmeticAnalyzer, Rng.Analyzers.CodeFixes.SeedArithmeticCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG1001SeedArithmeticTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private const string NearbyRuns = "runs with nearby root seeds reuse each other's streams";

    private static DiagnosticResult Expected(int markup, string seed, string problem, string keys) =>
        Verify.Diagnostic(Descriptors.SeedDerivedByArithmetic).WithLocation(markup).WithArguments(seed, problem, keys);

    // ---------------- positive cases ----------------

    [Fact]
    public async Task Triggers_ParallelForIndexAddedToRootSeed_WithTheIssueMessage()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed, int n)
                {
                    Parallel.For(0, n, workerId =>
                    {
                        var rng = new Random({|#0:rootSeed + workerId|});
                        rng.Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ThroughCastsUncheckedAndParentheses()
    {
        const string source = """
            using System;

            class C
            {
                void Run(long rootSeed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new Random({|#0:unchecked((int)(rootSeed * 31 + i))|});
                        var b = new Random({|#1:((int)rootSeed) ^ (i)|});
                        var c = new Random({|#2:checked((int)rootSeed - i)|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "unchecked((int)(rootSeed * 31 + i))", "adds a loop index to the root seed; " + NearbyRuns, "i, rootSeed"),
            Expected(1, "((int)rootSeed) ^ (i)", "XORs a loop index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "i, rootSeed"),
            Expected(2, "checked((int)rootSeed - i)", "subtracts a loop index from the root seed; " + NearbyRuns, "i, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ThroughLocalAssignedEarlier()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        var workerSeed = rootSeed + workerId;
                        var rng = new Random({|#0:workerSeed|});
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expected(0, "workerSeed = rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ForInterlockedCounterThreadIdAndTaskId()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                static int s_next;

                void Run(int rootSeed)
                {
                    Task.Run(() => new Random({|#0:rootSeed + Interlocked.Increment(ref s_next)|}));
                    new Thread(() => new Random({|#1:rootSeed * Environment.CurrentManagedThreadId|})).Start();
                    Task.Run(() => new Random({|#2:rootSeed | (Task.CurrentId ?? 0)|}));
                    new Thread(() => new Random({|#3:rootSeed + Thread.CurrentThread.ManagedThreadId|})).Start();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + Interlocked.Increment(ref s_next)", "adds an Interlocked counter to the root seed; " + NearbyRuns, "Interlocked.Increment(ref s_next), rootSeed"),
            Expected(1, "rootSeed * Environment.CurrentManagedThreadId", "multiplies the root seed by a thread id; products of different roots and workers coincide, and worker 0 gets the same seed in every run", "Environment.CurrentManagedThreadId, rootSeed"),
            Expected(2, "rootSeed | (Task.CurrentId ?? 0)", "ORs a task id into the root seed; workers whose bits the root seed already has get the same seed", "Task.CurrentId ?? 0, rootSeed"),
            Expected(3, "rootSeed + Thread.CurrentThread.ManagedThreadId", "adds a thread id to the root seed; " + NearbyRuns, "Thread.CurrentThread.ManagedThreadId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ForeachWhileCounterAndPlinq()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                void Run(int seed, List<int> ids)
                {
                    foreach (var id in ids)
                    {
                        new Random({|#0:seed << id|});
                    }

                    int n = 0;
                    while (n < 10)
                    {
                        new Random({|#1:42 + n|});
                        n++;
                    }

                    var firsts = Enumerable.Range(0, 8).AsParallel().Select(i => new Random({|#2:seed + i|}).Next()).ToArray();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "seed << id", "shifts a loop index into the root seed; bits shifted out are lost, so different workers and runs get the same seed", "id, seed"),
            Expected(1, "42 + n", "adds a loop counter to the root seed; " + NearbyRuns, "n, 42"),
            Expected(2, "seed + i", "adds a worker index to the root seed; " + NearbyRuns, "i, seed"));
    }

    [Fact]
    public async Task Triggers_InsideModuloAndMathAbs()
    {
        const string source = """
            using System;

            class C
            {
                void Run(int seed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        new Random({|#0:(seed + i) % int.MaxValue|});
                        new Random({|#1:Math.Abs(seed * 7919 + i)|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "(seed + i) % int.MaxValue", "adds a loop index to the root seed; " + NearbyRuns, "i, seed"),
            Expected(1, "Math.Abs(seed * 7919 + i)", "adds a loop index to the root seed; " + NearbyRuns, "i, seed"));
    }

    [Fact]
    public async Task Triggers_BareIndexGivenToSystemRandom()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run()
                {
                    for (int i = 0; i < 4; i++)
                    {
                        new Random({|#0:i|});
                    }

                    Parallel.For(0, 4, worker => new Random({|#1:(int)(long)worker|}));
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "i", "is a loop index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "i, rootSeed"),
            Expected(1, "(int)(long)worker", "is a worker index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "worker, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ForRngRuntimeSinks()
    {
        const string source = """
            using System.Numerics;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(BigInteger rootSeed, ulong seed)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var sequence = new SeedSequence({|#0:rootSeed + workerId|});
                        var pcg = new Pcg64({|#1:seed + (ulong)workerId|});
                        var philox = new Philox({|#2:rootSeed * workerId|});
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "seed + (ulong)workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, seed"),
            Expected(2, "rootSeed * workerId", "multiplies the root seed by a worker index; products of different roots and workers coincide, and worker 0 gets the same seed in every run", "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_ForConfiguredSeedSink()
    {
        const string source = """
            namespace Lib
            {
                public class Twister
                {
                    public Twister(int seed) { }
                }
            }

            class C
            {
                void Run(int seed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        new Lib.Twister({|#0:seed + i|});
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            new VerifierOptions { EditorConfig = "rng_safety.seed_sinks = M:Lib.Twister.ctor(System.Int32)" },
            Expected(0, "seed + i", "adds a loop index to the root seed; " + NearbyRuns, "i, seed"));
    }

    // ---------------- negative cases ----------------

    [Fact]
    public async Task Triggers_AtCallsOfFactoriesThatPassTheirParameterToASeedSink()
    {
        // A method of the compilation that returns an RNG type and hands a parameter, as is, to a seed sink is a factory
        // whose argument is a seed: expression-bodied, block-bodied, instance, local, chained and Generator factories.
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static Random MakeVia(long seed) => Make((int)seed);
                Random MakeHere(int other, int seed) { var r = new Random(seed); return r; }
                static Generator MakeGenerator(ulong seed) => Generator.Create(seed);

                void Run(int rootSeed, ulong rootKey)
                {
                    Random Local(int s) => new(s);
                    Parallel.For(0, 8, workerId =>
                    {
                        Make({|#0:rootSeed + workerId|}).Next();
                        MakeVia({|#1:rootSeed * 31 + workerId|}).Next();
                        MakeHere(1, {|#2:rootSeed ^ workerId|}).Next();
                        Local({|#3:rootSeed - workerId|}).Next();
                        MakeGenerator({|#4:rootKey + (ulong)workerId|}).Random();
                    });

                    for (int i = 0; i < 4; i++)
                    {
                        Make({|#5:i|}).Next();
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed * 31 + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(2, "rootSeed ^ workerId", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "workerId, rootSeed"),
            Expected(3, "rootSeed - workerId", "subtracts a worker index from the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(4, "rootKey + (ulong)workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootKey"),
            Expected(5, "i", "is a loop index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "i, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCallsOfWorkerMethodsThatSeedTheirOwnRng()
    {
        // joblib's stochastic_function_seeded(max_value, random_state) ported: the worker builds its RNG from the seed
        // it is given, so the caller's rootSeed + i is the seed; also through a local function and a nested call.
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                static double[] StochasticFunctionSeeded(int maxValue, int randomState)
                {
                    var rng = new Random(randomState);
                    return Enumerable.Range(0, 5).Select(_ => rng.NextDouble() * maxValue).ToArray();
                }

                static int Draw(int seed) => new Random(seed).Next();
                static int DrawTwice(int seed) => Draw(seed) + Draw(seed);

                void Run(int rootSeed)
                {
                    void Work(long s) => new Random((int)s).Next();
                    Parallel.For(0, 5, i =>
                    {
                        StochasticFunctionSeeded(10, {|#0:rootSeed + i|});
                        Draw({|#1:rootSeed * 7 + i|});
                        DrawTwice({|#2:i|});
                        Work({|#3:rootSeed - i|});
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + i", "adds a worker index to the root seed; " + NearbyRuns, "i, rootSeed"),
            Expected(1, "rootSeed * 7 + i", "adds a worker index to the root seed; " + NearbyRuns, "i, rootSeed"),
            Expected(2, "i", "is a worker index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "i, rootSeed"),
            Expected(3, "rootSeed - i", "subtracts a worker index from the root seed; " + NearbyRuns, "i, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCreationsOfWorkersWhoseConstructorSeedsAnRng()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class Worker
            {
                private readonly Random _rng;
                public Worker(string name, int seed) { _rng = new Random(seed); }
                public Worker(long seed) : this("w", (int)seed) { }
                public int Next() => _rng.Next();
            }

            class Dice : Random
            {
                public Dice(int faces) : base(faces) { }
            }

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        new Worker("a", {|#0:rootSeed + workerId|}).Next();
                        new Worker({|#1:rootSeed ^ workerId|}).Next();
                        new Dice({|#2:rootSeed - workerId|}).Next();
                        new Worker("b", 1).Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed ^ workerId", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "workerId, rootSeed"),
            Expected(2, "rootSeed - workerId", "subtracts a worker index from the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCallsOfMethodsThatCombineTheirSeedParameterWithConstants()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                const int Salt = 17;
                static Random Scaled(int seed) => new Random(seed * 2 + 1);
                static Random Mixed(long seed) => new Random((int)unchecked(seed * 6364136223846793005L ^ 0x5DEECE66DL));
                static Random Salted(int seed) => new Random(-(seed + Salt));
                static Random Chained(int seed) => Scaled(~seed);

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        Scaled({|#0:rootSeed + workerId|}).Next();
                        Mixed({|#1:rootSeed ^ workerId|}).Next();
                        Salted({|#2:rootSeed - workerId|}).Next();
                        Chained({|#3:rootSeed * 31 + workerId|}).Next();
                        Scaled(workerId).Next();
                    });
                }
            }
            """;

        // Scaled(workerId) seeds System.Random with 2 * workerId + 1, not with the index itself: not "used directly as the seed".
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed ^ workerId", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "workerId, rootSeed"),
            Expected(2, "rootSeed - workerId", "subtracts a worker index from the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(3, "rootSeed * 31 + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCreationsOfTypesWhosePrimaryConstructorSeedsAnRng()
    {
        // The primary constructor's parameter seeds an RNG in a field initialiser, a member, the base call or a record's
        // property initialiser: the argument given to the constructor is the seed.
        const string source = """
            using System;
            using System.Threading.Tasks;

            class Worker(string name, int seed)
            {
                private readonly Random _rng = new(seed);
                public string Name => name;
                public int Next() => _rng.Next();
            }

            class Simulation(long seed)
            {
                public double Run() => new Random((int)seed).NextDouble();
            }

            class Dice(int faces) : Random(faces)
            {
            }

            readonly struct Cell(int seed)
            {
                public Random Rng() => new Random(seed ^ 0x5bd1e995);
            }

            record Job(int Seed)
            {
                public Random Rng { get; } = new Random(Seed);
            }

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        new Worker("a", {|#0:rootSeed + workerId|}).Next();
                        new Simulation({|#1:rootSeed * 31 + workerId|}).Run();
                        new Dice({|#2:workerId|}).Next();
                        new Cell({|#3:rootSeed - workerId|}).Rng().Next();
                        new Job({|#4:rootSeed + workerId|}).Rng.Next();
                        new Worker("b", 1).Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed * 31 + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(2, "workerId", "is a worker index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "workerId, rootSeed"),
            Expected(3, "rootSeed - workerId", "subtracts a worker index from the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(4, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCreationsOfTypesThatKeepTheirPrimaryConstructorSeedInAMember()
    {
        // A job record seeding from its positional property, and members initialised with the parameter; a property that
        // can be set later is not followed.
        const string source = """
            using System;
            using System.Threading.Tasks;

            record Job(int Seed, int Steps)
            {
                public double Run() { var rng = new Random(Seed); return rng.NextDouble() * Steps; }
            }

            class Walker(long seed)
            {
                private readonly long _seed = seed;
                public long Seed { get; } = seed;
                public int First() => new Random((int)_seed).Next();
                public int Second() => new Random((int)(this.Seed * 2)).Next();
            }

            class Stepper(long seed)
            {
                public long Seed { get; init; } = seed;
                public int Next() => new Random((int)Seed).Next();
            }

            class Settable(int seed)
            {
                public int Seed { get; set; } = seed;
                public int Draw() => new Random(Seed).Next();
            }

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        new Job({|#0:rootSeed + workerId|}, 10).Run();
                        new Walker({|#1:rootSeed ^ workerId|}).First();
                        new Stepper({|#2:rootSeed - workerId|}).Next();
                        new Settable(rootSeed + workerId).Draw();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed ^ workerId", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "workerId, rootSeed"),
            Expected(2, "rootSeed - workerId", "subtracts a worker index from the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCreationsOfTypesWhoseConstructorKeepsTheSeedInAMember()
    {
        // The classic worker class: the constructor stores the seed, a method seeds from it. A member that can be set after
        // construction (a public field, a private one written outside the constructors, also by deconstruction) is not followed.
        const string source = """
            using System;
            using System.Threading.Tasks;

            class Worker
            {
                private readonly int _seed;
                public Worker(int seed) { _seed = seed; }
                public int Next() => new Random(_seed).Next();
            }

            class Walker
            {
                private readonly int seed;
                public Walker(int seed) { this.seed = seed; }
                public int Step() => new Random(this.seed).Next();
            }

            class Runner
            {
                public Runner(string name, long seed)
                {
                    Name = name;
                    this.Seed = seed;
                }

                public string Name { get; }
                public long Seed { get; }
                public double Run() => new Random((int)(Seed ^ 0x9E3779B9)).NextDouble();
            }

            class Mutable
            {
                private int _seed;
                public Mutable(int seed) { _seed = seed; }
                public int Next() => new Random(_seed).Next();
                public void Reseed(int seed) => _seed = seed;
            }

            class Simulation
            {
                private int seed;
                public Simulation(int seed) { this.seed = seed; }
                public int Next() => new Random(seed).Next();
            }

            class Counter
            {
                public Counter(int seed) { Seed = seed; }
                public int Seed { get; private set; }
                public int Next() => new Random(Seed).Next();
            }

            class Stepped
            {
                public Stepped(int seed) { Seed = seed; }
                public int Seed { get; private set; }
                public int Next() => new Random(Seed).Next();
                public void Advance() => Seed++;
            }

            class Swapped
            {
                private int _seed;
                private int _other;
                public Swapped(int seed) { _seed = seed; }
                public int Next() => new Random(_seed).Next();
                public void Swap() => (_seed, _other) = (_other, _seed);
            }

            class Public
            {
                public int Seed;
                public Public(int seed) { Seed = seed; }
                public int Next() => new Random(Seed).Next();
            }

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        new Worker({|#0:rootSeed + workerId|}).Next();
                        new Worker({|#1:workerId|}).Next();
                        new Runner("r", {|#2:rootSeed * 7 + workerId|}).Run();
                        new Mutable(rootSeed + workerId).Next();
                        new Walker({|#3:rootSeed ^ workerId|}).Step();
                        new Simulation({|#4:rootSeed + workerId|}).Next();
                        new Counter({|#5:rootSeed + workerId|}).Next();
                        new Stepped(rootSeed + workerId).Next();
                        new Public(rootSeed + workerId).Next();
                        new Swapped(rootSeed + workerId).Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "workerId", "is a worker index used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds", "workerId, rootSeed"),
            Expected(2, "rootSeed * 7 + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(3, "rootSeed ^ workerId", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "workerId, rootSeed"),
            Expected(4, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(5, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task Triggers_AtCallsOfDelegatesHoldingALambdaThatSeedsAnRng()
    {
        // A local delegate initialised with a lambda or method group and never assigned again, or a readonly field; a
        // delegate that is reassigned could call anything.
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                static readonly Func<int, Random> MakeRng = seed => new Random(seed);
                static Func<int, Random> s_settable = seed => new Random(seed);
                static double Simulate(int seed) => new Random(seed).NextDouble();

                void Run(int rootSeed, int n)
                {
                    Func<int, double> simulate = seed => { var rng = new Random(seed); return rng.NextDouble(); };
                    Func<long, double> viaMethod = delegate (long s) { return Simulate((int)s); };
                    Func<int, double> group = Simulate;
                    Func<int, double> reassigned = seed => new Random(seed).NextDouble();
                    reassigned = seed => 0.0;

                    var results = Enumerable.Range(0, n).AsParallel().Select(i => simulate({|#0:rootSeed + i|})).ToArray();
                    Parallel.For(0, n, i =>
                    {
                        MakeRng({|#1:rootSeed ^ i|}).Next();
                        viaMethod({|#2:rootSeed - i|});
                        group({|#3:rootSeed * 31 + i|});
                        reassigned(rootSeed + i);
                        s_settable(rootSeed + i).Next();
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + i", "adds a worker index to the root seed; " + NearbyRuns, "i, rootSeed"),
            Expected(1, "rootSeed ^ i", "XORs a worker index into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams", "i, rootSeed"),
            Expected(2, "rootSeed - i", "subtracts a worker index from the root seed; " + NearbyRuns, "i, rootSeed"),
            Expected(3, "rootSeed * 31 + i", "adds a worker index to the root seed; " + NearbyRuns, "i, rootSeed"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForMethodsThatDoNotPassAParameterToASeedSink_OrCallEachOtherInACycle()
    {
        // Combined with another variable or chosen by a condition, the parameter is not followed.
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                static Random Salted(int seed, int salt) => new Random(seed + salt);
                static Random Either(int seed, bool b) => new Random(b ? seed : 0);
                static Random Fixed(int seed) => new Random(42);
                static Random Ping(int seed) => Pong(seed);
                static Random Pong(int seed) => Ping(seed);
                static Random Abstractly(int seed) => throw new NotSupportedException();
                static void Log(int seed) => Console.WriteLine(seed);

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        Salted(rootSeed + workerId, 5);
                        Either(rootSeed + workerId, true);
                        Fixed(rootSeed + workerId);
                        Ping(rootSeed + workerId);
                        Abstractly(rootSeed + workerId);
                        Log(rootSeed + workerId);
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Triggers_AtFactoryCalls_WhateverTheOrderOfFactoriesInACycleWithASink()
    {
        // Ping reaches a sink itself and through Pong; Pong only through Ping: both are factories, asked in either order.
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                static Random Ping(int seed, bool b) => b ? Pong(seed, b) : new Random(seed);
                static Random Pong(int seed, bool b) => Ping(seed, !b);

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        Pong({|#0:rootSeed + workerId|}, true);
                        Ping({|#1:rootSeed + workerId|}, true);
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"),
            Expected(1, "rootSeed + workerId", "adds a worker index to the root seed; " + NearbyRuns, "workerId, rootSeed"));
    }

    [Fact]
    public async Task DoesNotTrigger_PhiloxKeyPlusStreamId()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(UInt128 rootKey)
                {
                    Parallel.For(0, 4, streamId =>
                    {
                        var philox = Philox.FromKey(rootKey + (UInt128)streamId);
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime);
    }

    [Fact]
    public async Task DoesNotTrigger_SeedsThroughSeedSequence()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        var rng = new Random((int)new SeedSequence(new[] { workerId, rootSeed }).GenerateState(1)[0]);
                        var pcg = new Pcg64(new SeedSequence(new[] { workerId, rootSeed }));
                        var bare = new Pcg64((ulong)workerId);
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime);
    }

    [Fact]
    public async Task DoesNotTrigger_WithoutWorkerValue_OrWithIndexUsedElsewhere()
    {
        const string source = """
            using System;

            class C
            {
                int[] _seeds = new int[10];

                void Run(int rootSeed, int offset)
                {
                    var a = new Random(rootSeed + offset);
                    for (int i = 0; i < 4; i++)
                    {
                        var b = new Random(_seeds[i + 1]);
                        var c = new Random(rootSeed);
                        var d = new Random(Compute(rootSeed + i));
                    }
                }

                static int Compute(int x) => x;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_ForSeedsFromALockedSeeder_OrRandomShared()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed)
                {
                    var seeder = new Random(rootSeed);
                    Parallel.For(0, 8, i =>
                    {
                        int seed;
                        lock (seeder)
                        {
                            seed = seeder.Next();
                        }

                        var rng = new Random(seed);
                        var other = new Random(Random.Shared.Next());
                    });
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_UnderUndefinedIf()
    {
        const string source = """
            using System;

            class C
            {
                void Run(int rootSeed)
                {
                    for (int i = 0; i < 4; i++)
                    {
            #if NEVER_DEFINED
                        var rng = new Random(rootSeed + i);
            #endif
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_InGeneratedCode()
    {
        const string generated = """
            // <auto-generated/>
            using System;

            class Generated
            {
                void Run(int rootSeed)
                {
                    for (int i = 0; i < 4; i++) { new Random(rootSeed + i); }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync("class C { }", new VerifierOptions { AdditionalSources = new[] { ("Generated.g.cs", generated) } });
    }

    // ---------------- fixes ----------------

    [Fact]
    public async Task Fix_KeySeedSequence_KeepsIntSeedAndReinterpretsSignedValues()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        var rng = new Random({|RNG1001:rootSeed + workerId|});
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
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        var rng = new Random((int)new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }).GenerateState(1)[0]);
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_AtPrimaryConstructorAndScalingFactoryCalls_RewritesTheArgumentOnly()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class Worker(int seed)
            {
                private readonly Random _rng = new(seed);
                public int Next() => _rng.Next();
            }

            class C
            {
                static Random Scaled(int seed) => new Random(seed * 2 + 1);

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId => new Worker({|RNG1001:rootSeed + workerId|}).Next());
                    Parallel.For(0, 8, workerId => Scaled({|RNG1001:rootSeed ^ workerId|}).Next());
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class Worker(int seed)
            {
                private readonly Random _rng = new(seed);
                public int Next() => _rng.Next();
            }

            class C
            {
                static Random Scaled(int seed) => new Random(seed * 2 + 1);

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId => new Worker((int)new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }).GenerateState(1)[0]).Next());
                    Parallel.For(0, 8, workerId => Scaled((int)new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }).GenerateState(1)[0]).Next());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_AtADelegateCall_RewritesTheArgumentOnly()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed)
                {
                    Func<int, double> simulate = seed => new Random(seed).NextDouble();
                    Parallel.For(0, 8, workerId => simulate({|RNG1001:rootSeed + workerId|}));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed)
                {
                    Func<int, double> simulate = seed => new Random(seed).NextDouble();
                    Parallel.For(0, 8, workerId => simulate((int)new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }).GenerateState(1)[0]));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_AtFactoryAndWorkerMethodCalls_RewritesTheArgumentOnly()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static void Simulate(long seed) => new Random((int)seed).Next();

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId => Make({|RNG1001:rootSeed + workerId|}).Next());
                    Parallel.For(0L, 8L, workerId => Simulate({|RNG1001:rootSeed + workerId|}));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);
                static void Simulate(long seed) => new Random((int)seed).Next();

                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId => Make((int)new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }).GenerateState(1)[0]).Next());
                    Parallel.For(0L, 8L, workerId => Simulate((long)new SeedSequence(new ulong[] { (ulong)workerId, (uint)rootSeed }).GenerateState64(1)[0]));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_KeepsConstantOffsets_SoDistinctStreamsStayDistinct()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, i => new Random({|RNG1001:rootSeed + 10 + i|}));
                    Parallel.For(0, 8, i => new Random({|RNG1001:rootSeed + 20 + i|}));
                    Parallel.For(0, 8, i => new Random({|RNG1001:rootSeed * 31 + i|}));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, i => new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)rootSeed, 10 }).GenerateState(1)[0]));
                    Parallel.For(0, 8, i => new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)rootSeed, 20 }).GenerateState(1)[0]));
                    Parallel.For(0, 8, i => new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)rootSeed }).GenerateState(1)[0]));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_InCheckedContextWrapsInUnchecked_AndKeepsLongType()
    {
        const string source = """
            using System;

            class C
            {
                void Run(long rootSeed)
                {
                    checked
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            var rng = new Random({|RNG1001:(int)((rootSeed ^ i) % int.MaxValue)|});
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
                    checked
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            var rng = new Random((int)(unchecked((long)new SeedSequence(new ulong[] { (uint)i, (ulong)rootSeed }).GenerateState64(1)[0]) % int.MaxValue));
                        }
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_RewritesTheLocalsInitializer()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run(uint rootSeed)
                {
                    for (uint i = 0; i < 4; i++)
                    {
                        var workerSeed = rootSeed + i * 2;
                        var rng = new Random({|RNG1001:(int)workerSeed|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run(uint rootSeed)
                {
                    for (uint i = 0; i < 4; i++)
                    {
                        var workerSeed = new SeedSequence(new ulong[] { i, rootSeed }).GenerateState(1)[0];
                        var rng = new Random((int)workerSeed);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_SeedSequenceEntropyBecomesTheList()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(long rootSeed)
                {
                    Parallel.For(0L, 4L, workerId =>
                    {
                        var sequence = new SeedSequence({|RNG1001:rootSeed + workerId|});
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(long rootSeed)
                {
                    Parallel.For(0L, 4L, workerId =>
                    {
                        var sequence = new SeedSequence(new ulong[] { (ulong)workerId, (ulong)rootSeed });
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_KeySeedSequence_BareIndexAndNegativeConstant()
    {
        const string source = """
            using System;

            class C
            {
                void Run()
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new Random({|RNG1001:i|});
                        var b = new Random({|RNG1001:-7 + i|});
                    }
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
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new Random((int)new SeedSequence(new ulong[] { (uint)i }).GenerateState(1)[0]);
                        var b = new Random((int)new SeedSequence(new ulong[] { (uint)i, unchecked((uint)-7) }).GenerateState(1)[0]);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_UseGenerator_BitGeneratorSeededFromSeedSequence()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(ulong seed)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        BitGenerator pcg = new Pcg64({|RNG1001:seed + (ulong)workerId|});
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(ulong seed)
                {
                    Parallel.For(0, 4, workerId =>
                    {
                        BitGenerator pcg = new Pcg64(new SeedSequence(new ulong[] { (uint)workerId, seed }));
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.UseGeneratorKey, WithRuntime);
    }

    [Fact]
    public async Task Triggers_ForGeneratorCreate()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(long rootSeed)
                {
                    Parallel.For(0, 4, i => Generator.Create({|#0:rootSeed + i|}));
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime, Expected(0, "rootSeed + i", "adds a worker index to the root seed; " + NearbyRuns, "i, rootSeed"));
    }

    [Fact]
    public async Task Fix_UseGenerator_SystemRandomBecomesGeneratorAsRandom_AndGeneratorCreateTakesTheSeedSequence()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        Random rng = new Random({|RNG1001:rootSeed + workerId|});
                        var generator = Generator.Create({|RNG1001:rootSeed * 1000L + workerId|});
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
                void Run(int rootSeed)
                {
                    Parallel.For(0, 8, workerId =>
                    {
                        Random rng = Generator.Create(new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed })).AsRandom();
                        var generator = Generator.Create(new SeedSequence(new ulong[] { (uint)workerId, (uint)rootSeed }));
                    });
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.UseGeneratorKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_FixAll_RewritesEverySeedInTheDocument()
    {
        const string source = """
            using System;

            class C
            {
                void Run(int rootSeed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new Random({|RNG1001:rootSeed + i|});
                        var b = new Random({|RNG1001:rootSeed ^ i|});
                    }
                }

                void Other(int seed)
                {
                    foreach (var id in new[] { 1, 2 })
                    {
                        var c = new Random({|RNG1001:seed * id|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run(int rootSeed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)rootSeed }).GenerateState(1)[0]);
                        var b = new Random((int)new SeedSequence(new ulong[] { (uint)i, (uint)rootSeed }).GenerateState(1)[0]);
                    }
                }

                void Other(int seed)
                {
                    foreach (var id in new[] { 1, 2 })
                    {
                        var c = new Random((int)new SeedSequence(new ulong[] { (uint)id, (uint)seed }).GenerateState(1)[0]);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedArithmeticCodeFixProvider.KeySeedSequenceKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime()
    {
        const string source = """
            using System;

            class C
            {
                void Run(int rootSeed)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var rng = new Random({|RNG1001:rootSeed + i|});
                    }
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null);
    }
}
