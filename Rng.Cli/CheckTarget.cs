namespace Rng.Cli;

/// <summary>What one unit of work is: a set of loose source files, a project, or a solution.</summary>
internal enum TargetKind
{
    Sources,
    Project,
    Solution,
}

/// <summary>One compilation unit of work: a folder (or the loose .cs files of the command line), a project or a solution.</summary>
internal sealed class CheckTarget
{
    private CheckTarget(TargetKind kind, string displayName, string path, IReadOnlyList<string> files)
    {
        Kind = kind;
        DisplayName = displayName;
        Path = path;
        Files = files;
    }

    public TargetKind Kind { get; }

    public string DisplayName { get; }

    /// <summary>The folder, project or solution file (for loose files: the folder of the first one).</summary>
    public string Path { get; }

    /// <summary>The .cs files of a <see cref="TargetKind.Sources"/> target.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Turns the command line's PATHs into targets; a path that does not exist or has an unsupported kind is a load error.</summary>
    public static List<CheckTarget> Resolve(IEnumerable<string> paths, List<string> errors)
    {
        var targets = new List<CheckTarget>();
        var looseFiles = new List<string>();
        foreach (string raw in paths)
        {
            string full = System.IO.Path.GetFullPath(raw);
            if (Directory.Exists(full))
            {
                targets.Add(new CheckTarget(TargetKind.Sources, raw, full, EnumerateSources(full, errors)));
            }
            else if (File.Exists(full))
            {
                string extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
                switch (extension)
                {
                    case ".cs":
                        looseFiles.Add(full);
                        break;
                    case ".csproj":
                        targets.Add(new CheckTarget(TargetKind.Project, raw, full, Array.Empty<string>()));
                        break;
                    case ".sln":
                    case ".slnx":
                        targets.Add(new CheckTarget(TargetKind.Solution, raw, full, Array.Empty<string>()));
                        break;
                    default:
                        errors.Add($"{raw}: unsupported file kind '{extension}'; expected a .sln, .slnx, .csproj or .cs file, or a folder.");
                        break;
                }
            }
            else
            {
                errors.Add($"{raw}: no such file or folder.");
            }
        }

        if (looseFiles.Count > 0)
        {
            var distinct = looseFiles.Distinct(StringComparer.Ordinal).ToList();
            targets.Add(new CheckTarget(TargetKind.Sources, distinct.Count == 1 ? distinct[0] : $"{distinct.Count} files", System.IO.Path.GetDirectoryName(distinct[0])!, distinct));
        }

        return targets;
    }

    /// <summary>Every .cs file below <paramref name="folder"/>, skipping build output and hidden folders.</summary>
    private static List<string> EnumerateSources(string folder, List<string> errors)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            try
            {
                files.AddRange(Directory.EnumerateFiles(current, "*.cs"));
                foreach (string child in Directory.EnumerateDirectories(current))
                {
                    string name = System.IO.Path.GetFileName(child);
                    if (name is "bin" or "obj" || name.StartsWith('.'))
                    {
                        continue;
                    }

                    pending.Push(child);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                errors.Add($"{current}: folder cannot be read ({e.Message}); its files are not checked.");
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
