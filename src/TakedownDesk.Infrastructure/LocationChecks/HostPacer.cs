namespace TakedownDesk.Infrastructure.LocationChecks;

/// <summary>The per-host rate limit: one request to a host per interval, across every check of this process.</summary>
public sealed class HostPacer(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> nextAllowed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>Waits until the host may be asked again, having booked the following slot, so concurrent checks queue behind each other.</summary>
    public async Task WaitTurnAsync(string host, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (gate)
        {
            slot = nextAllowed.TryGetValue(host, out var next) && next > now ? next : now;
            nextAllowed[host] = slot + interval;
            if (nextAllowed.Count > 10_000)
            {
                // Hosts whose slot has passed need no memory; this keeps the table small.
                foreach (var stale in nextAllowed.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    nextAllowed.Remove(stale);
                }
            }
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken);
        }
    }
}
