using System.Text;
using System.Text.RegularExpressions;

namespace Rng.Cli;

/// <summary>
/// A file glob: <c>*</c> and <c>?</c> within one path segment, <c>**</c> across segments. A glob without '/' matches
/// the file name; otherwise it matches the path relative to the current folder (or the full path), with '/' separators.
/// </summary>
internal sealed class Glob
{
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    public Glob(string pattern)
    {
        Pattern = pattern;
        string normalised = pattern.Replace('\\', '/');
        if (normalised.StartsWith("./", StringComparison.Ordinal))
        {
            normalised = normalised[2..];
        }

        _nameOnly = !normalised.Contains('/');
        _regex = new Regex("^" + ToRegex(normalised) + "$", RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None));
    }

    public string Pattern { get; }

    public bool IsMatch(string fullPath, string currentDirectory)
    {
        string full = fullPath.Replace('\\', '/');
        if (_nameOnly)
        {
            return _regex.IsMatch(Path.GetFileName(full));
        }

        string relative = Path.GetRelativePath(currentDirectory, fullPath).Replace('\\', '/');
        return _regex.IsMatch(relative) || _regex.IsMatch(full) || _regex.IsMatch(full.TrimStart('/'));
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*')
            {
                if (i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    bool slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                    // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
                    sb.Append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                }
                else
                {
                    sb.Append("[^/]*");
                }
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}

/// <summary>The --include/--exclude filter on reported (and fixed) files.</summary>
internal sealed class PathFilter
{
    private readonly Glob[] _include;
    private readonly Glob[] _exclude;
    private readonly string _currentDirectory;

    public PathFilter(IEnumerable<string> include, IEnumerable<string> exclude, string currentDirectory)
    {
        _include = include.Select(p => new Glob(p)).ToArray();
        _exclude = exclude.Select(p => new Glob(p)).ToArray();
        _currentDirectory = currentDirectory;
    }

    public bool Accepts(string? fullPath)
    {
        if (fullPath is null)
        {
            // Findings without a file (compilation-wide) are reported unless an include list narrows the report.
            return _include.Length == 0;
        }

        if (_include.Length > 0 && !_include.Any(g => g.IsMatch(fullPath, _currentDirectory)))
        {
            return false;
        }

        return !_exclude.Any(g => g.IsMatch(fullPath, _currentDirectory));
    }
}
