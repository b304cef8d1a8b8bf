using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Rng.Cli;

/// <summary>Loads solutions and projects through MSBuild (the SDK found by Microsoft.Build.Locator).</summary>
internal static class MSBuildLoader
{
    private static readonly object Gate = new();

    /// <summary>Registers the SDK's MSBuild once, before any MSBuild type is loaded; false with a message when no SDK is found.</summary>
    public static bool TryRegister(out string? error)
    {
        error = null;
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return true;
            }

            try
            {
                var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault();
                if (instance is null)
                {
                    error = "no .NET SDK was found to load projects with; install the .NET SDK or check folders and .cs files instead.";
                    return false;
                }

                MSBuildLocator.RegisterInstance(instance);
                return true;
            }
            catch (InvalidOperationException e)
            {
                error = $"MSBuild could not be registered: {e.Message}";
                return false;
            }
        }
    }

    /// <summary>Opens the solution or project; failures go to <paramref name="errors"/> and what loaded is returned.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // MSBuild types must not load before TryRegister.
    public static async Task<(Solution? Solution, IDisposable? Workspace)> LoadAsync(CheckTarget target, List<string> errors, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add($"{target.DisplayName}: {e.Diagnostic.Message}");
                }
            }
        };
        try
        {
            Solution solution = target.Kind == TargetKind.Solution
                ? await workspace.OpenSolutionAsync(target.Path, cancellationToken: cancellationToken).ConfigureAwait(false)
                : (await workspace.OpenProjectAsync(target.Path, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution;
            errors.AddRange(failures);
            return (solution, workspace);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors.AddRange(failures);
            errors.Add($"{target.DisplayName}: cannot be loaded ({e.Message}).");
            workspace.Dispose();
            return (null, null);
        }
    }
}
