using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>A seed that mixes a per-worker value into a root seed by arithmetic, or is a bare worker index (RNG1001).</summary>
internal sealed class ArithmeticSeed
{
    public ArithmeticSeed(
        IBinaryOperation? arithmetic,
        WorkerValue worker,
        ImmutableArray<IOperation> workerLeaves,
        ImmutableArray<IOperation> rootLeaves,
        bool viaLocal,
        BinaryOperatorKind workerOperator)
    {
        Arithmetic = arithmetic;
        WorkerOperator = workerOperator;
        Worker = worker;
        WorkerLeaves = workerLeaves;
        RootLeaves = rootLeaves;
        ViaLocal = viaLocal;
    }

    /// <summary>The outermost + - * ^ | &lt;&lt; of the seed; null for a bare worker index given to System.Random.</summary>
    public IBinaryOperation? Arithmetic { get; }

    /// <summary>The first per-worker value found (names the kind in the message).</summary>
    public WorkerValue Worker { get; }

    /// <summary>The operands that vary per worker, in source order (conversions removed).</summary>
    public ImmutableArray<IOperation> WorkerLeaves { get; }

    /// <summary>
    /// The other operands: the non-constant ones then the constant offsets (rootSeed, 10 in rootSeed + 10 + i; rootSeed in
    /// rootSeed * 31 + i), or the constants when there are only constants (42 in 42 + i).
    /// </summary>
    public ImmutableArray<IOperation> RootLeaves { get; }

    /// <summary>True when the arithmetic was found by following a local assigned earlier (var s = root + i; new Random(s)).</summary>
    public bool ViaLocal { get; }

    public bool IsBare => Arithmetic is null;

    /// <summary>The operator that combines the first worker operand with the rest (names the action in the message).</summary>
    public BinaryOperatorKind WorkerOperator { get; }
}

/// <summary>Finds RNG1001's seed arithmetic; shared by the analyzer and its code fix so both see the same operands.</summary>
internal static class SeedArithmetic
{
    public static bool TryAnalyze(SeedSinkUse use, RngKnownTypes types, out ArithmeticSeed result)
    {
        result = null!;

        // Philox keys rootKey + streamId are NumPy's documented independent-stream strategy (overlaps are RNG3002's job).
        if (use.Sink.Role == SeedRole.Key)
        {
            return false;
        }

        var visited = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (Find(use.SeedValue, types, viaLocal: false, visited, depth: 0, out result))
        {
            return true;
        }

        // A bare worker index: System.Random's legacy seeding correlates the streams of neighbouring seeds.
        // (Rng's seeds go through SeedSequence, which hashes them, so a bare index is only reported for System.Random.)
        if (use.Sink.FinalKind == SeedSinkKind.SystemRandom && use.Sink.PassesSeedUnchanged && WorkerValues.TryClassify(use.SeedValue, types, out var worker))
        {
            result = new ArithmeticSeed(null, worker, ImmutableArray.Create(worker.Operation), ImmutableArray<IOperation>.Empty, viaLocal: false, BinaryOperatorKind.None);
            return true;
        }

        return false;
    }

    /// <summary>The message's middle part: what the arithmetic does and what goes wrong.</summary>
    public static string Describe(ArithmeticSeed seed)
    {
        var noun = seed.Worker.Noun;
        if (seed.Arithmetic is null)
        {
            return "is " + noun + " used directly as the seed; System.Random's legacy seeding correlates the streams of neighbouring seeds";
        }

        const string nearbyRuns = "runs with nearby root seeds reuse each other's streams";
        return seed.WorkerOperator switch
        {
            BinaryOperatorKind.Add => "adds " + noun + " to the root seed; " + nearbyRuns,
            BinaryOperatorKind.Subtract => "subtracts " + noun + " from the root seed; " + nearbyRuns,
            BinaryOperatorKind.Multiply => "multiplies the root seed by " + noun + "; products of different roots and workers coincide, and worker 0 gets the same seed in every run",
            BinaryOperatorKind.ExclusiveOr => "XORs " + noun + " into the root seed; runs whose root seeds differ only in the low bits reuse each other's streams",
            BinaryOperatorKind.Or => "ORs " + noun + " into the root seed; workers whose bits the root seed already has get the same seed",
            _ => "shifts " + noun + " into the root seed; bits shifted out are lost, so different workers and runs get the same seed",
        };
    }

    /// <summary>The key list of the message and the fix: worker operands first, then the root operands (NumPy's [worker_id, root_seed]).</summary>
    public static IEnumerable<IOperation> KeyOperands(ArithmeticSeed seed)
    {
        foreach (var leaf in seed.WorkerLeaves)
        {
            yield return leaf;
        }

        foreach (var leaf in seed.RootLeaves)
        {
            yield return leaf;
        }
    }

