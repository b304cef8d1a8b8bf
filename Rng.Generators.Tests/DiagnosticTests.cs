using Microsoft.CodeAnalysis;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// Every misuse gets its RNG40xx diagnostic on the offending syntax (marked <c>[|...|]</c> in the sources below), and
/// the erroneous method gets no driver.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Rng;

        """;

    [Fact]
    public void NonPartialContainingTypeIsRng4001()
    {
        Diagnostic diagnostic = AssertReported("RNG4001", """
            public static class Experiments
            {
                [ParallelStochastic]
                public static double [|Run|](Generator rng) => rng.BitGenerator.NextDouble();
            }
            """);
        Assert.Equal("Type 'Experiments' must be declared partial so that the driver 'RunParallel' of method 'Experiments.Run(Generator)' can be added to it", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void NonPartialOuterTypeIsRng4001NamingTheOuterType()
    {
        Diagnostic diagnostic = AssertReported("RNG4001", """
            public class Outer
            {
                public partial class Inner
                {
                    [ParallelStochastic]
                    public static double [|Run|](Generator rng) => rng.BitGenerator.NextDouble();
                }
            }
            """);
        Assert.Contains("'Outer'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryNonPartialTypeIsReported()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public class Outer
            {
                public class Inner
                {
                    [ParallelStochastic]
                    public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
                }
            }
            """);
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "RNG4001"));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void MissingGeneratorParameterIsRng4002()
    {
        Diagnostic diagnostic = AssertReported("RNG4002", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double [|Run|](int samples) => samples;
            }
            """);
        Assert.Contains("'Experiments.Run(int)' has no Rng.Generator parameter", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecondGeneratorParameterIsRng4003()
    {
        Diagnostic diagnostic = AssertReported("RNG4003", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator first, int samples, Generator? [|second|]) => samples;
            }
            """);
        Assert.Contains("('first' and 'second')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ref int [|value|]", "passed by ref")]
    [InlineData("out int [|value|]", "an out parameter")]
    [InlineData("in int [|value|]", "an in parameter")]
    [InlineData("ref readonly int [|value|]", "a ref readonly parameter")]
    [InlineData("int* [|value|]", "a pointer")]
    [InlineData("delegate*<int, void> [|value|]", "a function pointer")]
    [InlineData("Span<int> [|value|]", "of the ref struct type 'Span<int>'")]
    [InlineData("ReadOnlySpan<char> [|value|]", "of the ref struct type 'ReadOnlySpan<char>'")]
    public void ByReferencePointerAndRefStructParametersAreRng4004(string parameter, string problem)
    {
        string body = parameter.StartsWith("out", StringComparison.Ordinal) ? "{ value = default; return 0; }" : "=> 0;";
        Diagnostic diagnostic = AssertReported("RNG4004", $$"""
            public static unsafe partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng, {{parameter}}) {{body}}
            }
            """);
        Assert.Contains("Parameter 'value' of method", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ByRefGeneratorIsRng4004WithoutAlsoClaimingNoGenerator()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(ref Generator rng) => 0;
            }
            """);
        Assert.Equal(new[] { "RNG4004" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ArgListIsRng4004()
    {
        AssertReported("RNG4004", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double [|Run|](Generator rng, __arglist) => 0;
            }
            """);
    }

    [Fact]
    public void ExistingFieldWithTheDriversNameIsRng4005()
    {
        Diagnostic diagnostic = AssertReported("RNG4005", """
            public static partial class Experiments
            {
                public static int RunParallel;

                [ParallelStochastic]
                public static double [|Run|](Generator rng) => 0;
            }
            """);
        Assert.Equal("The driver 'RunParallel' of method 'Experiments.Run(Generator)' would collide with the existing member 'Experiments.RunParallel'; rename the method or the other member", diagnostic.GetMessage());
    }

    [Fact]
    public void ExistingMethodWithTheDriversSignatureIsRng4005()
    {
        Diagnostic diagnostic = AssertReported("RNG4005", """
            public static partial class Experiments
            {
                public static double[] RunParallel(ulong seed, int count, int samples, ParallelOptions? options) => new double[count];

                [ParallelStochastic]
                public static double [|Run|](Generator rng, int samples) => samples;
            }
            """);
        Assert.Contains("the existing method 'Experiments.RunParallel(ulong, int, int, ParallelOptions?)'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void InheritedMethodWithTheDriversSignatureIsRng4005()
    {
        AssertReported("RNG4005", """
            public class Base
            {
                public double[] RunParallel(SeedSequence root, int count, ParallelOptions? options) => new double[count];
            }

            public partial class Derived : Base
            {
                [ParallelStochastic]
                public double [|Run|](Generator rng) => 0;
            }
            """);
    }

    [Fact]
    public void TwoMethodsWhoseDriversWouldCoincideAreBothRng4005()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng, int samples) => samples;

                [ParallelStochastic]
                public static double Run(int samples, Generator rng) => samples;
            }
            """);
        Assert.Equal(new[] { "RNG4005", "RNG4005" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Contains("the driver of the [ParallelStochastic] method", d.GetMessage(), StringComparison.Ordinal));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void DriverNamedLikeItsContainingTypeIsRng4005()
    {
        AssertReported("RNG4005", """
            public partial class RunParallel
            {
                [ParallelStochastic]
                public static double [|Run|](Generator rng) => 0;
            }
            """);
    }

    [Fact]
    public void OverloadWithADifferentSignatureIsNoCollision()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static partial class Experiments
            {
                public static string RunParallel(string label) => label;

                [ParallelStochastic]
                public static double Run(Generator rng, int samples) => samples;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("the local function 'Local'", """
        public static partial class Experiments
        {
            public static double Outer()
            {
                return Local(null!);

                [ParallelStochastic]
                static double [|Local|](Generator rng) => 0;
            }
        }
        """)]
    [InlineData("the accessor 'Experiments.Value.get'", """
        public partial class Experiments
        {
            public double Value { [ParallelStochastic] [|get|] => 0; }
        }
        """)]
    [InlineData("the operator 'Experiments.operator +(Experiments, Generator)'", """
        public partial class Experiments
        {
            [ParallelStochastic]
            public static Experiments operator [|+|](Experiments left, Generator rng) => left;
        }
        """)]
    [InlineData("the explicit interface implementation 'Experiments.IRun.Run(Generator)'", """
        public interface IRun { double Run(Generator rng); }

        public partial class Experiments : IRun
        {
            [ParallelStochastic]
            double IRun.[|Run|](Generator rng) => 0;
        }
        """)]
    [InlineData("the interface member 'IExperiments.Run(Generator)'", """
        public partial interface IExperiments
        {
            [ParallelStochastic]
            double [|Run|](Generator rng);
        }
        """)]
    [InlineData("the instance method 'Experiments.Run(Generator)' of a struct", """
        public partial struct Experiments
        {
            [ParallelStochastic]
            public double [|Run|](Generator rng) => 0;
        }
        """)]
    [InlineData("a method of the file-local type 'Experiments'", """
        file partial class Experiments
        {
            [ParallelStochastic]
            public static double [|Run|](Generator rng) => 0;
        }
        """)]
    [InlineData("the finalizer 'Experiments.~Experiments()'", """
        public partial class Experiments
        {
            [ParallelStochastic]
            ~[|Experiments|]() { }
        }
        """)]
    [InlineData("a lambda", """
        public static class Experiments
        {
            public static Func<Generator, double> Draw = [[|ParallelStochastic|]] (Generator rng) => 0;
        }
        """)]
    public void TargetsThatCannotHaveADriverAreRng4006(string description, string source)
    {
        Diagnostic diagnostic = AssertReported("RNG4006", source);
        Assert.Equal("[ParallelStochastic] cannot be applied to " + description + "; apply it to an ordinary method of a class or record, or to a static method of a struct", diagnostic.GetMessage());
    }

    [Fact]
    public void AttributeOnATypeIsLeftToTheCompilersCS0592()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            [ParallelStochastic]
            public static partial class Experiments
            {
                public static double Run(Generator rng) => 0;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0592");
    }

    [Theory]
    [InlineData("[|ref double|] Run(Generator rng) => ref Cell[0];", "by reference")]
    [InlineData("[|ref readonly double|] Run(Generator rng) => ref Cell[0];", "by reference")]
    [InlineData("[|Span<double>|] Run(Generator rng) => Cell;", "of the ref struct type 'Span<double>'")]
    [InlineData("unsafe [|int*|] Run(Generator rng) => null;", "a pointer")]
    [InlineData("async [|void|] Run(Generator rng) => await Task.Yield();", "async void (the driver could not wait for it)")]
    public void ReturnTypesThatCannotBeCollectedAreRng4007(string method, string problem)
    {
        Diagnostic diagnostic = AssertReported("RNG4007", $$"""
            public static partial class Experiments
            {
                private static readonly double[] Cell = new double[1];

                [ParallelStochastic]
                public static {{method}}
            }
            """);
        Assert.Contains("returns " + problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typeof(string)", "string")]
    [InlineData("typeof(BitGenerator)", "BitGenerator")]
    [InlineData("typeof(Generator)", "Generator")]
    public void BitGeneratorThatIsNotOneOfOursIsRng4008(string type, string display)
    {
        Diagnostic diagnostic = AssertReported("RNG4008", $$"""
            public static partial class Experiments
            {
                [ParallelStochastic(BitGenerator = [|{{type}}|])]
                public static double Run(Generator rng) => 0;
            }
            """);
        Assert.StartsWith("'" + display + "' is not a supported bit generator", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerIndexOfAnotherTypeIsRng4009()
    {
        Diagnostic diagnostic = AssertReported("RNG4009", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng, [WorkerIndex] long [|worker|]) => worker;
            }
            """);
        Assert.Contains("has type 'long', but the worker index is an int", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecondWorkerIndexIsRng4009()
    {
        Diagnostic diagnostic = AssertReported("RNG4009", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run([WorkerIndex] int first, Generator rng, [WorkerIndex] int [|second|]) => first + second;
            }
            """);
        Assert.Contains("follows the [WorkerIndex] parameter 'first'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecondCancellationTokenIsRng4010()
    {
        Diagnostic diagnostic = AssertReported("RNG4010", """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng, CancellationToken first, CancellationToken [|second|]) => 0;
            }
            """);
        Assert.Contains("('first' and 'second')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerIndexWithoutParallelStochasticIsWarningRng4011()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static class Experiments
            {
                public static double Run(Generator rng, [WorkerIndex] int worker) => worker;
            }
            """);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RNG4011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("WorkerIndex", run.Output.SyntaxTrees.First().ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void PartialMethodGetsOneDriverAndItsWorkerIndexIsNotRng4011()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static partial double Run(Generator rng, int worker);

                public static partial double Run(Generator rng, [WorkerIndex] int worker) => worker;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Experiments.Run.g.cs", Assert.Single(run.GeneratedSources).Key);
        IMethodSymbol[] drivers = run.Output.GetTypeByMetadataName("Experiments")!.GetMembers("RunParallel").OfType<IMethodSymbol>().ToArray();
        Assert.Equal(2, drivers.Length);
        Assert.Contains(drivers, d => string.Join(",", d.Parameters.Select(p => p.Name)) == "root,count,options");
        Assert.Contains(drivers, d => string.Join(",", d.Parameters.Select(p => p.Name)) == "seed,count,options");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void SeveralProblemsAreAllReportedAndNothingIsEmitted()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static class Experiments
            {
                [ParallelStochastic(BitGenerator = typeof(string))]
                public static ref int Run(out int value, [WorkerIndex] long worker, CancellationToken a, CancellationToken b) => throw null!;
            }
            """);
        Assert.Equal(
            new[] { "RNG4001", "RNG4002", "RNG4004", "RNG4007", "RNG4008", "RNG4009", "RNG4010" },
            run.GeneratorDiagnostics.Select(d => d.Id).Order().ToArray());
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ErroneousMethodGetsNoDriverWhileItsValidNeighbourDoes()
    {
        GeneratorRun run = GeneratorHost.Run(Usings + """
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Broken(int samples) => samples;

                [ParallelStochastic]
                public static double Fine(Generator rng) => rng.BitGenerator.NextDouble();
            }
            """);
        Assert.Equal("RNG4002", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal("Experiments.Fine.g.cs", Assert.Single(run.GeneratedSources).Key);
    }

    // Runs the generator over the marked source, asserts exactly one diagnostic of the ID on the marked span and
    // that no driver was generated for it.
    private static Diagnostic AssertReported(string id, string markedSource)
    {
        int start = markedSource.IndexOf("[|", StringComparison.Ordinal);
        int end = markedSource.IndexOf("|]", StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "the source must mark the expected span with [| |]");
        string source = Usings + markedSource.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);
        string expectedText = source.Substring(Usings.Length + start, end - start);

        GeneratorRun run = GeneratorHost.Run(source);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(expectedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.EndsWith("docs/rules/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
        return diagnostic;
    }
}
