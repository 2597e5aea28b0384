using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

public sealed class Incident : Entity
{
    private Incident()
    {
        Description = string.Empty;
    }

    internal Incident(IncidentKind kind, DateTime discoveredAtUtc, string description, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        DiscoveredAtUtc = Utc.Require(discoveredAtUtc);
        Description = description.Trim();
        RecordedAtUtc = nowUtc;
    }

    public IncidentKind Kind { get; private set; }

    public DateTime DiscoveredAtUtc { get; private set; }

    public string Description { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
}
