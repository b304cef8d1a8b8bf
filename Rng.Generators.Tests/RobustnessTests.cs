using Microsoft.CodeAnalysis;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// Malformed input never makes the generator throw (no CS8784/CS8785, checked by <see cref="GeneratorHost.Run(string[])"/>),
/// and whatever it emits for it has no errors of its own.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, string> BrokenSources() => new()
    {
        { "missing closing braces", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng)
                {
                    return rng.BitGenerator.NextDouble();
            """ },
        { "missing method body", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng)
            }
            """ },
        { "missing method name", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double (Generator rng) => 0;
            }
            """ },
        { "missing return type and parameter list", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static Run
            }
            """ },
        { "unresolved parameter type", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng, Missing value) => 0;
            }
            """ },
        { "unresolved generic argument", """
            using System.Collections.Generic;
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static List<Missing>[] Run(Generator rng) => null!;
            }
            """ },
        { "unresolved return type", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static Missing Run(Generator rng) => default!;
            }
            """ },
        { "unresolved bit generator", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic(BitGenerator = typeof(Missing))]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "bit generator of the wrong kind", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic(BitGenerator = 5)]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "unknown named argument", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic(Workers = 4)]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "constructor argument the attribute does not take", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic(42)]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "duplicate attribute", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic, ParallelStochastic]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "attribute on both parts of a partial method", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static partial double Run(Generator rng);

                [ParallelStochastic]
                public static partial double Run(Generator rng) => 0;
            }
            """ },
        { "partial method without implementation", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static partial double Run(Generator rng);
            }
            """ },
        { "attribute on a type, a field and a parameter", """
            using Rng;
            [ParallelStochastic]
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static int Field;

                public static double Run([ParallelStochastic] Generator rng) => 0;
            }
            """ },
        { "half-written expression body", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng) { return rng. }
            }
            """ },
        { "errors elsewhere in the file", """
            using Rng;
            public static partial class Experiments
            {
                public static int Broken() => "not an int" +;

                [ParallelStochastic]
                public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
            }
            class { {{ ]]
            """ },
        { "unbalanced garbage around the attribute", """
            [ParallelStochastic] }}} class {{{ [ParallelStochastic( void ((
            """ },
        { "constraint on an unresolved type", """
            using Rng;
            public static partial class Experiments
            {
                [ParallelStochastic]
                public static T Run<T>(Generator rng) where T : Missing, new() => new T();
            }
            """ },
        { "method in an enum-like broken type", """
            using Rng;
            public enum Kind
            {
                A,
                [ParallelStochastic]
                public static double Run(Generator rng) => 0;
            }
            """ },
        { "top-level statements with a local function", """
            using Rng;
            System.Console.WriteLine(Run(null!));

            [ParallelStochastic]
            static double Run(Generator rng) => 0;
            """ },
        { "delegate declaration", """
            using Rng;
            [ParallelStochastic]
            public delegate double Draw(Generator rng);
            """ },
        { "nested type in a non-type", """
            using Rng;
            namespace N
            {
                partial class Outer
                {
                    void M()
                    {
                        partial class Inner
                        {
                            [ParallelStochastic]
                            public static double Run(Generator rng) => 0;
                        }
                    }
                }
            }
            """ },
        { "Generator from another namespace", """
            public class Generator { }
            public static partial class Experiments
            {
                [Rng.ParallelStochastic]
                public static double Run(Generator rng) => 0;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void MalformedInputDoesNotMakeTheGeneratorThrowOrEmitBrokenCode(string description, string source)
    {
        GeneratorRun run = GeneratorHost.Run(source);

        // Whatever was generated must not add errors of its own.
        IEnumerable<Diagnostic> generatedErrors = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        Assert.True(!generatedErrors.Any(), description + ": " + string.Join("\n", generatedErrors));
    }

    [Fact]
    public void CompilationWithoutRngRuntimeIsIgnored()
    {
        var driver = GeneratorHost.CreateDriver();
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoRuntime",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { [ParallelStochastic] static double Run(Generator rng) => 0; }", GeneratorHost.ParseOptions) },
            GeneratorHost.References.Where(r => !r.Display!.EndsWith("Rng.Runtime.dll", StringComparison.Ordinal)));

        GeneratorRun run = GeneratorHost.Run(driver, compilation);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }
}
