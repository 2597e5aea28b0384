using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>One line of a case's chronological timeline, written in the same transaction as the change it records.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Kind = string.Empty;
        Summary = string.Empty;
        ActorId = string.Empty;
    }

    public TimelineEntry(CaseEvent caseEvent, string actorId)
    {
        CaseId = caseEvent.CaseId;
        Kind = caseEvent.Kind;
        Summary = caseEvent.Summary;
        OccurredAtUtc = caseEvent.OccurredAtUtc;
        ActorId = actorId;
    }

    /// <summary>Assigned by the database in insertion order, so entries written at the same instant keep their order.</summary>
    public long Sequence { get; private set; }

    public Guid CaseId { get; private set; }

    public string Kind { get; private set; }

    public string Summary { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string ActorId { get; private set; }
}
