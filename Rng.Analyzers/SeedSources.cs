using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>A value inside a seed expression that makes the seed unreproducible (RNG1003) or per-process (RNG1004).</summary>
internal readonly struct SeedSource
{
    public SeedSource(IOperation operation, string description, string consequence)
    {
        Operation = operation;
        Description = description;
        Consequence = consequence;
    }

    /// <summary>Where the source was found (possibly in a local's or field's initializer).</summary>
    public IOperation Operation { get; }

    /// <summary>What is read, e.g. "the clock (DateTime.Now)".</summary>
    public string Description { get; }

    /// <summary>What goes wrong, for the message.</summary>
    public string Consequence { get; }
}

/// <summary>
/// Searches a seed expression for sources, including through arithmetic, locals assigned anywhere in the method and
/// fields initialised or assigned in the same file ("counters started from the clock"); it does not enter other seed
/// sinks, which are reported on their own.
/// </summary>
internal static class SeedSources
{
    private const string NotReproducibleTick = "the run cannot be reproduced, and workers started in the same tick get the same stream";
    private const string NotReproducible = "the run cannot be reproduced";
    private const string ScheduledIds = "it depends on which thread or task runs the code, so the run cannot be reproduced, and the same few small ids recur in every run";
    private const string ProcessIds = "the run cannot be reproduced, and process ids are small numbers that recur across runs and machines";

    /// <summary>Finds a clock, tick count, timestamp, new Guid, process id or thread/task id (RNG1003).</summary>
    public static bool TryFindClockSource(SeedSinkUse use, RngKnownTypes types, out SeedSource source) =>
        TryFind(use, types, ClassifyClock, out source);

    /// <summary>Finds a per-process randomised hash code (RNG1004).</summary>
    public static bool TryFindProcessHash(SeedSinkUse use, RngKnownTypes types, out SeedSource source) =>
        TryFind(use, types, ClassifyHash, out source);

    /// <summary>
    /// True when .NET randomises <paramref name="type"/>'s hash code per process: strings, value tuples, and reference
    /// tuples, records and anonymous types that hold such values.
    /// </summary>
    public static bool IsPerProcessHashed(ITypeSymbol? type, RngKnownTypes types) => IsPerProcessHashed(type, types, depth: 0);