    // Looks for the outermost mixing operation through conversions, wrappers that keep the mixing visible
    // ((seed + i) % n, Math.Abs(seed + i), -x, ~x) and locals assigned earlier. It does not look into other calls or
    // indexers: items[i + 1].Seed is not seed arithmetic.
    private static bool Find(IOperation operation, RngKnownTypes types, bool viaLocal, HashSet<ILocalSymbol> visited, int depth, out ArithmeticSeed result)
    {
        result = null!;
        if (depth > 16)
        {
            return false;
        }

        var current = operation.WalkDownConversions();
        switch (current)
        {
            case IBinaryOperation binary when IsMixingOperator(binary):
                return TryCreate(binary, types, viaLocal, out result);
            case IBinaryOperation other when IsBuiltInOrWideInteger(other.OperatorMethod):
                return Find(other.LeftOperand, types, viaLocal, visited, depth + 1, out result)
                    || Find(other.RightOperand, types, viaLocal, visited, depth + 1, out result);
            case IUnaryOperation unary when IsBuiltInOrWideInteger(unary.OperatorMethod):
                return Find(unary.Operand, types, viaLocal, visited, depth + 1, out result);
            case IInvocationOperation { TargetMethod: { Name: "Abs", ContainingType: { Name: "Math", ContainingNamespace.Name: "System" } }, Arguments.Length: 1 } abs:
                return Find(abs.Arguments[0].Value, types, viaLocal, visited, depth + 1, out result);
            case ILocalReferenceOperation local
                when !WorkerValues.TryClassify(local, types, out _)
                    && visited.Add(local.Local)
                    && OperationHelpers.GetReachingValue(local) is { } assigned:
                return Find(assigned, types, viaLocal: true, visited, depth + 1, out result);
            default:
                return false;
        }
    }

    private static bool IsMixingOperator(IBinaryOperation binary) =>
        IsBuiltInOrWideInteger(binary.OperatorMethod)
        && binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
            or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Or or BinaryOperatorKind.LeftShift;

    // Built-in integer operators, and the user-defined operators of BigInteger, Int128 and UInt128, which are integers too.
    private static bool IsBuiltInOrWideInteger(IMethodSymbol? operatorMethod) =>
        operatorMethod is null
        || (operatorMethod.ContainingType is { ContainingNamespace: { } ns } type
            && ((type.Name == "BigInteger" && ns.ToDisplayString() == "System.Numerics")
                || (type.Name is "Int128" or "UInt128" && ns.ToDisplayString() == "System")));

    private static bool TryCreate(IBinaryOperation arithmetic, RngKnownTypes types, bool viaLocal, out ArithmeticSeed result)
    {
        result = null!;
        var leaves = new List<(IOperation Leaf, BinaryOperatorKind Operator)>();
        Flatten(arithmetic, BinaryOperatorKind.None, leaves);

        var workerLeaves = ImmutableArray.CreateBuilder<IOperation>();
        var variableLeaves = ImmutableArray.CreateBuilder<IOperation>();
        var constantLeaves = ImmutableArray.CreateBuilder<IOperation>();
        var offsetLeaves = ImmutableArray.CreateBuilder<IOperation>();
        WorkerValue? firstWorker = null;
        var workerOperator = BinaryOperatorKind.None;
        foreach (var (leaf, leafOperator) in leaves)
        {
            if (WorkerValues.ContainsWorkerValue(leaf, types, out var worker))
            {
                if (firstWorker is null)
                {
                    firstWorker = worker;
                    workerOperator = leafOperator;
                }

                workerLeaves.Add(leaf);
            }
            else if (leaf.ConstantValue.HasValue)
            {
                constantLeaves.Add(leaf);
                if (leafOperator is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Or)
                {
                    offsetLeaves.Add(leaf);
                }
            }
            else
            {
                variableLeaves.Add(leaf);
            }
        }

        if (firstWorker is null)
        {
            return false;
        }

        // Constant offsets stay in the key after the variables: rootSeed + 10 + i and rootSeed + 20 + i are different
        // streams today and must stay different after the fix. Multipliers and shifts (rootSeed * 31 + i) only mix.
        if (variableLeaves.Count > 0)
        {
            variableLeaves.AddRange(offsetLeaves);
        }

        var rootLeaves = variableLeaves.Count > 0 ? variableLeaves.ToImmutable() : constantLeaves.ToImmutable();
        result = new ArithmeticSeed(arithmetic, firstWorker.Value, workerLeaves.ToImmutable(), rootLeaves, viaLocal, workerOperator);
        return true;
    }

    private static void Flatten(IOperation operation, BinaryOperatorKind parentOperator, List<(IOperation, BinaryOperatorKind)> leaves)
    {
        var current = operation.WalkDownConversions();
        if (current is IBinaryOperation binary && IsMixingOperator(binary))
        {
            Flatten(binary.LeftOperand, binary.OperatorKind, leaves);
            Flatten(binary.RightOperand, binary.OperatorKind, leaves);
            return;
        }

        leaves.Add((current, parentOperator));
    }
}
