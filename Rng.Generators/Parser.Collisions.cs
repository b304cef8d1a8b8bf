using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Rng.Generators;

// Name checks: the driver must not collide with existing members or other drivers, and hint names must be unique.
internal static partial class Parser
{
    /// <summary>Describes what the driver's name would collide with, or returns null when it is free.</summary>
    private static string? FindCollision(IMethodSymbol method, string driverName, Compilation compilation, CancellationToken cancellationToken)
    {
        INamedTypeSymbol containingType = method.ContainingType;
        if (containingType.Name == driverName)
        {
            return "the name of its containing type '" + containingType.ToDisplayString(MessageFormat) + "'";
        }

        List<string> driverSignatures = DriverSignatures(method);
        for (INamedTypeSymbol? type = containingType; type is not null; type = type.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool inherited = !SymbolEqualityComparer.Default.Equals(type, containingType);

            // Members already declared (or inherited) under the driver's name.
            foreach (ISymbol member in type.GetMembers(driverName))
            {
                if (inherited && (member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private || !IsAccessibleFrom(member, containingType, compilation)))
                {
                    continue;
                }

                if (member is IMethodSymbol existing)
                {
                    string signature = SignatureOf(existing.TypeParameters.Length, existing.Parameters.Select(p => (p.RefKind, p.Type)));
                    if (driverSignatures.Contains(signature))
                    {
                        return "the existing method '" + existing.ToDisplayString(MessageFormat) + "'";
                    }
                }
                else
                {
                    return "the existing member '" + member.ToDisplayString(MessageFormat) + "'";
                }
            }

            // Drivers of other [ParallelStochastic] methods, which this compilation cannot see yet.
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is not IMethodSymbol other
                    || SymbolEqualityComparer.Default.Equals(other, method)
                    || SymbolEqualityComparer.Default.Equals(other, method.PartialDefinitionPart)
                    || SymbolEqualityComparer.Default.Equals(other, method.PartialImplementationPart)
                    || DriverNameFor(other.Name) != driverName
                    || (inherited && other.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private)
                    || !HasAttribute(other, ParallelStochasticAttributeName))
                {
                    continue;
                }

                if (DriverSignatures(other).Any(driverSignatures.Contains))
                {
                    return "the driver of the [ParallelStochastic] method '" + other.ToDisplayString(MessageFormat) + "'";
                }
            }
        }

        return null;
    }

    private static bool IsAccessibleFrom(ISymbol member, INamedTypeSymbol within, Compilation compilation) =>
        compilation.IsSymbolAccessibleWithin(member, within);

    // The parameter-type signatures of the drivers the emitter writes for the method (see Emitter.DriverOverloads).
    private static List<string> DriverSignatures(IMethodSymbol method)
    {
        var passed = new List<(RefKind, ITypeSymbol)>();
        bool hasParams = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            bool isGenerator = IsNamed(parameter.Type, GeneratorTypeName);
            if (isGenerator || HasAttribute(parameter, WorkerIndexAttributeName))
            {
                continue;
            }

            passed.Add((RefKind.None, parameter.Type));
            hasParams |= parameter.IsParams;
        }

        int arity = method.TypeParameters.Length;
        var signatures = new List<string>();
        foreach (string seed in new[] { SeedSequenceTypeName, "System.UInt64" })
        {
            var seedAndCount = new List<string> { seed, "System.Int32" };
            var passedKeys = passed.Select(p => SignatureKey(p.Item2)).ToList();
            if (hasParams)
            {
                signatures.Add(Join(arity, seedAndCount.Concat(passedKeys)));
                signatures.Add(Join(arity, seedAndCount.Concat(new[] { ParallelOptionsTypeName }).Concat(passedKeys)));
            }
            else
            {
                signatures.Add(Join(arity, seedAndCount.Concat(passedKeys).Concat(new[] { ParallelOptionsTypeName })));
            }
        }

        return signatures;
    }

    private static string SignatureOf(int arity, IEnumerable<(RefKind RefKind, ITypeSymbol Type)> parameters) =>
        Join(arity, parameters.Select(p => (p.RefKind == RefKind.None ? string.Empty : "ref ") + SignatureKey(p.Type)));

    private static string Join(int arity, IEnumerable<string> keys) => "`" + arity.ToString(CultureInfo.InvariantCulture) + "(" + string.Join(",", keys) + ")";

    // A type's identity in a method signature: method type parameters by position, nullability and tuple names ignored.
    private static string SignatureKey(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } methodTypeParameter:
                return "!!" + methodTypeParameter.Ordinal.ToString(CultureInfo.InvariantCulture);
            case ITypeParameterSymbol typeParameter:
                return "!" + typeParameter.Name;
            case IArrayTypeSymbol array:
                return SignatureKey(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
            case IPointerTypeSymbol pointer:
                return SignatureKey(pointer.PointedAtType) + "*";
            case IDynamicTypeSymbol:
                return "System.Object";
            case INamedTypeSymbol named:
                var builder = new StringBuilder(FullMetadataName(named.OriginalDefinition));
                List<ITypeSymbol> arguments = AllTypeArguments(named);
                if (arguments.Count > 0)
                {
                    builder.Append('<').Append(string.Join(",", arguments.Select(SignatureKey))).Append('>');
                }

                return builder.ToString();
            default:
                return type.ToDisplayString();
        }
    }

    private static List<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type)
    {
        var arguments = new List<ITypeSymbol>();
        if (type.ContainingType is { } outer)
        {
            arguments.AddRange(AllTypeArguments(outer));
        }

        arguments.AddRange(type.TypeArguments);
        return arguments;
    }

    private static string FullMetadataName(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return FullMetadataName(outer) + "+" + type.MetadataName;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
    }

    private static string HintNameFor(IMethodSymbol method)
    {
        var builder = new StringBuilder();
        if (method.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Append(ns.ToDisplayString()).Append('.');
        }

        builder.Append(FullMetadataName(method.ContainingType).Substring(builder.Length)).Append('.').Append(method.Name);

        // Hint names compare case-insensitively: overloads, and names that differ only in case, get a signature hash.
        bool hasNamesake = method.ContainingType.GetMembers().Any(other =>
            other is IMethodSymbol
            && !SymbolEqualityComparer.Default.Equals(other, method)
            && !SymbolEqualityComparer.Default.Equals(other, method.PartialDefinitionPart)
            && !SymbolEqualityComparer.Default.Equals(other, method.PartialImplementationPart)
            && string.Equals(other.Name, method.Name, StringComparison.OrdinalIgnoreCase)
            && HasAttribute(other, ParallelStochasticAttributeName));
        if (hasNamesake)
        {
            string signature = (method.PartialDefinitionPart ?? method).GetDocumentationCommentId() ?? method.ToDisplayString();
            builder.Append('.').Append(Fnv1a64(signature).ToString("x16", CultureInfo.InvariantCulture));
        }

        var hintName = new StringBuilder();
        foreach (char c in builder.ToString())
        {
            hintName.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '+' ? c : '-');
        }

        return hintName.Append(".g.cs").ToString();
    }

    private static ulong Fnv1a64(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
