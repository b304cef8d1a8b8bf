using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Rng.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles user code plus its generated drivers against the real Rng.Runtime, loads the assembly and hands out the
/// drivers as typed delegates, so tests call them exactly as user code would.
/// </summary>
internal sealed class CompiledDrivers
{
    private readonly Assembly _assembly;

    public CompiledDrivers(params string[] sources)
    {
        GeneratorRun run = GeneratorHost.Run(sources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());

        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        // Loaded into its own context; Rng.Runtime resolves to the copy the tests use, so types are shared.
        _assembly = Assembly.Load(image.ToArray());
    }

    public Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;

    /// <summary>The static method <paramref name="name"/> of <paramref name="typeName"/> whose parameters match <typeparamref name="TDelegate"/>.</summary>
    public TDelegate Static<TDelegate>(string typeName, string name)
        where TDelegate : Delegate
        => (TDelegate)Find<TDelegate>(typeName, name).CreateDelegate(typeof(TDelegate));

    /// <summary>The instance method <paramref name="name"/> bound to <paramref name="target"/>.</summary>
    public TDelegate Instance<TDelegate>(object target, string name)
        where TDelegate : Delegate
        => (TDelegate)Find<TDelegate>(target.GetType().FullName!, name).CreateDelegate(typeof(TDelegate), target);

    public object CreateInstance(string typeName) => Activator.CreateInstance(Type(typeName))!;

    private MethodInfo Find<TDelegate>(string typeName, string name)
    {
        Type[] parameterTypes = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        MethodInfo? method = Type(typeName).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance, parameterTypes);
        Assert.True(method is not null, $"{typeName}.{name}({string.Join(", ", parameterTypes.Select(t => t.Name))}) was not generated");
        return method;
    }
}
