using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>One line of a case's chronological timeline, written in the same transaction as the change it records.</summary>
public sealed class TimelineEntry : Entity
{
    private TimelineEntry()
    {
        Kind = string.Empty;
        Summary = string.Empty;
        ActorId = string.Empty;
    }

    public TimelineEntry(CaseEvent caseEvent, string actorId)
    {
        Id = Guid.NewGuid();
        CaseId = caseEvent.CaseId;
        Kind = caseEvent.Kind;
        Summary = caseEvent.Summary;
        OccurredAtUtc = caseEvent.OccurredAtUtc;
        ActorId = actorId;
    }

    public Guid CaseId { get; private set; }

    public string Kind { get; private set; }

    public string Summary { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string ActorId { get; private set; }
}
