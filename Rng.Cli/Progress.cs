using System.Diagnostics;

namespace Rng.Cli;

/// <summary>"files done / total" on stderr, at most a few times a second; silent when disabled (output redirected).</summary>
internal sealed class Progress
{
    private readonly TextWriter? _writer;
    private readonly long _minIntervalMs;
    private readonly Stopwatch _sinceLastWrite = Stopwatch.StartNew();
    private readonly object _gate = new();
    private int _loaded;
    private int _checked;
    private int _shownChecked;
    private bool _wroteLine;

    /// <param name="writer">Where the progress line goes; null for none.</param>
    /// <param name="minIntervalMs">Least time between two updates of the line (the last count, N/N, is always written).</param>
    public Progress(TextWriter? writer, int minIntervalMs = 200)
    {
        _writer = writer;
        _minIntervalMs = minIntervalMs;
    }

    /// <summary>Progress that writes nothing (the --fix pass, whose files the check after it counts).</summary>
    public static Progress Silent { get; } = new(null);

    /// <summary>Whether anything is written (false when output is redirected and progress was not forced).</summary>
    public bool IsShown => _writer is not null;

    /// <summary>Total source files expected (grows as projects are loaded).</summary>
    public int Total { get; set; }

    public void FileLoaded()
    {
        int loaded = Interlocked.Increment(ref _loaded);
        Report($"reading {loaded}/{Total} files", force: loaded == Total);
    }

    public void Phase(string text) => Report($"{text} ({_checked}/{Total} files checked)", force: true);

    /// <summary>Counts files whose analysis is complete; called concurrently, as the analyzers finish each file.</summary>
    public void FilesChecked(int count)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _checked, count);
        if (_writer is null)
        {
            return;
        }

        lock (_gate)
        {
            // Callers race: show the newest count (read under the lock), and never a count lower than one already shown.
            int done = Volatile.Read(ref _checked);
            if (done <= _shownChecked)
            {
                return;
            }

            if (done >= Total || _sinceLastWrite.ElapsedMilliseconds >= _minIntervalMs)
            {
                _shownChecked = done;
                Write($"checked {done}/{Math.Max(Total, done)} files");
            }
        }
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
            if (!force && _sinceLastWrite.ElapsedMilliseconds < _minIntervalMs)
            {
                return;
            }

            Write(text);
        }
    }

    /// <summary>Replaces the line; the caller holds <see cref="_gate"/>.</summary>
    private void Write(string text)
    {
        _sinceLastWrite.Restart();
        _writer!.Write("\r\u001b[K" + text);
        _writer.Flush();
        _wroteLine = true;
    }
}
