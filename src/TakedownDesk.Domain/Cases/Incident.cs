using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

public sealed class Incident : Entity
{
    private Incident()
    {
        Description = string.Empty;
    }

    internal Incident(IncidentKind kind, DateTime discoveredAtUtc, string description, DateTime nowUtc, ModelOnHub? model = null, Location? modelPage = null)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        DiscoveredAtUtc = Utc.Require(discoveredAtUtc);
        Description = description.Trim();
        RecordedAtUtc = nowUtc;
        Model = model;
        ModelDepictionId = modelPage?.DepictionId;
        ModelPageLocationId = modelPage?.Id;
    }

    public IncidentKind Kind { get; private set; }

    public DateTime DiscoveredAtUtc { get; private set; }

    public string Description { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Only for <see cref="IncidentKind.PersonSpecificModel"/>: which model.</summary>
    public ModelOnHub? Model { get; private set; }

    /// <summary>Only for <see cref="IncidentKind.PersonSpecificModel"/>: the depiction whose locations are the model's page on its hub and its mirrors.</summary>
    public Guid? ModelDepictionId { get; private set; }

    /// <summary>Only for <see cref="IncidentKind.PersonSpecificModel"/>: the model's page on the hub where it was found; its depiction's other locations are mirrors.</summary>
    public Guid? ModelPageLocationId { get; private set; }
}
