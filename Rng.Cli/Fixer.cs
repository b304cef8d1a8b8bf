using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Rng.Cli;

/// <summary>
/// Applies the registered code fixes to a project: per pass, one (provider, first offered action) group is fixed with the
/// provider's Fix All (or, without one, one diagnostic with its first action); then the project is analysed again.
/// </summary>
internal static class Fixer
{
    private const int MaxPasses = 50;

    /// <summary>Fixes what the filter and severity accept; returns the changed project and the number of fix applications.</summary>
    public static async Task<(Project Project, int Applied)> FixAsync(
        Project project,
        AnalyzerCatalog catalog,
        Func<Diagnostic, bool> wanted,
        Action<string> warn,
        CancellationToken cancellationToken)
    {
        var attempted = new HashSet<(CodeFixProvider, string?)>();
        int applied = 0;
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            var diagnostics = (await ProjectAnalysis.AnalyzeAsync(project, catalog, cancellationToken).ConfigureAwait(false))
                .Where(d => d.Location.IsInSource && wanted(d))
                .ToImmutableArray();
            bool changed = false;
            foreach (var provider in catalog.CodeFixes)
            {
                var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                foreach (var diagnostic in fixable)
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree);
                    if (document is null)
                    {
                        continue;
                    }

                    Project? updated;
                    try
                    {
                        var action = await FirstActionAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
                        if (action is null || !attempted.Add((provider, action.EquivalenceKey ?? action.Title)))
                        {
                            continue;
                        }

                        var fixAll = provider.GetFixAllProvider();
                        if (fixAll is not null && action.EquivalenceKey is not null && fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Project))
                        {
                            var context = new FixAllContext(
                                document,
                                provider,
                                FixAllScope.Project,
                                action.EquivalenceKey,
                                provider.FixableDiagnosticIds,
                                new FixedDiagnostics(fixable),
                                cancellationToken);
                            action = await fixAll.GetFixAsync(context).ConfigureAwait(false) ?? action;
                        }

                        updated = await ApplyAsync(action, project, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A failing fix must not stop the others; the finding stays and is reported by the re-check.
                        attempted.Add((provider, diagnostic.Id));
                        var position = diagnostic.Location.GetLineSpan();
                        warn($"{provider.GetType().Name} could not fix {diagnostic.Id} at {position.Path}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {e.Message}");
                        continue;
                    }

                    if (updated is not null)
                    {
                        project = updated;
                        applied++;
                        changed = true;
                        break;
                    }
                }

                if (changed)
                {
                    break;
                }
            }

            if (!changed)
            {
                break;
            }

            // New diagnostics after a fix may be fixable by an action already tried on other code.
            attempted.Clear();
        }

        return (project, applied);
    }

    /// <summary>Writes every document of <paramref name="fixedProject"/> whose text differs from <paramref name="original"/>; returns the paths written.</summary>
    public static async Task<List<string>> WriteChangesAsync(Project original, Project fixedProject, List<string> errors, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var change in fixedProject.GetChanges(original).GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
        {
            var document = fixedProject.GetDocument(change);
            if (document?.FilePath is not { } path)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var encoding = text.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                await File.WriteAllTextAsync(path, text.ToString(), encoding, cancellationToken).ConfigureAwait(false);
                written.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{path}: fixed text cannot be written ({e.Message}).");
            }
        }

        return written;
    }

    private static async Task<CodeAction?> FirstActionAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.FirstOrDefault();
    }

    private static async Task<Project?> ApplyAsync(CodeAction action, Project project, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changedSolution = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
        var changedProject = changedSolution?.GetProject(project.Id);
        if (changedProject is null || !changedProject.GetChanges(project).GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Any())
        {
            return null;
        }

        return changedProject;
    }

    /// <summary>The diagnostics computed for this pass, handed to Fix All.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
