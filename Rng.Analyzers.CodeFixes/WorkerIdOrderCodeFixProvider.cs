using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Rng.Analyzers.CodeFixes;

/// <summary>RNG1006 fix: move the per-worker elements of the entropy list before the root seed (NumPy's [worker_id, root_seed]).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkerIdOrderCodeFixProvider))]
[Shared]
public sealed class WorkerIdOrderCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string SwapKey = "RNG1006.WorkerIdsFirst";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.WorkerIdAfterRootSeed.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null || !WorkerIdOrderAnalyzer.TryAnalyze(target.Use, target.Types, out var order))
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        // Rewrite the list's text with the element texts permuted; everything else (type, spacing) stays as written.
        var listSyntax = target.Use.SeedValue.WalkDownConversions().Syntax;
        var listText = listSyntax.ToString();
        var listStart = listSyntax.SpanStart;
        var builder = new StringBuilder();
        var position = 0;
        for (var i = 0; i < order.Elements.Length; i++)
        {
            var span = order.Elements[i].Syntax.Span;
            builder.Append(listText, position, span.Start - listStart - position);
            builder.Append(order.Reordered[i].Syntax.ToString());
            position = span.End - listStart;
        }

        builder.Append(listText, position, listText.Length - position);
        var keys = string.Join(", ", order.Reordered.Select(OperationHelpers.Text));
        return ImmutableArray.Create(new RngEdit("Put the worker ids first: [" + keys + "]", SwapKey, listSyntax, builder.ToString()));
    }
}
