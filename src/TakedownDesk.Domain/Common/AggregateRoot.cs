namespace TakedownDesk.Domain.Common;

/// <summary>
/// A consistency boundary. Its <see cref="ConcurrencyStamp"/> changes on every save so that two staff
/// members editing the same aggregate cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<CaseEvent> caseEvents = [];

    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<CaseEvent> PendingCaseEvents => caseEvents;

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public void ClearCaseEvents() => caseEvents.Clear();

    protected void Record(Guid caseId, string kind, string summary, DateTime occurredAtUtc) =>
        caseEvents.Add(new CaseEvent(caseId, kind, summary, occurredAtUtc));
}
