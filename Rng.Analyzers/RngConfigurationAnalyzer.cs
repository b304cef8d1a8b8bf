using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>RNG0001: reports each rng_safety .editorconfig entry that cannot be used, once per compilation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RngConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidConfiguration);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(static compilationContext =>
        {
            var types = KnownTypesCache.Get(compilationContext.Compilation, compilationContext.Options);
            foreach (var error in types.ConfigurationErrors)
            {
                compilationContext.ReportDiagnostic(
                    Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, error.Option, error.Entry, error.Reason));
            }
        });
    }
}
