using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Rng.Cli;

/// <summary>
/// Builds an ad-hoc project from loose .cs files: one compilation against the framework reference assemblies plus
/// Rng.Runtime, with the SDK's implicit usings and every .editorconfig that applies to the files.
/// </summary>
internal static class SourceWorkspace
{
    /// <summary>The global usings an SDK project with ImplicitUsings gets, so such code binds outside its project.</summary>
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>Files without a byte-order mark are read, and written back by --fix, as UTF-8 without one.</summary>
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Solution Create(CheckTarget target, List<string> errors, Progress progress, out AdhocWorkspace workspace)
    {
        var projectId = ProjectId.CreateNewId(target.DisplayName);
        var texts = new SourceText?[target.Files.Count];
        var readErrors = new ConcurrentBag<string>();
        Parallel.For(0, target.Files.Count, i =>
        {
            try
            {
                using var stream = File.OpenRead(target.Files[i]);
                texts[i] = SourceText.From(stream, Utf8NoBom, canBeEmbedded: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                readErrors.Add($"{target.Files[i]}: cannot be read ({e.Message}).");
            }

            progress.FileLoaded();
        });
        errors.AddRange(readErrors.OrderBy(e => e, StringComparer.Ordinal));

        var documents = new List<DocumentInfo>();
        for (int i = 0; i < texts.Length; i++)
        {
            if (texts[i] is { } text)
            {
                documents.Add(DocumentInfo.Create(
                    DocumentId.CreateNewId(projectId),
                    Path.GetFileName(target.Files[i]),
                    loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, target.Files[i])),
                    filePath: target.Files[i]));
            }
        }

        documents.Add(DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            "RngSafety.ImplicitUsings.g.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(ImplicitUsings), VersionStamp.Default))));

        var editorConfigs = FindEditorConfigs(target.Files)
            .Select(path => DocumentInfo.Create(
                DocumentId.CreateNewId(projectId),
                ".editorconfig",
                loader: new FileTextLoader(path, Encoding.UTF8),
                filePath: path))
            .ToList();

        var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                target.DisplayName,
                "RngSafetyAudit",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(
                    OutputKind.ConsoleApplication,
                    allowUnsafe: true,
                    nullableContextOptions: NullableContextOptions.Disable,
                    concurrentBuild: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                documents: documents,
                metadataReferences: FrameworkReferences.All)
            .WithAnalyzerConfigDocuments(editorConfigs);

        workspace = new AdhocWorkspace();
        return workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Default, projects: new[] { project }));
    }

    /// <summary>Every .editorconfig in the files' folders and their ancestors.</summary>
    private static IEnumerable<string> FindEditorConfigs(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            for (var folder = Path.GetDirectoryName(file); folder is not null && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
            }
        }

        return folders.Select(f => Path.Combine(f, ".editorconfig")).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }
}
