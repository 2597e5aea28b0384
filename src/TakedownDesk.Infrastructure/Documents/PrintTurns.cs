using System.Threading.RateLimiting;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>A concurrency limiter per staff member, in memory: with several instances each allows as much.</summary>
public sealed class PrintTurns : IPrintTurns, IDisposable
{
    public const int InProgressPerStaff = 2;
    public const int WaitingPerStaff = PrinterBusyException.MaximumPerStaff - InProgressPerStaff;

    private readonly PartitionedRateLimiter<string> perStaff = PartitionedRateLimiter.Create<string, string>(staffId =>
        RateLimitPartition.GetConcurrencyLimiter(
            staffId,
            _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = InProgressPerStaff,
                QueueLimit = WaitingPerStaff,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

    public async ValueTask<IDisposable> TakeAsync(string staffId, CancellationToken cancellationToken)
    {
        var lease = await perStaff.AcquireAsync(staffId, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new PrinterBusyException();
        }

        return lease;
    }

    /// <summary>How many of the staff member's commands are waiting for a turn (for tests and diagnostics).</summary>
    public long WaitingFor(string staffId) => perStaff.GetStatistics(staffId)?.CurrentQueuedCount ?? 0;

    public void Dispose() => perStaff.Dispose();
}
