using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Rng.Analyzers.CodeFixes;

/// <summary>One offered fix: replace <see cref="Node"/> with generated code.</summary>
internal readonly struct RngEdit
{
    public RngEdit(string title, string equivalenceKey, SyntaxNode node, string replacement)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Node = node;
        Replacement = replacement;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public SyntaxNode Node { get; }

    public string Replacement { get; }
}

/// <summary>
/// Base of the RngSafety code fixes: a fix is a list of node replacements computed per diagnostic; Fix All applies every
/// replacement of one equivalence key to a document in one pass and adds the using directives once (the batch fixer
/// would drop the second identical "using Rng;" as a conflict).
/// </summary>
public abstract class RngCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var edits = await ComputeEditsAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            foreach (var edit in edits)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(edit.Title, ct => ApplyAsync(document, new[] { edit }, ct), edit.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes offered for <paramref name="diagnostic"/>; empty when none applies.</summary>
    internal abstract Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var edits = new List<RngEdit>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var offered = await ComputeEditsAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            foreach (var edit in offered)
            {
                if (edit.EquivalenceKey == context.CodeActionEquivalenceKey && !edits.Any(e => e.Node == edit.Node))
                {
                    edits.Add(edit);
                }
            }
        }

        return edits.Count == 0 ? document : await ApplyAsync(document, edits, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<RngEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = edits.ToDictionary(e => e.Node, e => e.Replacement);
        var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => RngFixSyntax.Parse(replacements[original]).WithTriviaFrom(original));
        var changed = document.WithSyntaxRoot(newRoot);
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
