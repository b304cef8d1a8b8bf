using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rng.Generators.Model;

namespace Rng.Generators;

// Renders what the parser reads from symbols as C# text for the model: types, defaults, crefs, constraints, attributes.
internal static partial class Parser
{
    // Attributes that warn or fail at call sites: the driver calls the method, so it must carry them too, or the
    // generated call itself would warn (CS0618, CA1416, IL2026, ...) and break -warnaserror builds.
    private static readonly string[] CallerFacingAttributes =
    {
        "System.ObsoleteAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
        "System.Runtime.Versioning.RequiresPreviewFeaturesAttribute",
        "System.Runtime.Versioning.SupportedOSPlatformAttribute",
        "System.Runtime.Versioning.UnsupportedOSPlatformAttribute",
        "System.Runtime.Versioning.ObsoletedOSPlatformAttribute",
    };

    private static string[] PropagatedAttributesOf(IMethodSymbol method)
    {
        var attributes = new List<string>();
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass
                || Array.IndexOf(CallerFacingAttributes, attributeClass.ToDisplayString()) < 0)
            {
                continue;
            }

            IEnumerable<string> arguments = attribute.ConstructorArguments.Select(argument => argument.ToCSharpString())
                .Concat(attribute.NamedArguments.Select(argument => argument.Key + " = " + argument.Value.ToCSharpString()));
            attributes.Add(attributeClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "(" + string.Join(", ", arguments) + ")");
        }

        return attributes.ToArray();
    }

    // new T[n] for T = int[][,] must be written new int[n][][,]: the new length goes before T's own rank specifiers.
    private static string ArrayCreationFor(ITypeSymbol elementType)
    {
        var ranks = new StringBuilder();
        ITypeSymbol innermost = elementType;
        while (innermost is IArrayTypeSymbol array)
        {
            ranks.Append('[').Append(',', array.Rank - 1).Append(']');
            innermost = array.ElementType;
        }

        return "new " + innermost.ToDisplayString(TypeFormat) + "[{0}]" + ranks;
    }

    private static ContainingTypeModel[] ContainingTypesOf(INamedTypeSymbol innermost)
    {
        var types = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? type = innermost; type is not null; type = type.ContainingType)
        {
            // 'partial' must come right before the type keyword, so 'ref' goes first.
            string keyword = type.TypeKind == TypeKind.Struct
                ? (type.IsRecord ? "partial record struct" : type.IsRefLikeType ? "ref partial struct" : "partial struct")
                : (type.IsRecord ? "partial record" : "partial class");
            string name = EscapeIdentifier(type.Name);
            if (type.TypeParameters.Length > 0)
            {
                name += "<" + string.Join(", ", type.TypeParameters.Select(t => EscapeIdentifier(t.Name))) + ">";
            }

            types.Add(new ContainingTypeModel(keyword, name));
        }

        types.Reverse();
        return types.ToArray();
    }

    private static string[] ConstraintClausesOf(IMethodSymbol method)
    {
        var clauses = new List<string>();
        foreach (ITypeParameterSymbol typeParameter in method.TypeParameters)
        {
            var constraints = new List<string>();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                constraints.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            foreach (ITypeSymbol constraintType in typeParameter.ConstraintTypes)
            {
                constraints.Add(constraintType.ToDisplayString(TypeFormat));
            }

            if (typeParameter.HasConstructorConstraint && !typeParameter.HasValueTypeConstraint)
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                clauses.Add("where " + EscapeIdentifier(typeParameter.Name) + " : " + string.Join(", ", constraints));
            }
        }

        return clauses.ToArray();
    }

    private static string AccessibilityKeywords(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    // A cref naming exactly this overload, resolved inside the containing type: Foo{T}(global::Rng.Generator, int).
    private static string CrefFor(IMethodSymbol method)
    {
        var builder = new StringBuilder(EscapeIdentifier(method.Name));
        if (method.TypeParameters.Length > 0)
        {
            builder.Append('{').Append(string.Join(", ", method.TypeParameters.Select(t => EscapeIdentifier(t.Name)))).Append('}');
        }

        builder.Append('(').Append(string.Join(", ", method.Parameters.Select(p => CrefType(p.Type)))).Append(')');
        return builder.ToString();
    }

    private static string CrefType(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol typeParameter:
                return EscapeIdentifier(typeParameter.Name);
            case IArrayTypeSymbol array:
                return CrefType(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
            case IDynamicTypeSymbol:
                return "object";
            case INamedTypeSymbol named:
                if (named.IsTupleType && named.TupleUnderlyingType is { } underlying)
                {
                    named = underlying;
                }

                string keyword = named.SpecialType switch
                {
                    SpecialType.System_Object => "object",
                    SpecialType.System_Boolean => "bool",
                    SpecialType.System_Char => "char",
                    SpecialType.System_SByte => "sbyte",
                    SpecialType.System_Byte => "byte",
                    SpecialType.System_Int16 => "short",
                    SpecialType.System_UInt16 => "ushort",
                    SpecialType.System_Int32 => "int",
                    SpecialType.System_UInt32 => "uint",
                    SpecialType.System_Int64 => "long",
                    SpecialType.System_UInt64 => "ulong",
                    SpecialType.System_Decimal => "decimal",
                    SpecialType.System_Single => "float",
                    SpecialType.System_Double => "double",
                    SpecialType.System_String => "string",
                    _ => string.Empty,
                };
                if (keyword.Length > 0)
                {
                    return keyword;
                }

                string prefix = named.ContainingType is { } outer
                    ? CrefType(outer) + "."
                    : named.ContainingNamespace is { IsGlobalNamespace: false } ns ? "global::" + ns.ToDisplayString() + "." : "global::";
                string name = prefix + EscapeIdentifier(named.Name);
                if (named.TypeArguments.Length > 0)
                {
                    name += "{" + string.Join(", ", named.TypeArguments.Select(CrefType)) + "}";
                }

                return name;
            default:
                return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
    }

    private static string? FormatDefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        object? value = parameter.ExplicitDefaultValue;
        ITypeSymbol type = parameter.Type;
        if (value is null)
        {
            return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "null" : "default";
        }

        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
        if (underlying.TypeKind == TypeKind.Enum)
        {
            string enumType = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            foreach (ISymbol member in underlying.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return enumType + "." + EscapeIdentifier(field.Name);
                }
            }

            return "(" + enumType + ")(" + FormatPrimitive(value) + ")";
        }

        return FormatPrimitive(value);
    }

    private static string FormatPrimitive(object value)
    {
        switch (value)
        {
            case bool b:
                return b ? "true" : "false";
            case string s:
                return SymbolDisplay.FormatLiteral(s, quote: true);
            case char c:
                return SymbolDisplay.FormatLiteral(c, quote: true);
            case float f:
                if (float.IsNaN(f))
                {
                    return "float.NaN";
                }

                if (float.IsInfinity(f))
                {
                    return f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
                }

                return RoundTrip(f) + "F";
            case double d:
                if (double.IsNaN(d))
                {
                    return "double.NaN";
                }

                if (double.IsInfinity(d))
                {
                    return d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
                }

                return RoundTrip(d) + "D";
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture) + "M";
            case uint u:
                return u.ToString(CultureInfo.InvariantCulture) + "U";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture) + "L";
            case ulong ul:
                return ul.ToString(CultureInfo.InvariantCulture) + "UL";
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString() ?? "default";
        }
    }

    private static string RoundTrip(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.Parse(text, CultureInfo.InvariantCulture).Equals(value) ? text : value.ToString("G17", CultureInfo.InvariantCulture);
    }

    private static string RoundTrip(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return float.Parse(text, CultureInfo.InvariantCulture).Equals(value) ? text : value.ToString("G9", CultureInfo.InvariantCulture);
    }

    /// <summary>Prefixes reserved keywords with <c>@</c> so a name can be written back into C#.</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
