using System;
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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// Fixes for RNG2001 and RNG2002.
/// <list type="bullet">
/// <item>Per-item streams (Rng.Runtime referenced): <c>Parallel.For(from, to, i =&gt; ... rng ...)</c> becomes
/// <c>ParallelRandom.For(from, to, new SeedSequence(rng.NextInt64()), (i, itemRng) =&gt; ... itemRng.AsRandom() ...)</c>
/// (and <c>Parallel.ForEach(source, item =&gt; ...)</c> becomes <c>ParallelRandom.ForEach(source, root, (item, index, itemRng) =&gt; ...)</c>):
/// the root is drawn once from the shared RNG before the loop, so a seeded program stays seeded; Random.Shared gets a
/// fresh <c>new SeedSequence()</c>. A lock on the RNG itself is removed.</item>
/// <item>Random.Shared (RNG2001 without Rng.Runtime, for a System.Random): thread-safe, but not reproducible.</item>
/// </list>
/// No fix when the RNG is also used in functions the body calls (the fix would leave them sharing it), when the body
/// assigns it, or for other overloads (loop state, localInit, 64-bit indices).
/// Per-thread RNGs (RNG2002: the localInit state itself, ThreadLocal, [ThreadStatic]) get the same per-item streams
/// fix; the remarks (SharedRngCodeFixProvider.PerThread.cs) list the shapes and how their root is chosen.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedRngCodeFixProvider))]
[Shared]
public sealed partial class SharedRngCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the per-item streams fix (RNG2001 and RNG2002).</summary>
    public const string PerItemStreamsKey = "RNG2001.PerItemStreams";

    /// <summary>Equivalence key of the Random.Shared fix (RNG2001 without Rng.Runtime).</summary>
    public const string RandomSharedKey = "RNG2001.RandomShared";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(Descriptors.RngSharedAcrossParallelBody.Id, Descriptors.ThreadSafeButNotReproducible.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plans = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plans.Count == 0)
            {
                continue;
            }

            var plan = plans[0];
            var document = context.Document;
            var title = plan.Mode != FixMode.RandomShared
                ? "Give every item its own stream with ParallelRandom." + plan.ApiName
                : "Use Random.Shared (thread-safe, but not reproducible)";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(document, plans, ct), plan.EquivalenceKey),
                diagnostic);
        }
    }

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var plans = new List<FixPlan>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var plan in await PlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                if (plan.EquivalenceKey == context.CodeActionEquivalenceKey)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans.Count == 0 ? document : await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
    }

    private enum FixMode
    {
        PerItemStreams,
        RandomShared,

        /// <summary>Parallel.For/ForEach with localInit/localFinally becomes ParallelRandom.For/ForEach (per-item streams too).</summary>
        LocalInit,
    }

    /// <summary>What one diagnostic's fix rewrites, computed on the unchanged document.</summary>
    private sealed class FixPlan
    {
        public FixMode Mode { get; set; }

        public string EquivalenceKey => Mode == FixMode.RandomShared ? RandomSharedKey : PerItemStreamsKey;

        /// <summary>"For" or "ForEach".</summary>
        public string ApiName { get; set; } = "";

        public InvocationExpressionSyntax Invocation { get; set; } = null!;

        public LambdaExpressionSyntax Lambda { get; set; } = null!;

        /// <summary>Where the root argument goes (after from/to or after the source).</summary>
        public int RootArgumentIndex { get; set; }

        /// <summary>The SeedSequence expression that seeds the items.</summary>
        public string Root { get; set; } = "";

        /// <summary>The references to replace, each with its replacement; "{0}" stands for the generator parameter.</summary>
        public List<(SyntaxNode Node, string Replacement)> References { get; } = new();

        /// <summary>lock statements on the shared RNG itself, whose bodies replace them.</summary>
        public List<LockStatementSyntax> Locks { get; } = new();

        /// <summary>Statements that only initialise the per-thread RNG (<c>t_rng ??= new Random(seed);</c>), removed.</summary>
        public List<StatementSyntax> Removals { get; } = new();

        /// <summary>LocalInit mode: what the rewritten call and lambda keep.</summary>
        public LocalInitShape? LocalInit { get; set; }
    }

    private static async Task<IReadOnlyList<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return Array.Empty<FixPlan>();
        }

        var types = RngKnownTypes.Create(model.Compilation, document.Project.AnalyzerOptions);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model.GetOperation(node, cancellationToken) is not { } reference)
        {
            return Array.Empty<FixPlan>();
        }

        var bodies = new FunctionBodies(model.Compilation);
        if (!ParallelBodies.TryGetEnclosing(reference, types, out var parallelDelegate))
        {
            // A [ThreadStatic] RNG reported in the accessor that lazily creates it: fix the loops that reach it.
            return types.HasRngRuntime
                && reference is IFieldReferenceOperation { Field: { } field } && WorkerContexts.IsThreadStatic(field.OriginalDefinition, types)
                ? PlanPerThreadAccessorLoops(root, model, diagnostic, types, bodies, cancellationToken)
                : Array.Empty<FixPlan>();
        }

        return PlanOne(parallelDelegate, diagnostic, model, types, bodies) is { } single ? new[] { single } : Array.Empty<FixPlan>();
    }

    private static FixPlan? PlanOne(ParallelDelegate parallelDelegate, Diagnostic diagnostic, SemanticModel model, RngKnownTypes types, FunctionBodies bodies)
    {
        if (parallelDelegate.Lambda is not { } lambdaOperation
            || lambdaOperation.Syntax is not LambdaExpressionSyntax lambda
            || parallelDelegate.Call.Syntax is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        var scope = ParallelScopes.Build(parallelDelegate, bodies);
        var use = SharedRngUses.Find(scope, types, bodies).FirstOrDefault(u => u.Reference.Syntax.Span == diagnostic.Location.SourceSpan);
        if (use.Reference is null)
        {
            return null;
        }

        if (use.Kind == SharedUseKind.PerThread)
        {
            return types.HasRngRuntime ? PlanPerThread(use, scope, invocation, lambda, lambdaOperation, model, types, bodies) : null;
        }

        if (!use.Region.Equals(scope.Regions[0]))
        {
            return null;
        }

        // The fix rewrites the body only: an RNG also used by the functions it calls, or assigned in it, stays shared.
        var symbol = use.Symbol;
        if (use.Kind != SharedUseKind.RandomShared && scope.Regions.Skip(1).Any(r => SharedRngUses.ReferencesTo(r.Root, symbol).Any()))
        {
            return null;
        }

        var references = SharedRngUses.ReferencesTo(lambdaOperation, symbol).ToList();
        if (references.Any(r => r.Parent is IAssignmentOperation assignment && assignment.Target == r))
        {
            return null;
        }

        if (types.HasRngRuntime)
        {
            return PlanPerItemStreams(use, parallelDelegate, invocation, lambda, lambdaOperation, references, types);
        }

        var randomShared = types.SystemRandom?.GetMembers("Shared").Length > 0;
        if (use.Kind != SharedUseKind.Shared || !randomShared || !RngKnownTypes.Is(use.Reference.Type, types.SystemRandom))
        {
            return null;
        }

        var plan = new FixPlan { Mode = FixMode.RandomShared, Invocation = invocation, Lambda = lambda };
        foreach (var r in references)
        {
            plan.References.Add((r.Syntax, "global::System.Random.Shared"));
        }

        return plan;
    }

    private static FixPlan? PlanPerItemStreams(
        SharedUse use,
        ParallelDelegate parallelDelegate,
        InvocationExpressionSyntax invocation,
        LambdaExpressionSyntax lambda,
        IAnonymousFunctionOperation lambdaOperation,
        List<IOperation> references,
        RngKnownTypes types)
    {
        if (!TryGetPerItemApi(parallelDelegate, lambdaOperation, types, out var apiName, out var rootIndex))
        {
            return null;
        }

        // How the body's code reads the item's Generator in place of the shared RNG.
        var type = use.Reference.Type;
        var adaptor = AdaptorFor(type, references, types);
        if (adaptor is null)
        {
            return null;
        }

        string? rootEntropy;
        if (use.Kind is SharedUseKind.RandomShared or SharedUseKind.HoldsRandomShared)
        {
            // Random.Shared was not reproducible either: fresh OS entropy, which SeedSequence.Entropy can log.
            rootEntropy = "";
        }
        else
        {
            rootEntropy = DrawFrom(OperationHelpers.Text(use.Reference), type, types);
        }

        if (rootEntropy is null)
        {
            return null;
        }

        var plan = PerItemPlan(
            apiName,
            rootIndex,
            invocation,
            lambda,
            "new " + RngFixSyntax.SeedSequenceName + "(" + rootEntropy + ")",
            references.Select(reference => (reference.Syntax, adaptor)),
            Enumerable.Empty<StatementSyntax>());

        foreach (var node in lambdaOperation.Descendants())
        {
            if (node is ILockOperation lockOperation
                && SymbolEqualityComparer.Default.Equals(SharedRngUses.ReferencedSymbol(lockOperation.LockedValue.WalkDownConversions()), use.Symbol)
                && lockOperation.Syntax is LockStatementSyntax lockSyntax)
            {
                plan.Locks.Add(lockSyntax);
            }
        }

        return plan;
    }

    // One value drawn from the RNG <paramref name="owner"/> of <paramref name="type"/>, as the root's entropy.
    private static string? DrawFrom(string owner, ITypeSymbol? type, RngKnownTypes types) =>
        RngKnownTypes.Is(type, types.Generator) ? owner + ".BitGenerator.NextUInt64()"
        : types.IsBitGenerator(type) ? owner + ".NextUInt64()"
        : RngKnownTypes.Is(type, types.SystemRandom) ? owner + ".NextInt64()"
        : null;

    // Parallel.For(int, int, [ParallelOptions,] Action<int>) and Parallel.ForEach(IEnumerable<T>, [ParallelOptions,] Action<T>)
    // with positional arguments: which ParallelRandom method replaces it and where its root argument goes.
    private static bool TryGetPerItemApi(ParallelDelegate parallelDelegate, IAnonymousFunctionOperation lambdaOperation, RngKnownTypes types, out string apiName, out int rootIndex)
    {
        apiName = "";
        rootIndex = 0;
        if (types.ParallelRandom is null || parallelDelegate.Call is not IInvocationOperation call
            || call.Arguments.Any(a => a.Syntax is ArgumentSyntax { NameColon: not null })
            || lambdaOperation.Symbol.Parameters.Length != 1)
        {
            return false;
        }

        var parameters = call.TargetMethod.Parameters;
        if (parallelDelegate.Kind == ParallelApiKind.ParallelFor
            && parameters.Length is 3 or 4
            && parameters[0].Type.SpecialType == SpecialType.System_Int32
            && parameters[1].Type.SpecialType == SpecialType.System_Int32)
        {
            apiName = "For";
            rootIndex = 2;
        }
        else if (parallelDelegate.Kind == ParallelApiKind.ParallelForEach
            && parameters.Length is 2 or 3
            && parameters[0].Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 })
        {
            apiName = "ForEach";
            rootIndex = 1;
        }
        else
        {
            return false;
        }

        return parameters.Length != rootIndex + 2 || RngKnownTypes.Is(parameters[rootIndex].Type, types.ParallelOptions);
    }

    // How code reads the item's Generator where it read an RNG of <paramref name="type"/> ("{0}" is the generator), or null.
    private static string? AdaptorFor(ITypeSymbol? type, IEnumerable<IOperation> references, RngKnownTypes types)
    {
        if (RngKnownTypes.Is(type, types.Generator))
        {
            return "{0}";
        }

        // A subclass of Random (or of a bit generator) only when the code uses nothing but the base type's members.
        if (types.IsSystemRandom(type) && RngFixSyntax.GeneratorHasParameterlessMethod(types, "AsRandom", isStatic: false)
            && (RngKnownTypes.Is(type, types.SystemRandom) || references.All(r => UsesOnlyMembersOf(r, types.SystemRandom))))
        {
            return "{0}.AsRandom()";
        }

        return types.IsBitGenerator(type) && references.All(r => UsesOnlyMembersOf(r, types.BitGenerator)) ? "{0}.BitGenerator" : null;
    }

    // bits.NextUInt64() on a Pcg64 field still compiles on Generator.BitGenerator when the member is BitGenerator's.
    private static bool UsesOnlyMembersOf(IOperation reference, INamedTypeSymbol? baseType)
    {
        ISymbol? member = reference.Parent switch
        {
            IInvocationOperation invocation when invocation.Instance == reference => invocation.TargetMethod,
            IPropertyReferenceOperation property when property.Instance == reference => property.Property,
            _ => null,
        };

        while (member is IMethodSymbol { OverriddenMethod: { } overridden })
        {
            member = overridden;
        }

        while (member is IPropertySymbol { OverriddenProperty: { } overriddenProperty })
        {
            member = overriddenProperty;
        }

        return member is not null && RngKnownTypes.Is(member.ContainingType, baseType);
    }

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<FixPlan> plans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark everything the plans touch, then rewrite one invocation at a time in document order (outer loops before
        // the loops nested in them, as fixing one diagnostic at a time would), finding the marked nodes again in the
        // current tree. Names are chosen against the document as it is at that point, so both orders name alike.
        var groups = plans.GroupBy(p => p.Invocation).OrderBy(g => g.Key.SpanStart).ToList();
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        var groupMarks = new List<(SyntaxAnnotation Invocation, FixPlan First, Dictionary<SyntaxAnnotation, string> References, List<SyntaxAnnotation> Locks)>();
        foreach (var group in groups)
        {
            var invocationMark = new SyntaxAnnotation();
            marks[group.Key] = invocationMark;
            var replacements = new Dictionary<SyntaxAnnotation, string>();
            var lockMarks = new List<SyntaxAnnotation>();
            foreach (var plan in group)
            {
                foreach (var (node, replacement) in plan.References)
                {
                    if (!marks.ContainsKey(node))
                    {
                        var mark = new SyntaxAnnotation();
                        marks[node] = mark;
                        replacements[mark] = replacement;
                    }
                }

                // Locks on the RNG are unwrapped, initialising statements removed (told apart by their kind).
                foreach (var lockStatement in plan.Locks.Cast<StatementSyntax>().Concat(plan.Removals))
                {
                    if (!marks.ContainsKey(lockStatement))
                    {
                        var mark = new SyntaxAnnotation();
                        marks[lockStatement] = mark;
                        lockMarks.Add(mark);
                    }
                }
            }

            groupMarks.Add((invocationMark, group.First(), replacements, lockMarks));
        }

        var current = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
        var names = new HashSet<string>(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        foreach (var (invocationMark, plan, replacements, lockMarks) in groupMarks)
        {
            var invocation = (InvocationExpressionSyntax)current.GetAnnotatedNodes(invocationMark).Single();
            var rewritten = plan.Mode switch
            {
                FixMode.PerItemStreams => RewritePerItem(invocation, plan, replacements, lockMarks, names),
                FixMode.LocalInit => RewriteLocalInit(invocation, plan, replacements, names),
                _ => ReplaceReferences(invocation, replacements, ""),
            };
            current = current.ReplaceNode(invocation, rewritten);
        }

        var changed = document.WithSyntaxRoot(current);
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode RewritePerItem(
        InvocationExpressionSyntax invocation,
        FixPlan plan,
        Dictionary<SyntaxAnnotation, string> replacements,
        List<SyntaxAnnotation> lockMarks,
        HashSet<string> names)
    {
        var generatorName = Unique(names, "itemRng");
        var indexName = plan.ApiName == "ForEach" ? Unique(names, "index") : null;

        // Locks on the RNG itself are no longer needed: the item owns its generator.
        var withoutLocks = invocation.ReplaceNodes(
            lockMarks.SelectMany(m => invocation.GetAnnotatedNodes(m)).OfType<LockStatementSyntax>(),
            (_, rewritten) => rewritten.Statement is BlockSyntax { Statements.Count: 1 } single ? single.Statements[0].WithTriviaFrom(rewritten) : rewritten.Statement.WithTriviaFrom(rewritten));
        var removals = lockMarks.SelectMany(m => withoutLocks.GetAnnotatedNodes(m)).Where(n => n is not LockStatementSyntax).ToList();
        if (removals.Count > 0)
        {
            withoutLocks = withoutLocks.RemoveNodes(removals, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var replaced = (InvocationExpressionSyntax)ReplaceReferences(withoutLocks, replacements, generatorName);

        var lambda = replaced.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().Last();
        var newLambda = AddParameters(lambda, indexName, generatorName);
        var arguments = replaced.ArgumentList.Arguments.Replace(replaced.ArgumentList.Arguments.First(a => a.Expression == lambda), SyntaxFactory.Argument(newLambda));
        arguments = arguments.Insert(plan.RootArgumentIndex, SyntaxFactory.Argument(RngFixSyntax.Parse(plan.Root)));
        var target = RngFixSyntax.Parse("global::Rng.ParallelRandom." + plan.ApiName);
        return replaced
            .WithExpression(target.WithTriviaFrom(replaced.Expression))
            .WithArgumentList(replaced.ArgumentList.WithArguments(arguments))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static SyntaxNode ReplaceReferences(SyntaxNode node, Dictionary<SyntaxAnnotation, string> replacements, string generatorName)
    {
        var targets = new Dictionary<SyntaxNode, string>();
        foreach (var pair in replacements)
        {
            foreach (var marked in node.GetAnnotatedNodes(pair.Key))
            {
                targets[marked] = pair.Value;
            }
        }

        return node.ReplaceNodes(targets.Keys, (original, _) => RngFixSyntax.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, targets[original], generatorName)).WithTriviaFrom(original));
    }

    // i => body becomes (i, itemRng) => body; item => body becomes (item, index, itemRng) => body. Explicitly typed
    // parameter lists get typed parameters.
    private static LambdaExpressionSyntax AddParameters(LambdaExpressionSyntax lambda, string? indexName, string generatorName)
    {
        ParameterListSyntax list;
        CSharpSyntaxNode body;
        switch (lambda)
        {
            case SimpleLambdaExpressionSyntax simple:
                list = SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(simple.Parameter.WithoutTrivia()));
                body = simple.Body;
                break;
            case ParenthesizedLambdaExpressionSyntax parenthesized:
                list = parenthesized.ParameterList;
                body = parenthesized.Body;
                break;
            default:
                return lambda;
        }

        var typed = list.Parameters.Any(p => p.Type is not null);
        if (indexName is not null)
        {
            list = list.AddParameters(Parameter(indexName, typed ? "long" : null));
        }

        list = list.AddParameters(Parameter(generatorName, typed ? "global::Rng.Generator" : null));
        return SyntaxFactory.ParenthesizedLambdaExpression(list, body)
            .WithAsyncKeyword(lambda.AsyncKeyword)
            .WithArrowToken(lambda.ArrowToken)
            .WithTriviaFrom(lambda);
    }

    private static ParameterSyntax Parameter(string name, string? type)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name));
        return type is null
            ? parameter
            : parameter.WithType(SyntaxFactory.ParseTypeName(type).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation).WithTrailingTrivia(SyntaxFactory.Space));
    }

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var suffix = 2; !names.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
