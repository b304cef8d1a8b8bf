using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>RNG1006: list entropy such as <c>SeedSequence([rootSeed, workerId])</c> with a per-worker value after the root seed.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkerIdOrderAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WorkerIdAfterRootSeed);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            RngAnalysis.RegisterSeedSinkAction(start, types, (operationContext, use) =>
            {
                if (TryAnalyze(use, types, out var order))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.WorkerIdAfterRootSeed,
                        use.SeedSyntax.GetLocation(),
                        OperationHelpers.Text(use.SeedSyntax),
                        "the " + order.Worker.NounWithoutArticle + " '" + OperationHelpers.Text(order.Worker.Operation) + "'",
                        "'" + OperationHelpers.Text(order.FirstRoot) + "'",
                        string.Join(", ", order.Reordered.Select(OperationHelpers.Text))));
                }
            });
        });
    }

    /// <summary>The elements of a list-entropy seed and their recommended order.</summary>
    internal sealed class EntropyOrder
    {
        public EntropyOrder(ImmutableArray<IOperation> elements, ImmutableArray<IOperation> reordered, WorkerValue worker, IOperation firstRoot)
        {
            Elements = elements;
            Reordered = reordered;
            Worker = worker;
            FirstRoot = firstRoot;
        }

        /// <summary>The elements as written.</summary>
        public ImmutableArray<IOperation> Elements { get; }

        /// <summary>Per-worker elements first, then the others, each group in source order.</summary>
        public ImmutableArray<IOperation> Reordered { get; }

        /// <summary>The first per-worker element that follows a root element.</summary>
        public WorkerValue Worker { get; }

        /// <summary>The first non-worker element before it.</summary>
        public IOperation FirstRoot { get; }
    }

    internal static bool TryAnalyze(SeedSinkUse use, RngKnownTypes types, out EntropyOrder order)
    {
        order = null!;
        if (!use.Sink.IsListEntropy || use.Sink.Role != SeedRole.Seed)
        {
            return false;
        }

        var elements = use.SeedValue.WalkDownConversions() switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection when !collection.Elements.Any(e => e is ISpreadOperation) => collection.Elements,
            _ => ImmutableArray<IOperation>.Empty,
        };
        if (elements.Length < 2)
        {
            return false;
        }

        var workers = ImmutableArray.CreateBuilder<IOperation>();
        var roots = ImmutableArray.CreateBuilder<IOperation>();
        IOperation? firstRoot = null;
        WorkerValue? lateWorker = null;
        foreach (var element in elements)
        {
            if (WorkerValues.ContainsWorkerValue(element, types, out var worker))
            {
                workers.Add(element);
                if (firstRoot is not null && lateWorker is null)
                {
                    lateWorker = worker;
                }
            }
            else
            {
                roots.Add(element);
                firstRoot ??= element;
            }
        }

        if (lateWorker is null || firstRoot is null)
        {
            return false;
        }

        order = new EntropyOrder(elements, workers.ToImmutable().AddRange(roots), lateWorker.Value, firstRoot);
        return true;
    }
}
