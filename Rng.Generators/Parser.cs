using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Rng.Generators.Diagnostics;
using Rng.Generators.Model;

namespace Rng.Generators;

/// <summary>What parsing one target produced: a model to emit (null on any error) and the diagnostics to report.</summary>
internal sealed record ParseResult(DriverModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly ParseResult Nothing = new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
}

/// <summary>
/// Turns a <c>[ParallelStochastic]</c> target into a <see cref="DriverModel"/> or misuse diagnostics. Everything that
/// needs symbols happens here, so the model that leaves this step is plain data.
/// </summary>
internal static partial class Parser
{
    public const string ParallelStochasticAttributeName = "Rng.ParallelStochasticAttribute";
    public const string WorkerIndexAttributeName = "Rng.WorkerIndexAttribute";
    private const string GeneratorTypeName = "Rng.Generator";
    private const string SeedSequenceTypeName = "Rng.SeedSequence";
    private const string BitGeneratorBaseTypeName = "Rng.BitGenerator";
    private const string CancellationTokenTypeName = "System.Threading.CancellationToken";
    private const string ParallelOptionsTypeName = "System.Threading.Tasks.ParallelOptions";

    // Our bit generators and NumPy's names for them (for the docs' NumPy line). Pcg64 is the default, as in NumPy.
    private static readonly KeyValuePair<string, string>[] SupportedBitGenerators =
    {
        new KeyValuePair<string, string>("Rng.Pcg64", "PCG64"),
        new KeyValuePair<string, string>("Rng.Pcg64Dxsm", "PCG64DXSM"),
        new KeyValuePair<string, string>("Rng.Philox", "Philox"),
        new KeyValuePair<string, string>("Rng.Sfc64", "SFC64"),
        new KeyValuePair<string, string>("Rng.Mt19937", "MT19937"),
    };

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    internal static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    private static readonly string GeneratorVersion =
        typeof(Parser).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    /// <summary>Parses one target; never throws except for cancellation (a failure becomes an RNG4012 warning).</summary>
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseMethod(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug here must not take down every other driver in the compilation (CS8785): report it and emit nothing.
            string target = context.TargetSymbol?.ToDisplayString(MessageFormat) ?? "?";
            var failure = DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure,
                LocationInfo.From(context.TargetNode),
                target,
                exception.GetType().Name + ": " + exception.Message);
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    private static ParseResult ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // A non-method target is already rejected by the compiler (CS0592, from AttributeUsage); adding ours would be noise.
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length != 1)
        {
            return ParseResult.Nothing;
        }

        // For a partial method the attribute may sit on either part; only the part that carries it is a target, and a
        // duplicate on both parts is the compiler's CS0579.
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? methodLocation = LocationInfo.From(GetNameLocation(context.TargetNode));
        string methodDisplay = method.ToDisplayString(MessageFormat);

        string? unsupportedTarget = DescribeUnsupportedTarget(method);
        if (unsupportedTarget is not null)
        {
            // A lambda has no name to point at: point at the attribute instead.
            LocationInfo? targetLocation = method.MethodKind == MethodKind.AnonymousFunction
                ? LocationInfo.From(context.Attributes[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? methodLocation
                : methodLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTarget, targetLocation, unsupportedTarget));
            return Result(null, diagnostics);
        }

        Compilation compilation = context.SemanticModel.Compilation;
        INamedTypeSymbol containingType = method.ContainingType;
        string driverName = DriverNameFor(method.Name);
        bool hasErrorType = false;

        // Every containing type must be partial, or the driver cannot be added. ContainingTypeNotPartialAnalyzer reports
        // RNG4001 (an analyzer, so that dotnet format and other analyzer hosts can apply its code fix); no driver here.
        bool allPartial = true;
        for (INamedTypeSymbol? type = containingType; type is not null; type = type.ContainingType)
        {
            allPartial &= IsPartial(type, cancellationToken);
        }

        // Return type.
        ReturnKind returnKind = ReturnKind.Void;
        ITypeSymbol? resultType = null;
        if (ContainsErrorType(method.ReturnType))
        {
            hasErrorType = true;
        }
        else
        {
            string? returnProblem = DescribeUnsupportedReturn(method);
            if (returnProblem is not null)
            {
                LocationInfo? returnLocation = LocationInfo.From(GetReturnTypeSyntax(context.TargetNode)) ?? methodLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, returnLocation, methodDisplay, returnProblem));
            }
            else
            {
                (returnKind, resultType) = ClassifyReturn(method);
            }
        }

        // Parameters.
        INamedTypeSymbol? generatorType = compilation.GetTypeByMetadataName(GeneratorTypeName);
        var parameters = new List<ParameterModel>();
        IParameterSymbol? firstGenerator = null;
        IParameterSymbol? firstWorkerIndex = null;
        IParameterSymbol? firstToken = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LocationInfo? parameterLocation = LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? methodLocation;
            if (ContainsErrorType(parameter.Type))
            {
                hasErrorType = true;
                continue;
            }

            bool isGenerator = generatorType is not null && SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, generatorType);
            if (isGenerator)
            {
                if (firstGenerator is null)
                {
                    firstGenerator = parameter;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MultipleGeneratorParameters, parameterLocation, methodDisplay, firstGenerator.Name, parameter.Name));
                }
            }

            string? parameterProblem = DescribeUnsupportedParameter(parameter);
            if (parameterProblem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedParameter, parameterLocation, parameter.Name, methodDisplay, parameterProblem));
                continue;
            }

            ParameterRole role;
            if (HasAttribute(parameter, WorkerIndexAttributeName))
            {
                role = ParameterRole.WorkerIndex;
                if (parameter.Type.SpecialType != SpecialType.System_Int32)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidWorkerIndex,
                        parameterLocation,
                        parameter.Name,
                        methodDisplay,
                        "has type '" + parameter.Type.ToDisplayString(MessageFormat) + "', but the worker index is an int"));
                }
                else if (firstWorkerIndex is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidWorkerIndex,
                        parameterLocation,
                        parameter.Name,
                        methodDisplay,
                        "follows the [WorkerIndex] parameter '" + firstWorkerIndex.Name + "'; only one parameter receives the worker index"));
                }
                else
                {
                    firstWorkerIndex = parameter;
                }
            }
            else if (isGenerator)
            {
                role = ParameterRole.Generator;
            }
            else if (IsNamed(parameter.Type, CancellationTokenTypeName))
            {
                role = ParameterRole.CancellationToken;
                if (firstToken is null)
                {
                    firstToken = parameter;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MultipleCancellationTokens, parameterLocation, methodDisplay, firstToken.Name, parameter.Name));
                }
            }
            else
            {
                role = ParameterRole.PassThrough;
            }

            parameters.Add(new ParameterModel(
                EscapeIdentifier(parameter.Name),
                parameter.Type.ToDisplayString(TypeFormat),
                role,
                parameter.IsParams,
                FormatDefaultValue(parameter)));
        }

        if (method.TypeParameters.Any(t => t.ConstraintTypes.Any(ContainsErrorType)))
        {
            hasErrorType = true;
        }

        if (method.IsVararg)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedParameter, methodLocation, "__arglist", methodDisplay, "a variable argument list"));
        }

        if (firstGenerator is null && !hasErrorType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingGeneratorParameter, methodLocation, methodDisplay));
        }

        // Bit generator.
        string bitGeneratorType = "global::Rng.Pcg64";
        string numPyBitGenerator = "PCG64";
        foreach (KeyValuePair<string, TypedConstant> argument in context.Attributes[0].NamedArguments)
        {
            if (argument.Key != "BitGenerator" || argument.Value.IsNull)
            {
                continue;
            }

            if (argument.Value.Kind != TypedConstantKind.Type || argument.Value.Value is not ITypeSymbol chosen || ContainsErrorType(chosen))
            {
                hasErrorType = true;
                continue;
            }

            string? numPyName = FindSupportedBitGenerator(chosen);
            if (numPyName is null)
            {
                LocationInfo? argumentLocation = LocationInfo.From(FindNamedArgument(context.Attributes[0], "BitGenerator", cancellationToken)) ?? methodLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedBitGenerator, argumentLocation, chosen.ToDisplayString(MessageFormat)));
            }
            else
            {
                bitGeneratorType = chosen.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                numPyBitGenerator = numPyName;
            }
        }

        if (hasErrorType || !allPartial || diagnostics.Count > 0)
        {
            return Result(null, diagnostics);
        }

        // Name collisions are checked last: they need the driver's final signature.
        string? collision = FindCollision(method, driverName, compilation, cancellationToken);
        if (collision is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DriverNameCollision, methodLocation, driverName, methodDisplay, collision));
            return Result(null, diagnostics);
        }

        var model = new DriverModel(
            HintName: HintNameFor(method),
            Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes: new EquatableArray<ContainingTypeModel>(ContainingTypesOf(containingType)),
            QualifiedContainingType: containingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            MethodName: EscapeIdentifier(method.Name),
            MethodCref: CrefFor(method),
            DriverName: driverName,
            Accessibility: AccessibilityKeywords(method.DeclaredAccessibility),
            IsStatic: method.IsStatic,
            TypeParameters: new EquatableArray<string>(method.TypeParameters.Select(t => EscapeIdentifier(t.Name)).ToArray()),
            ConstraintClauses: new EquatableArray<string>(ConstraintClausesOf(method)),
            ReturnKind: returnKind,
            ResultType: resultType?.ToDisplayString(TypeFormat),
            ResultArrayCreation: resultType is null ? null : ArrayCreationFor(resultType),
            Parameters: new EquatableArray<ParameterModel>(parameters.ToArray()),
            BitGeneratorType: bitGeneratorType,
            NumPyBitGenerator: numPyBitGenerator,
            PropagatedAttributes: new EquatableArray<string>(PropagatedAttributesOf(method)),
            GeneratorVersion: GeneratorVersion);
        return Result(model, diagnostics);
    }

    /// <summary>The driver's name: <c>Foo</c> → <c>FooParallel</c>, <c>FooAsync</c> → <c>FooParallelAsync</c>.</summary>
    public static string DriverNameFor(string methodName) =>
        methodName.EndsWith("Async", StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - "Async".Length) + "ParallelAsync"
            : methodName + "Parallel";

    private static ParseResult Result(DriverModel? model, List<DiagnosticInfo> diagnostics) =>
        new ParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

    internal static string? DescribeUnsupportedTarget(IMethodSymbol method)
    {
        string display = method.ToDisplayString(MessageFormat);
        switch (method.MethodKind)
        {
            case MethodKind.Ordinary:
                break;
            case MethodKind.LocalFunction:
                return "the local function '" + method.Name + "'";
            case MethodKind.AnonymousFunction:
                return "a lambda";
            case MethodKind.PropertyGet:
            case MethodKind.PropertySet:
            case MethodKind.EventAdd:
            case MethodKind.EventRemove:
            case MethodKind.EventRaise:
                return "the accessor '" + display + "'";
            case MethodKind.UserDefinedOperator:
            case MethodKind.Conversion:
                return "the operator '" + display + "'";
            case MethodKind.ExplicitInterfaceImplementation:
                return "the explicit interface implementation '" + display + "'";
            case MethodKind.Destructor:
                return "the finalizer '" + display + "'";
            default:
                return "'" + display + "'";
        }

        INamedTypeSymbol containingType = method.ContainingType;
        if (containingType.TypeKind == TypeKind.Interface)
        {
            return "the interface member '" + display + "'";
        }

        if (containingType.TypeKind == TypeKind.Struct && !method.IsStatic)
        {
            // A lambda cannot capture a struct's 'this' (CS1673), and each worker would get a copy anyway.
            return "the instance method '" + display + "' of a struct";
        }

        for (INamedTypeSymbol? type = containingType; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                // A file-local type cannot have parts in other files, including generated ones.
                return "a method of the file-local type '" + type.ToDisplayString(MessageFormat) + "'";
            }

            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return "a method of '" + type.ToDisplayString(MessageFormat) + "'";
            }
        }

        return null;
    }

    private static string? DescribeUnsupportedReturn(IMethodSymbol method)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "by reference";
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return "async void (the driver could not wait for it)";
        }

        return DescribeUnsupportedType(method.ReturnType);
    }

    private static string? DescribeUnsupportedParameter(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.None:
                break;
            case RefKind.Out:
                return "an out parameter";
            case RefKind.In:
                return "an in parameter";
            case RefKind.RefReadOnlyParameter:
                return "a ref readonly parameter";
            default:
                return "passed by ref";
        }

        return DescribeUnsupportedType(parameter.Type);
    }

    // Types that cannot be array elements or captured by the driver's lambda.
    private static string? DescribeUnsupportedType(ITypeSymbol type)
    {
        if (type is IPointerTypeSymbol)
        {
            return "a pointer";
        }

        if (type is IFunctionPointerTypeSymbol)
        {
            return "a function pointer";
        }

        if (type.IsRefLikeType)
        {
            return "of the ref struct type '" + type.ToDisplayString(MessageFormat) + "'";
        }

        if (type is ITypeParameterSymbol { AllowsRefLikeType: true })
        {
            return "of type '" + type.Name + "', which allows ref structs";
        }

        return null;
    }

    private static (ReturnKind Kind, ITypeSymbol? ResultType) ClassifyReturn(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return (ReturnKind.Void, null);
        }

        if (method.ReturnType is INamedTypeSymbol named && IsInNamespace(named, "System.Threading.Tasks"))
        {
            switch (named.MetadataName)
            {
                case "Task":
                    return (ReturnKind.Task, null);
                case "ValueTask":
                    return (ReturnKind.ValueTask, null);
                case "Task`1":
                    return (ReturnKind.TaskOfT, named.TypeArguments[0]);
                case "ValueTask`1":
                    return (ReturnKind.ValueTaskOfT, named.TypeArguments[0]);
            }
        }

        return (ReturnKind.Value, method.ReturnType);
    }

    internal static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return type.DeclaringSyntaxReferences.Length > 0;
    }

    private static string? FindSupportedBitGenerator(ITypeSymbol type)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        foreach (KeyValuePair<string, string> supported in SupportedBitGenerators)
        {
            if (name == supported.Key && DerivesFrom(type, BitGeneratorBaseTypeName))
            {
                return supported.Value;
            }
        }

        return null;
    }

    private static bool DerivesFrom(ITypeSymbol type, string baseTypeName)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, baseTypeName))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? FindNamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }
        }

        return null;
    }

    private static bool HasAttribute(ISymbol symbol, string attributeName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && IsNamed(attributeClass, attributeName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamed(ITypeSymbol type, string fullName) =>
        type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None)) == fullName;

    private static bool IsInNamespace(INamedTypeSymbol type, string ns) =>
        type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == ns;

    private static bool ContainsErrorType(ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol:
                return true;
            case IArrayTypeSymbol array:
                return ContainsErrorType(array.ElementType);
            case IPointerTypeSymbol pointer:
                return ContainsErrorType(pointer.PointedAtType);
            case INamedTypeSymbol named:
                return named.TypeArguments.Any(ContainsErrorType) || (named.ContainingType is { } outer && ContainsErrorType(outer));
            default:
                return false;
        }
    }

    private static Location GetNameLocation(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.GetLocation(),
        LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
        OperatorDeclarationSyntax op => op.OperatorToken.GetLocation(),
        ConversionOperatorDeclarationSyntax conversion => conversion.Type.GetLocation(),
        AccessorDeclarationSyntax accessor => accessor.Keyword.GetLocation(),
        DestructorDeclarationSyntax destructor => destructor.Identifier.GetLocation(),
        _ => node.GetLocation(),
    };

    private static SyntaxNode? GetReturnTypeSyntax(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        _ => null,
    };
}
