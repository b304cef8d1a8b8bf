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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG2003 fix: initialise the [ThreadStatic] RNG lazily, on each thread that reads it.
/// <c>[ThreadStatic] private static Random t_rng = new Random();</c> becomes
/// <c>[ThreadStatic] private static Random? t_rng;</c> plus <c>private static Random Rng =&gt; t_rng ??= new Random();</c>,
/// and every read of the field in the type reads the property instead. Offered for private fields whose type is
/// declared in this file (so every read is rewritten).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThreadStaticInitializerCodeFixProvider))]
[Shared]
public sealed class ThreadStaticInitializerCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string LazyPropertyKey = "RNG2003.LazyProperty";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ThreadStaticRngWithInitializer.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var declarator = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator is not { Initializer: not null, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } }
                || model.GetDeclaredSymbol(declarator, context.CancellationToken) is not IFieldSymbol symbol
                || symbol.DeclaredAccessibility != Accessibility.Private
                || symbol.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != root.SyntaxTree))
            {
                continue;
            }

            var propertyName = PropertyName(symbol);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Initialise '" + symbol.Name + "' lazily on each thread through property '" + propertyName + "'",
                    ct => Task.FromResult(document.WithSyntaxRoot(Rewrite(root, model, field, declarator, symbol, propertyName, ct))),
                    LazyPropertyKey),
                diagnostic);
        }
    }

    private static SyntaxNode Rewrite(SyntaxNode root, SemanticModel model, FieldDeclarationSyntax field, VariableDeclaratorSyntax declarator, IFieldSymbol symbol, string propertyName, CancellationToken cancellationToken)
    {
        // Reads go through the property; writes (t_rng = ..., t_rng ??= ..., ref t_rng) stay on the field.
        var reads = new List<SyntaxNode>();
        foreach (var reference in symbol.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var identifier in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == symbol.Name
                    && !field.Span.Contains(identifier.Span)
                    && model.GetOperation(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier, cancellationToken) is IFieldReferenceOperation fieldReference
                    && SymbolEqualityComparer.Default.Equals(fieldReference.Field.OriginalDefinition, symbol)
                    && !IsWrittenOrNamed(fieldReference))
                {
                    reads.Add(identifier);
                }
            }
        }

        var typeSyntax = field.Declaration.Type;
        var nullableEnabled = (model.GetNullableContext(field.SpanStart) & NullableContext.AnnotationsEnabled) != 0;
        var fieldType = nullableEnabled && symbol.Type.IsReferenceType && typeSyntax is not NullableTypeSyntax
            ? SyntaxFactory.NullableType(typeSyntax.WithoutTrivia()).WithTriviaFrom(typeSyntax)
            : typeSyntax;
        var newField = field
            .WithModifiers(SyntaxFactory.TokenList(field.Modifiers.Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword))))
            .WithDeclaration(field.Declaration
                .WithType(fieldType)
                .WithVariables(SyntaxFactory.SingletonSeparatedList(declarator.WithInitializer(null).WithIdentifier(declarator.Identifier.WithoutTrivia()))));

        var indentation = field.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var propertyType = typeSyntax is NullableTypeSyntax nullable ? nullable.ElementType : typeSyntax;
        var property = SyntaxFactory.ParseMemberDeclaration(
                "private static " + propertyType.WithoutTrivia() + " " + propertyName + " => " + symbol.Name + " ??= " + declarator.Initializer!.Value.WithoutTrivia() + ";")!
            .WithLeadingTrivia(SyntaxFactory.EndOfLine("\n"), indentation)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var mark = new SyntaxAnnotation();
        var replaced = root.ReplaceNodes(
            reads.Cast<SyntaxNode>().Append(field),
            (original, rewritten) => original == field
                ? newField.WithAdditionalAnnotations(mark)
                : SyntaxFactory.IdentifierName(propertyName).WithTriviaFrom(rewritten));
        var newFieldNode = replaced.GetAnnotatedNodes(mark).Single();
        return replaced.InsertNodesAfter(newFieldNode, new[] { property });
    }

    // Writes, and nameof(t_rng), which names the field rather than reading it.
    private static bool IsWrittenOrNamed(IOperation reference)
    {
        var parent = reference.Parent;
        return (parent is IAssignmentOperation assignment && assignment.Target == reference)
            || parent is INameOfOperation
            || parent is IIncrementOrDecrementOperation
            || (parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out });
    }

    // t_rng, s_rng, _rng, m_rng and rng become Rng; a name already taken gets "ForThisThread".
    private static string PropertyName(IFieldSymbol field)
    {
        var name = field.Name;
        foreach (var prefix in new[] { "t_", "s_", "m_", "_" })
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        name = char.ToUpperInvariant(name[0]) + name.Substring(1);
        var type = field.ContainingType;
        var candidate = name;
        for (var suffix = 2; type.GetMembers(candidate).Length > 0 || candidate == type.Name || candidate == field.Name; suffix++)
        {
            candidate = name + "ForThisThread" + (suffix > 2 ? suffix.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        }

        return candidate;
    }
}
