using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// The pipeline caches: after an edit that does not change any <c>[ParallelStochastic]</c> method's model, every
/// tracked step is Cached or Unchanged, and no step output keeps a Compilation, symbol or syntax node alive.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedStepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    private const string Experiments = """
        using System.Threading;
        using System.Threading.Tasks;
        using Rng;

        namespace Samples;

        public static partial class Experiments
        {
            [ParallelStochastic]
            public static double Run(Generator rng, int samples) => rng.BitGenerator.NextDouble() * samples;

            [ParallelStochastic]
            public static async Task<double> RunAsync(Generator rng, [WorkerIndex] int worker, CancellationToken token)
            {
                await Task.Delay(1, token);
                return worker + rng.BitGenerator.NextDouble();
            }

            [ParallelStochastic]
            public static double Broken(int samples) => samples;

            public static double Stray([WorkerIndex] int worker) => worker;
        }
        """;

    private const string Unrelated = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    [Fact]
    public void UnrelatedEditLeavesEveryTrackedStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHost.CreateCompilation(Experiments, Unrelated);
        GeneratorRun first = GeneratorHost.Run(GeneratorHost.CreateDriver(), compilation);
        Assert.Equal(2, first.GeneratedSources.Count);
        Assert.Equal(new[] { "RNG4002", "RNG4011" }, first.GeneratorDiagnostics.Select(d => d.Id).Order());

        SyntaxTree unrelatedTree = compilation.SyntaxTrees.Last();
        SyntaxTree edited = unrelatedTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Unrelated.Replace("=> 42;", "=> 43;\n    public static int Other() => 1;", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHost.Run(first.Driver, compilation.ReplaceSyntaxTree(unrelatedTree, edited));

        GeneratorRunResult result = second.RunResult.Results.Single();
        foreach (string stepName in TrackedStepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(stepName), $"step {stepName} did not run");
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[stepName])
            {
                Assert.All(step.Outputs, output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {stepName} output was {output.Reason}"));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void EditInsideAMethodBodyReparsesButDoesNotReEmit()
    {
        CSharpCompilation compilation = GeneratorHost.CreateCompilation(Experiments, Unrelated);
        GeneratorRun first = GeneratorHost.Run(GeneratorHost.CreateDriver(), compilation);

        SyntaxTree tree = compilation.SyntaxTrees.First();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Experiments.Replace("NextDouble() * samples", "NextDouble() * samples * 2", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHost.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, edited));

        // The edited file is parsed again (and diagnostics below the edit move with the text), but the models carry
        // no locations, so they compare equal and nothing is emitted again.
        GeneratorRunResult result = second.RunResult.Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void SignatureChangeIsSeenAsAModification()
    {
        CSharpCompilation compilation = GeneratorHost.CreateCompilation(Experiments, Unrelated);
        GeneratorRun first = GeneratorHost.Run(GeneratorHost.CreateDriver(), compilation);

        SyntaxTree tree = compilation.SyntaxTrees.First();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Experiments.Replace("Run(Generator rng, int samples)", "Run(Generator rng, long samples)", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHost.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, edited));

        Assert.Contains(
            second.RunResult.Results.Single().TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("long samples", second.GeneratedSources["Samples.Experiments.Run.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void NoStepOutputHoldsACompilationSymbolOrSyntaxNode()
    {
        GeneratorRun run = GeneratorHost.Run(Experiments, Unrelated);
        GeneratorRunResult result = run.RunResult.Results.Single();

        foreach (string stepName in TrackedStepNames)
        {
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[stepName])
            {
                foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                {
                    AssertHoldsNoRoslynObjects(value, stepName, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    // Walks an object graph by reflection (fields, array and collection elements) looking for objects that would
    // keep a compilation alive or defeat caching.
    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation, $"{path} holds a Compilation");
        Assert.False(value is ISymbol, $"{path} holds an ISymbol");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode");
        Assert.False(value is SyntaxTree, $"{path} holds a SyntaxTree");
        Assert.False(value is SemanticModel, $"{path} holds a SemanticModel");
        Assert.False(value is Location { SourceTree: not null }, $"{path} holds a Location with a syntax tree");

        // Descriptors are static, immutable metadata shared by all runs; nothing of the compilation hangs off them.
        if (value is DiagnosticDescriptor)
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertHoldsNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }
        }

        for (Type? type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoRoslynObjects(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
