// A test-only analyzer: the analyzer-packaging rules do not apply to it.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.Tests.Infrastructure;

/// <summary>
/// A test-only analyzer that exposes the shared infrastructure: PROBE1 on every seed argument ("kind/role/worker value"),
/// PROBE2 on every value a seed expression contains that is per worker, PROBE3 on every parallel delegate ("api/role").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfrastructureProbeAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor SeedArgument = new("PROBE1", "seed", "{0}", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor WorkerValue = new("PROBE2", "worker", "{0}", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor ParallelDelegate = new("PROBE3", "parallel", "{0}", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SeedArgument, WorkerValue, ParallelDelegate);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = RngKnownTypes.Create(start.Compilation, start.Options);
            RngAnalysis.RegisterSeedSinkAction(start, types, (c, use) =>
            {
                var classified = WorkerValues.TryClassify(use.SeedValue, types, out var worker) ? worker.Kind.ToString() : "none";
                c.ReportDiagnostic(Diagnostic.Create(SeedArgument, use.SeedSyntax.GetLocation(), $"{use.Sink.Kind}/{use.Sink.Role}/{classified}"));
                if (WorkerValues.ContainsWorkerValue(use.SeedValue, types, out var contained))
                {
                    c.ReportDiagnostic(Diagnostic.Create(WorkerValue, contained.Operation.Syntax.GetLocation(), contained.Kind.ToString()));
                }
            });
            start.RegisterOperationAction(c =>
            {
                foreach (var parallelDelegate in ParallelBodies.GetDelegates(c.Operation, types))
                {
                    var perWorker = string.Join(",", parallelDelegate.Target.Parameters
                        .Where(p => ParallelBodies.IsPerWorkerParameter(p, parallelDelegate, types))
                        .Select(p => p.Name));
                    c.ReportDiagnostic(Diagnostic.Create(
                        ParallelDelegate,
                        parallelDelegate.DelegateValue.Syntax.GetLocation(),
                        $"{parallelDelegate.Kind}/{parallelDelegate.Role}/{perWorker}"));
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }
}
