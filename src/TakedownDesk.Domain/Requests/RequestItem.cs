using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Requests;

/// <summary>One location a request covers, with what the platform did about it.</summary>
public sealed class RequestItem : Entity
{
    private RequestItem()
    {
    }

    internal RequestItem(Guid locationId, Guid depictionId)
    {
        Id = Guid.NewGuid();
        LocationId = locationId;
        DepictionId = depictionId;
        Outcome = LocationOutcome.Pending;
    }

    public Guid LocationId { get; private set; }

    public Guid DepictionId { get; private set; }

    public LocationOutcome Outcome { get; private set; }

    public DateTime? OutcomeAtUtc { get; private set; }

    /// <summary>The first automatic check that found the location still online after the request's deadline: evidence for follow-ups and the FTC.</summary>
    public DateTime? OnlineAfterDeadlineFirstAtUtc { get; private set; }

    /// <summary>The latest such check.</summary>
    public DateTime? OnlineAfterDeadlineLastAtUtc { get; private set; }

    /// <summary>When the location, once removed, was found online again.</summary>
    public DateTime? ReappearedAtUtc { get; private set; }

    /// <summary>True the first time, so the timeline records it once while every check stays in the check history.</summary>
    internal bool NoteOnlineAfterDeadline(DateTime checkedAtUtc)
    {
        var first = OnlineAfterDeadlineFirstAtUtc is null;
        OnlineAfterDeadlineFirstAtUtc ??= checkedAtUtc;
        OnlineAfterDeadlineLastAtUtc = checkedAtUtc;
        return first;
    }

    internal void NoteReappeared(DateTime checkedAtUtc) => ReappearedAtUtc = checkedAtUtc;

    internal void Record(LocationOutcome outcome, DateTime atUtc)
    {
        Outcome = outcome;
        OutcomeAtUtc = atUtc;
    }
}
