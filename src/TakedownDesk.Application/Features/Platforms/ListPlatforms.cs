using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>The directory with each platform's record: requests sent, median time to removal, deadlines missed.</summary>
public sealed record ListPlatformsQuery : IQuery<IReadOnlyList<PlatformListItem>>;

public sealed record PlatformListItem(
    Guid Id,
    string Slug,
    string Name,
    PlatformKind Kind,
    Coverage Coverage,
    Verification Verification,
    DateOnly? LastCheckedOn,
    IReadOnlyList<ChannelKind> DesignatedChannels,
    PlatformRecord Record);

public sealed record PlatformRecord(int RequestsSent, TimeSpan? MedianTimeToRemoval, int DeadlinesMissed);

public sealed class ListPlatformsHandler(ITakedownDeskDb db) : IQueryHandler<ListPlatformsQuery, IReadOnlyList<PlatformListItem>>
{
    public async ValueTask<IReadOnlyList<PlatformListItem>> Handle(ListPlatformsQuery query, CancellationToken cancellationToken)
    {
        var platforms = await db.Platforms.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var sent = await db.RemovalRequests.AsNoTracking()
            .Where(r => r.Submission != null)
            .Select(r => new { r.PlatformId, r.Submission!.SubmittedAtUtc, r.Submission.RecordedReceiptAtUtc, r.ResolvedAtUtc, r.OverdueSinceUtc, r.Status })
            .ToListAsync(cancellationToken);
        var byPlatform = sent.ToLookup(r => r.PlatformId);

        return platforms.Select(p =>
        {
            var requests = byPlatform[p.Id].ToList();
            var removalTimes = requests
                .Where(r => r.Status == RequestStatus.Resolved && r.ResolvedAtUtc is not null)
                .Select(r => r.ResolvedAtUtc!.Value - (r.RecordedReceiptAtUtc ?? r.SubmittedAtUtc))
                .ToList();
            var record = new PlatformRecord(requests.Count, Median(removalTimes), requests.Count(r => r.OverdueSinceUtc is not null));
            return new PlatformListItem(p.Id, p.Slug, p.Name, p.Kind, p.Coverage, p.Verification, p.LastCheckedOn, p.DesignatedChannels.Select(c => c.Kind).ToList(), record);
        }).ToList();
    }

    private static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
