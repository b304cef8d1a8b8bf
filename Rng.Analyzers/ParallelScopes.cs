using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>One piece of code that runs as part of a parallel body: the delegate itself, or a function it calls.</summary>
internal sealed class ScopeRegion
{
    public ScopeRegion(IOperation root, IMethodSymbol? owner, int depth)
    {
        Root = root;
        Owner = owner;
        Depth = depth;
    }

    /// <summary>The lambda (IAnonymousFunctionOperation), local function (ILocalFunctionOperation) or method/accessor body.</summary>
    public IOperation Root { get; }

    /// <summary>The lambda, local function, method or accessor whose code this is.</summary>
    public IMethodSymbol? Owner { get; }

    /// <summary>0 for the delegate passed to the parallel API; 1 for what it calls, 2 for what that calls, and so on.</summary>
    public int Depth { get; }

    /// <summary>True for a function reached by following calls, not the delegate itself.</summary>
    public bool IsFollowed => Depth > 0;
}

/// <summary>
/// A parallel body together with the local functions, lambdas, methods and property getters of the same type that it
/// calls, followed up to <see cref="ParallelScopes.MaxCallDepth"/> levels deep: real code usually reaches a shared RNG
/// through a helper.
/// </summary>
internal sealed class ParallelScope
{
    public ParallelScope(ParallelDelegate parallelDelegate, ImmutableArray<ScopeRegion> regions)
    {
        Delegate = parallelDelegate;
        Regions = regions;
    }

    public ParallelDelegate Delegate { get; }

    /// <summary>The delegate first, then the functions it reaches, breadth first; each function at most once.</summary>
    public ImmutableArray<ScopeRegion> Regions { get; }

