using Microsoft.CodeAnalysis;

namespace Rng.Analyzers;

/// <summary>Cheap rejections that analyzers run on every operation before the base-type walks of <see cref="RngKnownTypes"/>.</summary>
internal static class TypeFilters
{
    /// <summary>
    /// False for types that cannot be an RNG type or SeedSequence: special types (void, int, string, object...), value
    /// types, interfaces, arrays, type parameters. Every RNG type is a class.
    /// </summary>
    public static bool MayBeRngClass(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None };

    /// <summary>True when some parameter of <paramref name="method"/> has type <paramref name="parameterType"/> (reference comparison of definitions).</summary>
    public static bool HasParameterOfType(IMethodSymbol? method, INamedTypeSymbol? parameterType)
    {
        if (method is null || parameterType is null)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, parameterType))
            {
                return true;
            }
        }

        return false;
    }
}
