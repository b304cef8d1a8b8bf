using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// Fixes RNG4001 (reported by Rng.Generators' ContainingTypeNotPartialAnalyzer for a <c>[ParallelStochastic]</c> method): adds
/// <see langword="partial"/> to every type around the method that lacks it, so the generated driver can be added.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialModifierCodeFix))]
[Shared]
public sealed class AddPartialModifierCodeFix : CodeFixProvider
{
    /// <summary>The ID of the "containing type must be partial" diagnostic, which this provider fixes.</summary>
    public const string DiagnosticId = "RNG4001";

    /// <summary>The equivalence key of the fix, shared by all its instances so Fix All can batch them.</summary>
    public const string EquivalenceKey = "RNG4001.AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        List<TypeDeclarationSyntax> types = NonPartialTypesAround(root.FindNode(context.Span, getInnermostNodeForTie: true));
        if (types.Count == 0)
        {
            return;
        }

        string names = string.Join("', '", types.Select(type => type.Identifier.ValueText));
        string title = "Make '" + names + "' partial";
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => AddPartialAsync(context.Document, context.Span, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddPartialAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        List<TypeDeclarationSyntax> types = NonPartialTypesAround(root.FindNode(span, getInnermostNodeForTie: true));
        SyntaxNode fixedRoot = root.ReplaceNodes(types, (original, rewritten) => WithPartial((TypeDeclarationSyntax)rewritten));
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static List<TypeDeclarationSyntax> NonPartialTypesAround(SyntaxNode node) =>
        node.AncestorsAndSelf()
            .OfType<TypeDeclarationSyntax>()
            .Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword))
            .ToList();

    // 'partial' must stand right before the type keyword, so it becomes the last modifier. Without other modifiers it
    // takes over the keyword's leading trivia (the indentation), so the line keeps its layout.
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Count == 0)
        {
            SyntaxToken partialKeyword = SyntaxFactory.Token(type.Keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.WithKeyword(type.Keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partialKeyword));
        }

        return type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }
}