    /// <summary>
    /// True when <paramref name="symbol"/> (a local or parameter) is declared inside one of the regions, so each
    /// execution of the body has its own; false for captured locals and parameters of enclosing code.
    /// </summary>
    public bool Declares(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            foreach (var region in Regions)
            {
                var syntax = region.Root.Syntax;
                if (reference.SyntaxTree == syntax.SyntaxTree && syntax.FullSpan.Contains(reference.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The region whose code contains <paramref name="operation"/>, or null.</summary>
    public ScopeRegion? RegionOf(IOperation operation)
    {
        var span = operation.Syntax.Span;
        var tree = operation.Syntax.SyntaxTree;
        ScopeRegion? best = null;
        foreach (var region in Regions)
        {
            var syntax = region.Root.Syntax;
            if (syntax.SyntaxTree == tree && syntax.Span.Contains(span) && (best is null || best.Root.Syntax.Span.Contains(syntax.Span)))
            {
                best = region;
            }
        }

        return best;
    }
}

/// <summary>
/// Per-compilation state for following calls: the operation trees of method and accessor bodies, built once and shared
/// by every parallel body that calls them.
/// </summary>
internal sealed class FunctionBodies
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions? _options;
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, IOperation?> _fieldInitializers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, IOperation?> _propertyInitializers = new(SymbolEqualityComparer.Default);

    public FunctionBodies(Compilation compilation, AnalyzerOptions? options = null)
    {
        _compilation = compilation;
        _options = options;
    }

    /// <summary>
    /// The body of <paramref name="method"/> (a method, constructor, accessor or local function declared in source), or null.
    /// <paramref name="near"/> supplies the semantic model when the body is in the same file.
    /// </summary>
    public IOperation? Get(IMethodSymbol method, IOperation near)
    {
        var definition = method.PartialImplementationPart ?? method.OriginalDefinition;
        return _bodies.GetOrAdd(definition, m => Build(m, near));
    }

    private IOperation? Build(IMethodSymbol method, IOperation near)
    {
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1 || GeneratedCode.HasGeneratedCodeAttribute(method))
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (syntax is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        var model = SemanticModelFor(syntax.SyntaxTree, near);
        return model?.GetOperation(syntax);
    }

    /// <summary>The initializer value of <paramref name="field"/> as written in its declaration (<c>= Random.Shared</c>), or null.</summary>
    public IOperation? GetFieldInitializer(IFieldSymbol field, IOperation near)
    {
        var definition = field.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length != 1
            || definition.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return _fieldInitializers.GetOrAdd(definition, _ => SemanticModelFor(value.SyntaxTree, near)?.GetOperation(value));
    }

    /// <summary>The initializer value of auto-property <paramref name="property"/> (<c>{ get; } = Random.Shared</c>), or null.</summary>
    public IOperation? GetPropertyInitializer(IPropertySymbol property, IOperation near)
    {
        var definition = property.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length != 1
            || definition.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return _propertyInitializers.GetOrAdd(definition, _ => SemanticModelFor(value.SyntaxTree, near)?.GetOperation(value));
    }

    /// <summary>The semantic model of <paramref name="tree"/>: the one <paramref name="near"/> came from when it is the same file.</summary>
    public SemanticModel? SemanticModelFor(SyntaxTree tree, IOperation near)
    {
        if (near.SemanticModel is { } model && model.SyntaxTree == tree)
        {
            return model;
        }

        // Generated code is not analysed (see GeneratedCode), so calls into it are not followed.
        if (!_compilation.ContainsSyntaxTree(tree) || GeneratedCode.IsGeneratedFile(tree, _options))
        {
            return null;
        }

        // A callee in another file (a partial type) needs that file's model. The analyzer driver caches semantic models
        // per tree, and each body is built once per compilation (above), so this stays cheap.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}

/// <summary>Builds <see cref="ParallelScope"/>s: follows calls from a parallel body into the functions it reaches.</summary>
internal static class ParallelScopes
{
    /// <summary>How many call levels are followed below the delegate (the issue asks for at least two).</summary>
    public const int MaxCallDepth = 3;

    /// <summary>Upper bound on the functions in one scope, so a body that calls many helpers cannot make analysis slow.</summary>
    public const int MaxRegions = 32;

    /// <summary>The scope of <paramref name="parallelDelegate"/>: its own code plus what it calls.</summary>
    public static ParallelScope Build(ParallelDelegate parallelDelegate, FunctionBodies bodies)
    {
        var regions = ImmutableArray.CreateBuilder<ScopeRegion>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        IOperation? first = parallelDelegate.DelegateValue switch
        {
            IAnonymousFunctionOperation lambda => lambda,
            IMethodReferenceOperation reference => FunctionOf(reference.Method, reference, bodies),
            _ => null,
        };

        if (first is null)
        {
            return new ParallelScope(parallelDelegate, regions.ToImmutable());
        }

        seen.Add(parallelDelegate.Target.OriginalDefinition);
        regions.Add(new ScopeRegion(first, parallelDelegate.Target, 0));

        // "Methods of the same type": the lambda's type, or the type of the method passed as a method group.
        var homeType = parallelDelegate.Target.ContainingType?.OriginalDefinition;
        for (var index = 0; index < regions.Count && regions.Count < MaxRegions; index++)
        {
            var region = regions[index];
            if (region.Depth >= MaxCallDepth)
            {
                continue;
            }

            foreach (var node in region.Root.Descendants())
            {
                var target = CalledFunction(node, homeType);
                if (target is null || !seen.Add(target.OriginalDefinition))
                {
                    continue;
                }

                var body = FunctionOf(target, node, bodies);
                if (body is not null && !Overlaps(regions, body))
                {
                    regions.Add(new ScopeRegion(body, target, region.Depth + 1));
                    if (regions.Count >= MaxRegions)
                    {
                        break;
                    }
                }
            }
        }

        return new ParallelScope(parallelDelegate, regions.ToImmutable());
    }

    /// <summary>
    /// True when <paramref name="operation"/> calls a parallel API. Cheap and allocation-free, so analyzers can run it on
    /// every invocation and object creation before asking <see cref="ParallelBodies.GetDelegates"/>.
    /// </summary>
    public static bool IsParallelApiCall(IOperation operation, RngKnownTypes types)
    {
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        return method is not null && ParallelBodies.TryGetApiKind(method, types, out _);
    }

    // What a node calls that is worth following: local functions, lambdas held in locals, and methods or property
    // getters of the home type (static or instance). Calls into other types are library code as far as the body is concerned.
    private static IMethodSymbol? CalledFunction(IOperation node, INamedTypeSymbol? homeType)
    {
        switch (node)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    return invocation.Instance?.WalkDownConversions() is ILocalReferenceOperation local
                        && OperationHelpers.GetReachingValue(local)?.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                        ? lambda.Symbol
                        : null;
                }

                return IsFollowable(method, homeType) ? method : null;
            case IMethodReferenceOperation reference:
                return IsFollowable(reference.Method, homeType) ? reference.Method : null;
            case IPropertyReferenceOperation { Property.GetMethod: { } getter } property when !IsAssignmentTarget(property):
                return IsFollowable(getter, homeType) ? getter : null;
            default:
                return null;
        }
    }

    private static bool IsFollowable(IMethodSymbol method, INamedTypeSymbol? homeType)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return true;
        }

        return homeType is not null
            && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, homeType)
            && !method.IsAbstract;
    }

    private static bool IsAssignmentTarget(IOperation operation) =>
        operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

    // The code of a function: a lambda held in a local, a local function found in the enclosing member, or a body built from source.
    private static IOperation? FunctionOf(IMethodSymbol method, IOperation near, FunctionBodies bodies)
    {
        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            foreach (var descendant in near.GetRoot().Descendants())
            {
                if (descendant is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, method))
                {
                    return lambda;
                }
            }

            return null;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            foreach (var descendant in near.GetRoot().Descendants())
            {
                if (descendant is ILocalFunctionOperation localFunction
                    && SymbolEqualityComparer.Default.Equals(localFunction.Symbol.OriginalDefinition, method.OriginalDefinition))
                {
                    return localFunction;
                }
            }

            return null;
        }

        return bodies.Get(method, near);
    }

    // A function nested in a region already in the scope (a local function declared inside the lambda) is already walked.
    private static bool Overlaps(ImmutableArray<ScopeRegion>.Builder regions, IOperation body)
    {
        foreach (var region in regions)
        {
            var syntax = region.Root.Syntax;
            if (syntax.SyntaxTree == body.Syntax.SyntaxTree && (syntax.Span.Contains(body.Syntax.Span) || body.Syntax.Span.Contains(syntax.Span)))
            {
                return true;
            }
        }

        return false;
    }
}
