using System.Diagnostics;

namespace UnsafeSeeding;

// Not in the documents, but the .NET way to break their advice: seeding from a name, as "experiment-A".GetHashCode().
//
// Rule: RNG1004 (Seed from a per-process hash) on "experiment-A".GetHashCode().
// What goes wrong: .NET randomises string hash codes per process, so the "seeded" run gets a new seed every time the
// program starts and never repeats.
internal static class StringHashSeed
{
    public const string ChildArgument = "--print-string-hash-seed";

    public static void PrintSeedOfThisProcess()
    {
        var random = new Random("experiment-A".GetHashCode());
        Console.WriteLine($"seed {"experiment-A".GetHashCode()}, draws {Show.Row(Show.Draw(random, 5, 10))}");
    }

    public static void Run()
    {
        Console.Write("this process:   ");
        PrintSeedOfThisProcess();
        Console.Write("a new process:  ");
        Console.WriteLine(RunChildProcess());
    }

    // Starts this program again (through 'dotnet' when it was started as 'dotnet UnsafeSeeding.dll').
    private static string RunChildProcess()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(StringHashSeed).Assembly.Location);
        }
        start.ArgumentList.Add(ChildArgument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        string output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        return output;
    }
}
