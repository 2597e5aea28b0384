using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Retention;

/// <summary>
/// Erases every victim whose cases have all been closed for longer than the retention period and none of which is on
/// legal hold. Meant to run on a schedule; running it twice erases nothing twice.
/// </summary>
public sealed record PurgeExpiredCasesCommand : ICommand<PurgeResult>;

public sealed record PurgeResult(int VictimsErased, int CasesErased);

public sealed partial class PurgeExpiredCasesHandler(
    ITakedownDeskDb db,
    IVictimKeys keys,
    ICurrentStaff staff,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<PurgeExpiredCasesHandler> logger)
    : ICommandHandler<PurgeExpiredCasesCommand, PurgeResult>
{
    public async ValueTask<PurgeResult> Handle(PurgeExpiredCasesCommand command, CancellationToken cancellationToken)
    {
        if (!staff.SeesAllCases)
        {
            throw new NotFoundException("Retention purge is not available to this account.");
        }

        var now = time.UtcNow();
        var cutoff = now.AddDays(-options.Value.ClosedCaseDays);
        var cases = await db.Cases.AsNoTracking()
            .Select(c => new { c.VictimId, c.Status, c.ClosedAtUtc, c.LegalHold })
            .ToListAsync(cancellationToken);
        var expired = cases.GroupBy(c => c.VictimId)
            .Where(g => g.All(c => c.Status == CaseStatus.Closed && c.ClosedAtUtc <= cutoff && !c.LegalHold))
            .Select(g => g.Key)
            .ToList();

        var caseCount = 0;
        foreach (var victimId in expired)
        {
            var record = await VictimErasure.EraseAsync(db, keys, victimId, ErasureReason.RetentionExpired, staff.Id, now, cancellationToken);
            caseCount += record.Cases;
        }

        LogPurged(expired.Count, caseCount);
        return new PurgeResult(expired.Count, caseCount);
    }

    [LoggerMessage(EventId = LogEvents.RetentionPurged, Level = LogLevel.Information, Message = "Retention purge erased {Victims} victim(s) with {Cases} case(s)")]
    private partial void LogPurged(int victims, int cases);
}
