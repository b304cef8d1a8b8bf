using System.Diagnostics;

namespace Rng.Cli;

/// <summary>"files done / total" on stderr, at most a few times a second; silent when disabled (output redirected).</summary>
internal sealed class Progress
{
    private readonly TextWriter? _writer;
    private readonly Stopwatch _sinceLastWrite = Stopwatch.StartNew();
    private readonly object _gate = new();
    private int _loaded;
    private int _checked;
    private bool _wroteLine;

    public Progress(TextWriter? writer) => _writer = writer;

    /// <summary>Progress that writes nothing (the --fix pass, whose files the check after it counts).</summary>
    public static Progress Silent { get; } = new(null);

    /// <summary>Total source files expected (grows as projects are loaded).</summary>
    public int Total { get; set; }

    public void FileLoaded()
    {
        int loaded = Interlocked.Increment(ref _loaded);
        Report($"reading {loaded}/{Total} files", force: false);
    }

    public void Phase(string text) => Report($"{text} ({_checked}/{Total} files checked)", force: true);

    public void FilesChecked(int count)
    {
        int done = Interlocked.Add(ref _checked, count);
        Report($"checked {done}/{Math.Max(Total, done)} files", force: true);
    }

    /// <summary>Clears the progress line before the report is written.</summary>
    public void Finish()
    {
        if (_writer is null || !_wroteLine)
        {
            return;
        }

        lock (_gate)
        {
            _writer.Write("\r\u001b[K");
            _writer.Flush();
        }
    }

    private void Report(string text, bool force)
    {
        if (_writer is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!force && _sinceLastWrite.ElapsedMilliseconds < 200)
            {
                return;
            }

            _sinceLastWrite.Restart();
            _writer.Write("\r\u001b[K" + text);
            _writer.Flush();
            _wroteLine = true;
        }
    }
}
