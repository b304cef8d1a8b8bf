using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// RNG1001: a seed combines a root seed with a per-worker / per-iteration value by + - * ^ | &lt;&lt;
/// (through casts, unchecked, parentheses and locals assigned earlier), or is a bare worker index given to System.Random.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeedArithmeticAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SeedDerivedByArithmetic);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            RngAnalysis.RegisterSeedSinkAction(start, types, (operationContext, use) => Analyze(operationContext, use, types));
        });
    }

    private static void Analyze(OperationAnalysisContext context, SeedSinkUse use, RngKnownTypes types)
    {
        if (!SeedArithmetic.TryAnalyze(use, types, out var seed))
        {
            return;
        }

        var seedText = OperationHelpers.Text(use.SeedSyntax);
        if (seed.ViaLocal && seed.Arithmetic is not null)
        {
            seedText += " = " + OperationHelpers.Text(OperationHelpers.WithEnclosingParenthesesAndChecked(seed.Arithmetic.Syntax));
        }

        var keys = SeedArithmetic.KeyOperands(seed).Select(OperationHelpers.Text).ToList();
        if (seed.IsBare)
        {
            keys.Add("rootSeed");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SeedDerivedByArithmetic,
            use.SeedSyntax.GetLocation(),
            seedText,
            SeedArithmetic.Describe(seed),
            string.Join(", ", keys)));
    }
}
