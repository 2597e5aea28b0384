namespace TakedownDesk.Domain.Common;

/// <summary>
/// A consistency boundary. Its <see cref="ConcurrencyStamp"/> changes on every save so that two staff
/// members editing the same aggregate cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<CaseEvent> caseEvents = [];
    private readonly List<IDomainFact> facts = [];

    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<CaseEvent> PendingCaseEvents => caseEvents;

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public IReadOnlyList<IDomainFact> PendingFacts => facts;

    public void ClearCaseEvents() => caseEvents.Clear();

    public void ClearFacts() => facts.Clear();

    protected void Raise(IDomainFact fact) => facts.Add(fact);

    protected void Record(Guid caseId, string kind, string summary, DateTime occurredAtUtc) =>
        caseEvents.Add(new CaseEvent(caseId, kind, summary, occurredAtUtc));
}
