using Microsoft.CodeAnalysis.CSharp;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// The emitted driver for each method shape, compared with reviewed baselines in Baselines/. Every case also
/// compiles the user's code plus the driver with nullable checks, documentation diagnostics and all warning waves,
/// and asserts no error and no warning (what <c>-warnaserror</c> would reject).
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> ShapeNames() => new(Shapes.Keys);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void EmittedDriverMatchesBaselineAndCompilesWithoutWarnings(string shape)
    {
        GeneratorRun run = GeneratorHost.Run(Shapes[shape]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.NotEmpty(run.GeneratedSources);

        // One baseline per shape; shapes with several methods list each file under its hint name.
        string generated = string.Concat(run.GeneratedSources
            .OrderBy(source => source.Key, StringComparer.Ordinal)
            .Select(source => "//// " + source.Key + "\n" + source.Value));
        Baseline.AssertMatches(shape, generated);
    }

    /// <summary>
    /// The drivers use nothing newer than C# 8 (nullable annotations, using declarations), so they compile in projects
    /// pinned to an older language version too; C# 10 is the oldest these test sources compile in (file-scoped namespaces).
    /// </summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void EmittedDriverCompilesWithoutWarningsInCSharp10(string shape)
    {
        CSharpParseOptions csharp10 = GeneratorHost.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10);
        GeneratorRun run = GeneratorHost.Run(GeneratorHost.CreateDriver(csharp10), GeneratorHost.CreateCompilation(csharp10, Shapes[shape]));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.NotEmpty(run.GeneratedSources);
    }

    internal static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>
    {
        ["StaticValue"] = """
            using Rng;

            namespace Samples;

            public static partial class Experiments
            {
                /// <summary>A stochastic experiment.</summary>
                [ParallelStochastic]
                public static double AriDifference(Generator rng, int samples) => rng.BitGenerator.NextDouble() * samples;
            }
            """,

        ["InstanceGeneratorLast"] = """
            using Rng;

            namespace Samples;

            public partial class Simulation
            {
                private readonly double _scale = 2.0;

                [ParallelStochastic]
                internal double Run(int steps, Generator rng) => _scale * steps * rng.BitGenerator.NextDouble();
            }
            """,

        ["GeneratorInTheMiddle"] = """
            using Rng;

            namespace Samples;

            public static partial class Walks
            {
                [ParallelStochastic]
                public static long Walk(int steps, Generator rng, long start) => start + steps + (long)rng.BitGenerator.NextUInt64() % 2;
            }
            """,

        ["Void"] = """
            using Rng;

            namespace Samples;

            public static partial class Sinks
            {
                [ParallelStochastic]
                public static void Fill(Generator rng, double[] sink)
                {
                    lock (sink)
                    {
                        sink[0] += rng.BitGenerator.NextDouble();
                    }
                }
            }
            """,

        ["Task"] = """
            using System.Threading.Tasks;
            using Rng;

            namespace Samples;

            public static partial class Warmups
            {
                [ParallelStochastic]
                public static async Task WarmUpAsync(Generator rng)
                {
                    await Task.Yield();
                    rng.BitGenerator.NextUInt64();
                }
            }
            """,

        ["TaskOfT"] = """
            using System.Threading.Tasks;
            using Rng;

            namespace Samples;

            public partial class Simulations
            {
                [ParallelStochastic]
                public async Task<double> SimulateAsync(Generator rng, int steps)
                {
                    await Task.Yield();
                    return rng.BitGenerator.NextDouble() * steps;
                }
            }
            """,

        ["ValueTaskOfT"] = """
            using System.Threading.Tasks;
            using Rng;

            namespace Samples;

            public static partial class Counters
            {
                [ParallelStochastic]
                public static ValueTask<int> Count(Generator rng) => new ValueTask<int>((int)(rng.BitGenerator.NextUInt64() % 10));
            }
            """,

        ["ValueTask"] = """
            using System.Threading.Tasks;
            using Rng;

            namespace Samples;

            public static partial class Pings
            {
                [ParallelStochastic]
                public static ValueTask PingAsync(Generator rng)
                {
                    rng.BitGenerator.NextUInt64();
                    return default;
                }
            }
            """,

        ["GenericWithConstraints"] = """
            using System;
            using System.Collections.Generic;
            using Rng;

            namespace Samples;

            public static partial class Pickers
            {
                [ParallelStochastic]
                public static TResult Pick<TItem, TResult>(Generator rng, IReadOnlyList<TItem> items, Func<TItem, TResult> map)
                    where TItem : class, IComparable<TItem>
                    where TResult : struct
                    => map(items[(int)(rng.BitGenerator.NextUInt64() % (ulong)items.Count)]);

                [ParallelStochastic]
                public static T? Maybe<T>(Generator rng, T value)
                    where T : notnull, new()
                    => rng.BitGenerator.NextDouble() < 0.5 ? value : default;
            }
            """,

        ["NestedGenericTypes"] = """
            using Rng;

            namespace Samples.Deep
            {
                public partial class Outer<T>
                    where T : class
                {
                    internal partial record Inner
                    {
                        public partial struct Innermost
                        {
                            [ParallelStochastic]
                            public static T? Draw(Generator rng, T fallback) => rng.BitGenerator.NextDouble() < 0.5 ? fallback : null;
                        }
                    }
                }
            }
            """,

        ["ParamsDefaultsNullable"] = """
            using Rng;

            namespace Samples;

            public enum Mode { Fast, Careful = 3 }

            public static partial class Scores
            {
                [ParallelStochastic]
                public static double Score(
                    Generator rng,
                    string? label = null,
                    double scale = 1.5,
                    float tolerance = 0.1f,
                    decimal fee = 2.50m,
                    char marker = '\'',
                    string greeting = "tab\there \"quoted\"",
                    long big = 5000000000,
                    Mode mode = Mode.Careful,
                    Mode? maybe = (Mode)7,
                    int? optional = 4,
                    params int[] weights)
                    => rng.BitGenerator.NextDouble() * scale + weights.Length + (label?.Length ?? 0);
            }
            """,

        ["WorkerIndex"] = """
            using Rng;

            namespace Samples;

            public static partial class Tags
            {
                [ParallelStochastic]
                public static (int Worker, double Value) Tagged([WorkerIndex] int worker, Generator rng, string? prefix)
                    => (worker, rng.BitGenerator.NextDouble());
            }
            """,

        ["CancellationToken"] = """
            using System.Threading;
            using Rng;

            namespace Samples;

            public static partial class LongRuns
            {
                [ParallelStochastic]
                public static double Long(Generator rng, int steps, CancellationToken cancellationToken = default)
                {
                    double sum = 0;
                    for (int step = 0; step < steps; step++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        sum += rng.BitGenerator.NextDouble();
                    }

                    return sum;
                }
            }
            """,

        ["AsyncCancellationToken"] = """
            using System.Threading;
            using System.Threading.Tasks;
            using Rng;

            namespace Samples;

            public static partial class LongAsyncRuns
            {
                [ParallelStochastic]
                public static async Task<double> LongAsync(CancellationToken token, Generator rng)
                {
                    await Task.Delay(1, token);
                    return rng.BitGenerator.NextDouble();
                }
            }
            """,

        ["NameCollisions"] = """
            using Rng;

            namespace Samples;

            public static partial class Crowded
            {
                [ParallelStochastic]
                public static double Draw<TWorker>(Generator rng, int count, string root, double seed, bool options, int children, int results, int i, TWorker workerIndex, int @event, int loopOptions)
                    => rng.BitGenerator.NextDouble() + count;
            }
            """,

        ["GlobalNamespaceOddTypes"] = """
            using System.Collections.Generic;
            using Rng;

            public partial record struct Sampler
            {
                [ParallelStochastic]
                public static int[][,]? Grid(Generator rng) => rng.BitGenerator.NextDouble() < 0.5 ? null : new[] { new int[1, 1] };

                [ParallelStochastic]
                private static Dictionary<string, List<int?>?> Table(Generator? rng, dynamic extra) => new();

                [ParallelStochastic]
                internal static string? @class(Generator rng) => null;
            }
            """,

        ["Overloads"] = """
            using Rng;

            namespace Samples;

            public partial class Overloaded
            {
                [ParallelStochastic]
                public double Draw(Generator rng) => rng.BitGenerator.NextDouble();

                [ParallelStochastic]
                public double Draw(Generator rng, double scale) => scale * rng.BitGenerator.NextDouble();
            }
            """,

        ["PhiloxSelection"] = """
            using Rng;

            namespace Samples;

            public static partial class Counters
            {
                [ParallelStochastic(BitGenerator = typeof(Philox))]
                public static ulong Key(Generator rng) => rng.BitGenerator.NextUInt64();
            }
            """,

        ["StructsAndPropagatedAttributes"] = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Runtime.Versioning;
            using Rng;

            namespace Samples;

            public readonly partial struct Frozen
            {
                [ParallelStochastic]
                [Obsolete("Use Fresh instead.", DiagnosticId = "SAMPLE001")]
                public static double Old(Generator rng) => rng.BitGenerator.NextDouble();
            }

            public ref partial struct Stacky
            {
                [ParallelStochastic]
                [SupportedOSPlatform("linux")]
                [RequiresUnreferencedCode("Reflects over types.")]
                [Experimental("SAMPLE002")]
                internal static int Reflective(Generator rng) => (int)(rng.BitGenerator.NextUInt64() % 3);
            }
            """,

        ["ExtensionAndProtected"] = """
            using Rng;

            namespace Samples;

            public static partial class GeneratorExtensions
            {
                [ParallelStochastic]
                public static double Twice(this Generator rng) => 2 * rng.BitGenerator.NextDouble();
            }

            public abstract partial class Model
            {
                [ParallelStochastic]
                protected abstract double Fit(Generator rng, double[] data);
            }
            """,
    };
}
