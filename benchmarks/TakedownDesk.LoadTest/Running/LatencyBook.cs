using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TakedownDesk.LoadTest.Running;

/// <summary>What staff do in a working day, in the proportions the load client repeats them.</summary>
public enum StaffAction
{
    DeadlineBoard,
    CasePage,
    OpenCase,
    PasteUrls,
    RecordSubmission,
}

public sealed record ActionFigures(StaffAction Action, int Count, int Errors, double P50, double P95, double P99, double Max, string ErrorStatuses)
{
    public bool IsRead => Action is StaffAction.DeadlineBoard or StaffAction.CasePage;
}

public sealed record LoadReport(IReadOnlyList<ActionFigures> Actions, TimeSpan Measured, int SubmissionsWithoutDraft)
{
    public int Requests => Actions.Sum(a => a.Count);

    public int Errors => Actions.Sum(a => a.Errors);

    public double Throughput => Requests / Measured.TotalSeconds;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| action | kind | count | errors | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var a in Actions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {a.Action} | {(a.IsRead ? "read" : "write")} | {a.Count} | {a.Errors}{a.ErrorStatuses} | {a.P50:F1} | {a.P95:F1} | {a.P99:F1} | {a.Max:F1} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"\n{Requests} requests in {Measured.TotalSeconds:F1} s: {Throughput:F1} requests/s, {Errors} errors.");
        if (SubmissionsWithoutDraft > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{SubmissionsWithoutDraft} submissions were replaced by a case page: the staff member had no ready draft left.");
        }

        return text.ToString();
    }
}

/// <summary>Every timed request of the measured window, per action; the warm-up is not recorded.</summary>
public sealed class LatencyBook
{
    private readonly ConcurrentDictionary<StaffAction, ConcurrentQueue<(double Milliseconds, int Status)>> samples = new();

    public void Record(StaffAction action, double milliseconds, int status) =>
        samples.GetOrAdd(action, _ => new()).Enqueue((milliseconds, status));

    public IReadOnlyList<ActionFigures> Figures() =>
        Enum.GetValues<StaffAction>().Select(action =>
        {
            var all = samples.TryGetValue(action, out var queue) ? queue.ToArray() : [];
            var sorted = all.Select(s => s.Milliseconds).Order().ToArray();
            var failed = all.Where(s => s.Status is < 200 or > 299).GroupBy(s => s.Status).OrderBy(g => g.Key).ToList();
            var statuses = failed.Count == 0 ? string.Empty : " (" + string.Join(", ", failed.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()}× {(g.Key == 0 ? "no response" : g.Key)}"))) + ")";
            return new ActionFigures(action, all.Length, failed.Sum(g => g.Count()), Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], statuses);
        }).ToList();

    /// <summary>Nearest rank: the smallest sample with at least that share of samples at or below it.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
