using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Cli;

/// <summary>
/// The analyzers, code fixes and source generators of the RngSafety package, found by reflection over the very
/// assemblies the package ships, so a new rule needs no change here.
/// </summary>
internal sealed class AnalyzerCatalog
{
    /// <summary>The compiler-extension assemblies the RngSafety package puts under analyzers/dotnet/cs.</summary>
    public static readonly string[] AssemblyNames = { "Rng.Analyzers", "Rng.Analyzers.CodeFixes", "Rng.Generators" };

    private static readonly Lazy<AnalyzerCatalog> LazyDefault = new(() => Load(AssemblyNames.Select(n => Assembly.Load(new AssemblyName(n)))));

    private AnalyzerCatalog(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<CodeFixProvider> codeFixes,
        ImmutableArray<ISourceGenerator> generators,
        ImmutableArray<Assembly> assemblies)
    {
        Analyzers = analyzers;
        CodeFixes = codeFixes;
        Generators = generators;
        Assemblies = assemblies;
        Rules = analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog of the assemblies shipped beside this tool.</summary>
    public static AnalyzerCatalog Default => LazyDefault.Value;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    /// <summary>Incremental generators wrapped as <see cref="ISourceGenerator"/> so one driver runs them all.</summary>
    public ImmutableArray<ISourceGenerator> Generators { get; }

    public ImmutableArray<Assembly> Assemblies { get; }

    /// <summary>Rule metadata by ID, from the analyzers' supported diagnostics.</summary>
    public ImmutableDictionary<string, DiagnosticDescriptor> Rules { get; }

    public static AnalyzerCatalog Load(IEnumerable<Assembly> assemblies)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var fixes = ImmutableArray.CreateBuilder<CodeFixProvider>();
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        var loaded = assemblies.ToImmutableArray();
        foreach (var assembly in loaded)
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && SupportsCSharp(type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
                else if (typeof(CodeFixProvider).IsAssignableFrom(type) && SupportsCSharp(type.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages))
                {
                    fixes.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                }
                else if (type.GetCustomAttribute<GeneratorAttribute>() is { } generatorAttribute && SupportsCSharp(generatorAttribute.Languages))
                {
                    object instance = Activator.CreateInstance(type)!;
                    if (instance is IIncrementalGenerator incremental)
                    {
                        generators.Add(incremental.AsSourceGenerator());
                    }
                    else if (instance is ISourceGenerator classic)
                    {
                        generators.Add(classic);
                    }
                }
            }
        }

        return new AnalyzerCatalog(analyzers.ToImmutable(), fixes.ToImmutable(), generators.ToImmutable(), loaded);
    }

    private static bool SupportsCSharp(string[]? languages) => languages is null || languages.Length == 0 || languages.Contains(LanguageNames.CSharp);
}
