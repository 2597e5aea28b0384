using System.Diagnostics.Metrics;

namespace TakedownDesk.Application.Common;

/// <summary>
/// The app's own metrics, on the <c>System.Diagnostics.Metrics</c> meter "TakedownDesk": read by OpenTelemetry (the
/// Prometheus endpoint), <c>dotnet-counters monitor -n TakedownDesk.Web --counters TakedownDesk</c>, or a MeterListener.
/// Counts and durations only; never a name, address or URL.
/// </summary>
public static class TakedownDeskMetrics
{
    public const string MeterName = "TakedownDesk";

    /// <summary>How often the sweep refreshes the backlog gauges (they cost a few COUNT queries).</summary>
    public static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(15);

    public static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> EscalationLag = Meter.CreateHistogram<double>(
        "takedowndesk.escalation.lag", "s", "How late an escalation step was claimed after it fell due.");

    public static readonly Counter<long> EmailsFailed = Meter.CreateCounter<long>(
        "takedowndesk.emails.failed", "{email}", "Send attempts that did not end accepted (tag outcome: retry, rejected, unknown).");

    public static readonly Histogram<double> PdfRenderTime = Meter.CreateHistogram<double>(
        "takedowndesk.pdf.render.duration", "ms", "Time to print one PDF in Chromium, slot wait included.");

    public static readonly ObservableGauge<long> RequestsOverdue = Meter.CreateObservableGauge(
        "takedowndesk.requests.overdue", () => Volatile.Read(ref overdue), "{request}", "Submitted removal requests past their 48-hour deadline.");

    public static readonly ObservableGauge<long> OutboxDepth = Meter.CreateObservableGauge(
        "takedowndesk.outbox.depth", () => Volatile.Read(ref outboxDepth), "{email}", "E-mails waiting to be sent (pending or failed, not dead-lettered).");

    public static readonly ObservableGauge<double> OutboxAge = Meter.CreateObservableGauge(
        "takedowndesk.outbox.oldest.age", () => Volatile.Read(ref outboxOldestAgeSeconds), "s", "Age of the oldest e-mail waiting to be sent.");

    private static long overdue;
    private static long outboxDepth;
    private static double outboxOldestAgeSeconds;
    private static long lastBacklogRefreshTicks = DateTime.MinValue.Ticks;

    /// <summary>True (once per interval) when the backlog gauges should be recomputed.</summary>
    public static bool BacklogRefreshDue(DateTime nowUtc)
    {
        var last = Interlocked.Read(ref lastBacklogRefreshTicks);
        return Math.Abs(nowUtc.Ticks - last) >= BacklogRefreshInterval.Ticks
               && Interlocked.CompareExchange(ref lastBacklogRefreshTicks, nowUtc.Ticks, last) == last;
    }

    public static void SetBacklog(long overdueRequests, long outboxWaiting, TimeSpan oldestWaiting)
    {
        Volatile.Write(ref overdue, overdueRequests);
        Volatile.Write(ref outboxDepth, outboxWaiting);
        Volatile.Write(ref outboxOldestAgeSeconds, Math.Max(0, oldestWaiting.TotalSeconds));
    }
}
