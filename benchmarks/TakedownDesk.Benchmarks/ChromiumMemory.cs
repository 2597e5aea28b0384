using System.Globalization;

namespace TakedownDesk.Benchmarks;

/// <summary>
/// Samples the proportional set size (PSS) of one Chromium process tree every 100 ms and keeps the peak;
/// PSS, unlike RSS, does not count the libraries shared by Chromium's many processes once per process.
/// </summary>
public sealed class ChromiumMemory : IDisposable
{
    private readonly int _rootProcessId;
    private readonly Timer _timer;
    private long _peakBytes;

    public ChromiumMemory(int rootProcessId)
    {
        _rootProcessId = rootProcessId;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var total = ProcessTree().Sum(PssBytes);
        long current;
        do
        {
            current = Interlocked.Read(ref _peakBytes);
        }
        while (total > current && Interlocked.CompareExchange(ref _peakBytes, total, current) != current);
    }

    private HashSet<int> ProcessTree()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryRead(Path.Combine(dir, "stat")) is { } stat)
            {
                // The parent id is the second field after the command name, which sits in parentheses and may hold spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new HashSet<int> { _rootProcessId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                grew |= tree.Contains(parent) && tree.Add(pid);
            }
        }

        return tree;
    }

    private static long PssBytes(int pid)
    {
        var line = TryRead($"/proc/{pid}/smaps_rollup")?.Split('\n').FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between listing and reading; it no longer uses memory.
            return null;
        }
    }
}
