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

    internal void Record(LocationOutcome outcome, DateTime atUtc)
    {
        Outcome = outcome;
        OutcomeAtUtc = atUtc;
    }
}
