using System.Text.RegularExpressions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rng.Cli.Tests;

/// <summary>A temporary folder of source files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "rngsafety-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build host may still hold a file for a moment; the OS cleans the temp folder later.
        }
    }
}

/// <summary>Runs the CLI in-process and captures its streams.</summary>
public static class Cli
{
    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = Program.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The compiler-format finding lines of a text report: (path, line, column, severity, id).</summary>
    public static List<(string Path, int Line, int Column, string Severity, string Id)> Findings(string output)
        => Regex.Matches(output, @"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<sev>info|warning|error) (?<id>RNG\d{4}): .+$", RegexOptions.Multiline)
            .Select(m => (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["sev"].Value, m.Groups["id"].Value))
            .ToList();

    /// <summary>1-based line and column of the first occurrence of <paramref name="fragment"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string fragment)
    {
        int index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{fragment}' is not in the source");
        string before = text[..index];
        int line = before.Count(c => c == '\n') + 1;
        int column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}

/// <summary>Source snippets the tests audit.</summary>
public static class Sources
{
    public const string SeedArithmetic = """
        using System;
        using System.Threading.Tasks;

        public static class Workers
        {
            public static void Run(int rootSeed)
            {
                Parallel.For(0, 8, workerId =>
                {
                    var rng = new Random(rootSeed + workerId);
                    Console.WriteLine(rng.Next());
                });
            }
        }
        """;

    public const string ClockSeed = """
        using System;

        public static class Clock
        {
            public static int Draw() => new Random(Environment.TickCount).Next();
        }
        """;

    public const string Safe = """
        using System;

        public static class Safe
        {
            public static double Mean(double[] values)
            {
                double total = 0;
                foreach (double v in values) total += v;
                return total / values.Length;
            }
        }
        """;
}
