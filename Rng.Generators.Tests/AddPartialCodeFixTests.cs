using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Rng.Analyzers.CodeFixes;
using Rng.Generators.Tests.Infrastructure;

namespace Rng.Generators.Tests;

/// <summary>
/// The RNG4001 code fix adds <c>partial</c> to every type around the method that lacks it, and the fixed code then
/// gets its driver.
/// </summary>
/// <remarks>
/// RNG4001 comes from the generator assembly's analyzer (through <see cref="GeneratorHost.Run(Microsoft.CodeAnalysis.GeneratorDriver, Compilation)"/>);
/// the harness re-creates each diagnostic on the document's own tree and then checks that the fixed code gets its driver.
/// </remarks>
public sealed class AddPartialCodeFixTests
{
    [Fact]
    public async Task AddsPartialToTheContainingType()
    {
        string fixedCode = await ApplyFixAsync("""
            using Rng;

            namespace Samples;

            public static class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
            }
            """);

        Assert.Equal("""
            using Rng;

            namespace Samples;

            public static partial class Experiments
            {
                [ParallelStochastic]
                public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
            }
            """, fixedCode);
        AssertFixedCodeGetsItsDriver(fixedCode);
    }

    [Fact]
    public async Task AddsPartialToEveryOuterTypeKeepingLayoutAndOtherModifiers()
    {
        string fixedCode = await ApplyFixAsync("""
            using Rng;

            namespace Samples
            {
                [System.Serializable]
                class Outer
                {
                    internal sealed partial class Middle
                    {
                        public record Inner
                        {
                            [ParallelStochastic]
                            public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
                        }
                    }
                }
            }
            """);

        Assert.Equal("""
            using Rng;

            namespace Samples
            {
                [System.Serializable]
                partial class Outer
                {
                    internal sealed partial class Middle
                    {
                        public partial record Inner
                        {
                            [ParallelStochastic]
                            public static double Run(Generator rng) => rng.BitGenerator.NextDouble();
                        }
                    }
                }
            }
            """, fixedCode);
        AssertFixedCodeGetsItsDriver(fixedCode);
    }

    [Fact]
    public async Task TitleNamesTheTypes()
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await DiagnoseAsync("""
            using Rng;

            public class Outer
            {
                public struct Inner
                {
                    [ParallelStochastic]
                    public static double Run(Generator rng) => 0;
                }
            }
            """);

        CodeAction action = Assert.Single(await RegisteredFixesAsync(document, diagnostics[0]));
        Assert.Equal("Make 'Inner', 'Outer' partial", action.Title);
        Assert.Equal(AddPartialModifierCodeFix.EquivalenceKey, action.EquivalenceKey);
    }

    [Fact]
    public async Task FixAllMakesEveryTypeInTheDocumentPartial()
    {
        const string Source = """
            using Rng;

            public class First
            {
                [ParallelStochastic]
                public static double Run(Generator rng) => 0;

                public class Nested
                {
                    [ParallelStochastic]
                    public static double Draw(Generator rng) => 0;
                }
            }

            public struct Second
            {
                [ParallelStochastic]
                public static double Run(Generator rng) => 0;
            }
            """;
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await DiagnoseAsync(Source);
        Assert.Equal(4, diagnostics.Length);

        var provider = new AddPartialModifierCodeFix();
        var fixAllContext = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            AddPartialModifierCodeFix.EquivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        CodeAction? fixAll = await provider.GetFixAllProvider()!.GetFixAsync(fixAllContext);
        Assert.NotNull(fixAll);
        string fixedCode = await ApplyAsync(document, fixAll);

        Assert.Equal(Source
            .Replace("public class First", "public partial class First", StringComparison.Ordinal)
            .Replace("public class Nested", "public partial class Nested", StringComparison.Ordinal)
            .Replace("public struct Second", "public partial struct Second", StringComparison.Ordinal), fixedCode);
        AssertFixedCodeGetsItsDriver(fixedCode);
    }

    [Fact]
    public async Task OffersNothingWhenEveryTypeIsAlreadyPartial()
    {
        (Document document, _) = await DiagnoseAsync("public partial class C { }");
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        Diagnostic stale = Diagnostic.Create(
            new DiagnosticDescriptor(AddPartialModifierCodeFix.DiagnosticId, "t", "m", "c", DiagnosticSeverity.Error, true),
            Location.Create(tree, new TextSpan(0, 6)));

        Assert.Empty(await RegisteredFixesAsync(document, stale));
    }

    private static async Task<string> ApplyFixAsync(string source)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await DiagnoseAsync(source);
        Assert.NotEmpty(diagnostics);
        CodeAction action = Assert.Single(await RegisteredFixesAsync(document, diagnostics[0]));
        return await ApplyAsync(document, action);
    }

    // Builds a one-document project, runs the generator and its analyzer and places the RNG4001 diagnostics on the document.
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> DiagnoseAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.CurrentSolution
            .AddProject("Fixes", "Fixes", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(GeneratorHost.ParseOptions)
            .AddMetadataReferences(GeneratorHost.References);
        Document document = project.AddDocument("Experiments.cs", SourceText.From(source), filePath: "/src/Experiments.cs");

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        GeneratorRun run = GeneratorHost.Run(GeneratorHost.CreateDriver(), compilation);
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        ImmutableArray<Diagnostic> mapped = run.GeneratorDiagnostics
            .Where(d => d.Id == AddPartialModifierCodeFix.DiagnosticId)
            .Select(d =>
            {
                Assert.Equal(document.FilePath, d.Location.GetLineSpan().Path);
                return Diagnostic.Create(d.Descriptor, Location.Create(tree, d.Location.SourceSpan), d.GetMessage());
            })
            .ToImmutableArray();
        return (document, mapped);
    }

    private static async Task<List<CodeAction>> RegisteredFixesAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AddPartialModifierCodeFix().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static void AssertFixedCodeGetsItsDriver(string fixedCode)
    {
        GeneratorRun run = GeneratorHost.Run(fixedCode);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == AddPartialModifierCodeFix.DiagnosticId);
        Assert.NotEmpty(run.GeneratedSources);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
