namespace Rng.Generators.Model;

/// <summary>
/// Everything the emitter needs to write the drivers of one <c>[ParallelStochastic]</c> method: plain strings,
/// flags and equatable arrays only, so the incremental pipeline can compare it with last run's model and skip
/// emission when nothing changed. No symbol, syntax node or location is kept.
/// </summary>
/// <param name="HintName">The unique name of the generated file.</param>
/// <param name="Namespace">The containing namespace (without <c>global::</c>), or null for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="QualifiedContainingType">The containing type, fully qualified, for static calls.</param>
/// <param name="MethodName">The method's name as written in C# (keywords escaped with <c>@</c>).</param>
/// <param name="MethodCref">A cref that names exactly this overload, for the XML docs.</param>
/// <param name="DriverName">The name of the generated driver, e.g. <c>FooParallel</c> or <c>FooParallelAsync</c>.</param>
/// <param name="Accessibility">The method's accessibility keywords, reused for the driver.</param>
/// <param name="IsStatic">Whether the method (and so the driver) is static.</param>
/// <param name="TypeParameters">The method's type parameter names.</param>
/// <param name="ConstraintClauses">The method's <c>where</c> clauses, one per constrained type parameter.</param>
/// <param name="ReturnKind">How the method returns its result.</param>
/// <param name="ResultType">The per-worker result type (the method's return type, or T of <c>Task&lt;T&gt;</c>), fully qualified; null when there is none.</param>
/// <param name="ResultArrayCreation">The expression that creates the result array, with <c>{0}</c> standing for its length (arrays of arrays put the length first: <c>new int[{0}][]</c>); null when there is no result.</param>
/// <param name="Parameters">The method's parameters in declaration order.</param>
/// <param name="BitGeneratorType">The fully qualified bit generator type each worker's Generator is built on.</param>
/// <param name="NumPyBitGenerator">NumPy's name for that bit generator, for the docs.</param>
/// <param name="PropagatedAttributes">Attributes of the method that its callers must honour (obsolete, experimental, trimming, platform), rendered as C#, repeated on every driver.</param>
/// <param name="GeneratorVersion">The generator's version, written into <c>[GeneratedCode]</c>.</param>
internal sealed record DriverModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string QualifiedContainingType,
    string MethodName,
    string MethodCref,
    string DriverName,
    string Accessibility,
    bool IsStatic,
    EquatableArray<string> TypeParameters,
    EquatableArray<string> ConstraintClauses,
    ReturnKind ReturnKind,
    string? ResultType,
    string? ResultArrayCreation,
    EquatableArray<ParameterModel> Parameters,
    string BitGeneratorType,
    string NumPyBitGenerator,
    EquatableArray<string> PropagatedAttributes,
    string GeneratorVersion);

/// <summary>One containing type, as its partial declaration must be written.</summary>
/// <param name="Keywords">The keywords that open its partial declaration: <c>partial class</c>, <c>partial struct</c>, <c>ref partial struct</c>, <c>partial record</c> or <c>partial record struct</c>.</param>
/// <param name="NameWithTypeParameters">The type's name followed by its type parameter list, if any.</param>
internal sealed record ContainingTypeModel(string Keywords, string NameWithTypeParameters);

/// <summary>One parameter of the user's method.</summary>
/// <param name="Name">The parameter name as written in C# (keywords escaped with <c>@</c>).</param>
/// <param name="Type">The parameter type, fully qualified with nullable annotations.</param>
/// <param name="Role">What the driver passes for it.</param>
/// <param name="IsParams">Whether it is a <c>params</c> parameter.</param>
/// <param name="DefaultValue">Its default value as a C# expression, or null when it has none.</param>
internal sealed record ParameterModel(string Name, string Type, ParameterRole Role, bool IsParams, string? DefaultValue);

/// <summary>What the driver passes for a parameter of the user's method.</summary>
internal enum ParameterRole
{
    /// <summary>A driver parameter of the same name, type and default is passed on unchanged.</summary>
    PassThrough,

    /// <summary>The worker's own Generator.</summary>
    Generator,

    /// <summary>The worker index <c>i</c> (<c>[WorkerIndex] int</c>).</summary>
    WorkerIndex,

    /// <summary>A CancellationToken passed on unchanged that also cancels the parallel loop.</summary>
    CancellationToken,
}

/// <summary>How the user's method returns its result, which decides the driver's shape.</summary>
internal enum ReturnKind
{
    /// <summary><c>void</c>: the driver returns <c>void</c>.</summary>
    Void,

    /// <summary>A value of type T: the driver returns <c>T[]</c>.</summary>
    Value,

    /// <summary><c>Task</c>: the driver returns <c>Task</c>.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c>: the driver returns <c>Task&lt;T[]&gt;</c>.</summary>
    TaskOfT,

    /// <summary><c>ValueTask</c>: the driver returns <c>Task</c>.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>: the driver returns <c>Task&lt;T[]&gt;</c>.</summary>
    ValueTaskOfT,
}