    private static bool TryFind(SeedSinkUse use, RngKnownTypes types, Func<IOperation, RngKnownTypes, SeedSource?> classify, out SeedSource source)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var budget = OperationHelpers.MaxVisitedNodes;
        var root = use.Call.GetRoot();
        var found = Search(use.SeedValue, use.Call, root, types, classify, visited, ref budget);
        source = found ?? default;
        return found is not null;
    }

    private static SeedSource? Search(
        IOperation operation,
        IOperation sinkCall,
        IOperation root,
        RngKnownTypes types,
        Func<IOperation, RngKnownTypes, SeedSource?> classify,
        HashSet<ISymbol> visited,
        ref int budget)
    {
        if (--budget < 0)
        {
            return null;
        }

        if (operation != sinkCall && operation is IObjectCreationOperation or IInvocationOperation && types.SeedSinks.TryGetUse(operation, out _))
        {
            return null;
        }

        if (classify(operation, types) is { } direct)
        {
            return direct;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local when visited.Add(local.Local):
                foreach (var value in OperationHelpers.GetAssignedValues(root, local.Local))
                {
                    if (Search(value, sinkCall, root, types, classify, visited, ref budget) is { } fromLocal)
                    {
                        return fromLocal;
                    }
                }

                break;
            case IFieldReferenceOperation field when visited.Add(field.Field):
                foreach (var value in FieldValues(field, root))
                {
                    if (Search(value, sinkCall, root, types, classify, visited, ref budget) is { } fromField)
                    {
                        return fromField;
                    }
                }

                break;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (Search(child, sinkCall, root, types, classify, visited, ref budget) is { } fromChild)
            {
                return fromChild;
            }
        }

        return null;
    }

    // The field's initializer when it is declared in the same file, and the values assigned to it in this method.
    private static IEnumerable<IOperation> FieldValues(IFieldReferenceOperation reference, IOperation root)
    {
        var model = reference.SemanticModel;
        if (model is not null)
        {
            foreach (var declaration in reference.Field.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree == model.SyntaxTree
                    && declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    && model.GetOperation(initializer) is { } initialValue)
                {
                    yield return initialValue;
                }
            }
        }

        foreach (var assigned in OperationHelpers.GetAssignedValues(root, reference.Field))
        {
            yield return assigned;
        }
    }

    private static SeedSource? ClassifyClock(IOperation operation, RngKnownTypes types)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                var type = property.Property.ContainingType;
                var name = property.Property.Name;
                if ((RngKnownTypes.Is(type, types.DateTime) || RngKnownTypes.Is(type, types.DateTimeOffset)) && name is "Now" or "UtcNow" or "Today")
                {
                    return new SeedSource(operation, "the clock (" + type.Name + "." + name + ")", NotReproducibleTick);
                }

                if (RngKnownTypes.Is(type, types.Environment))
                {
                    switch (name)
                    {
                        case "TickCount":
                        case "TickCount64":
                            return new SeedSource(operation, "the tick count (Environment." + name + ")", NotReproducibleTick);
                        case "ProcessId":
                            return new SeedSource(operation, "the process id (Environment.ProcessId)", ProcessIds);
                        case "CurrentManagedThreadId":
                            return new SeedSource(operation, "the managed thread id (Environment.CurrentManagedThreadId)", ScheduledIds);
                    }
                }

                if (RngKnownTypes.Is(type, types.Stopwatch) && name is "Elapsed" or "ElapsedTicks" or "ElapsedMilliseconds")
                {
                    return new SeedSource(operation, "a stopwatch reading (Stopwatch." + name + ")", NotReproducibleTick);
                }

                if (RngKnownTypes.Is(type, types.Process) && name == "Id")
                {
                    return new SeedSource(operation, "the process id (Process.Id)", ProcessIds);
                }

                if (RngKnownTypes.Is(type, types.Thread) && name == "ManagedThreadId")
                {
                    return new SeedSource(operation, "the managed thread id (Thread.ManagedThreadId)", ScheduledIds);
                }

                if (RngKnownTypes.Is(type, types.Task) && name is "CurrentId" or "Id")
                {
                    return new SeedSource(operation, "the task id (Task." + name + ")", ScheduledIds);
                }

                return null;

            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (RngKnownTypes.Is(method.ContainingType, types.Stopwatch) && method.Name is "GetTimestamp" or "GetElapsedTime")
                {
                    return new SeedSource(operation, "a timestamp (Stopwatch." + method.Name + ")", NotReproducibleTick);
                }

                if (RngKnownTypes.Is(method.ContainingType, types.Guid) && method.Name is "NewGuid" or "CreateVersion7")
                {
                    return new SeedSource(operation, "a new Guid (Guid." + method.Name + ")", NotReproducible);
                }

                return null;

            default:
                return null;
        }
    }

    private const string PerProcess = "the seeded run never repeats";

    private static SeedSource? ClassifyHash(IOperation operation, RngKnownTypes types)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        var containingType = method.ContainingType;
        if (RngKnownTypes.Is(containingType, types.HashCode))
        {
            return method.Name switch
            {
                "Combine" => new SeedSource(operation, "HashCode.Combine", PerProcess),
                "ToHashCode" => new SeedSource(operation, "HashCode.ToHashCode", PerProcess),
                _ => null,
            };
        }

        if (method.Name != "GetHashCode")
        {
            return null;
        }

        if (containingType?.SpecialType == SpecialType.System_String)
        {
            return new SeedSource(operation, "string.GetHashCode()", PerProcess);
        }

        if (RngKnownTypes.InheritsFromOrEquals(containingType, types.StringComparer)
            || RngKnownTypes.InheritsFromOrEquals(invocation.Instance?.Type, types.StringComparer))
        {
            return new SeedSource(operation, "StringComparer.GetHashCode", PerProcess);
        }

        if (RngKnownTypes.Is(containingType, types.EqualityComparerOfT)
            && containingType is { TypeArguments.Length: 1 } comparer
            && IsPerProcessHashed(comparer.TypeArguments[0], types))
        {
            return new SeedSource(operation, "EqualityComparer<" + comparer.TypeArguments[0].ToDisplayString() + ">.Default.GetHashCode", PerProcess);
        }

        // x.GetHashCode() on a string, tuple, record or anonymous type: C# binds to the declaring override or object's.
        if (method.Parameters.Length == 0 && invocation.Instance?.WalkDownConversions().Type is { } receiverType
            && IsPerProcessHashed(receiverType, types))
        {
            return new SeedSource(operation, DescribeReceiver(receiverType), PerProcess);
        }

        return null;
    }

    private static string DescribeReceiver(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return "string.GetHashCode()";
        }

        if (type.IsTupleType && type.IsValueType)
        {
            return "the hash code of a value tuple";
        }

        if (type.IsAnonymousType)
        {
            return "the hash code of an anonymous type holding strings";
        }

        if (type is INamedTypeSymbol { IsRecord: true })
        {
            return "the hash code of record '" + type.Name + "', which holds strings";
        }

        return "the hash code of '" + type.ToDisplayString() + "', which holds strings";
    }

    private static bool IsPerProcessHashed(ITypeSymbol? type, RngKnownTypes types, int depth)
    {
        if (type is null || depth > 3)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        // ValueTuple.GetHashCode goes through HashCode.Combine, randomised per process whatever the elements.
        if (named.IsTupleType && named.IsValueType)
        {
            return true;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return IsPerProcessHashed(named.TypeArguments[0], types, depth + 1);
        }

        var isReferenceTuple = named.ContainingNamespace?.ToDisplayString() == "System" && named.Name == "Tuple" && named.IsGenericType;
        if (isReferenceTuple)
        {
            return named.TypeArguments.Any(argument => IsPerProcessHashed(argument, types, depth + 1));
        }

        // A derived record's hash includes its base records' members.
        for (var current = named; current is not null && (current.IsRecord || current.IsAnonymousType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol { IsStatic: false } field => field.Type,
                    IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
                    _ => null,
                };
                if (memberType is not null && !SymbolEqualityComparer.Default.Equals(memberType, named) && IsPerProcessHashed(memberType, types, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
