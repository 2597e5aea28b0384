using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Domain.Cases;

/// <summary>A URL where the content appears. The content itself is never fetched or stored.</summary>
public sealed class Location : Entity
{
    private Location()
    {
        Url = string.Empty;
        UrlKey = string.Empty;
        Domain = string.Empty;
        History = [];
    }

    internal Location(NormalizedUrl url, Guid victimId, Guid? platformId, Guid depictionId, DateTime nowUtc)
        : this()
    {
        Id = Guid.NewGuid();
        VictimId = victimId;
        Url = url.Value;
        UrlKey = url.Key;
        Domain = DomainName.Registrable(url.Host);
        PlatformId = platformId;
        DepictionId = depictionId;
        AddedAtUtc = nowUtc;
        Status = LocationStatus.Live;
        History.Add(new LocationStatusChange(LocationStatus.Live, nowUtc, "Reported by staff"));
    }

    /// <summary>Whose content this is: the location is protected with that victim's key and erased with them.</summary>
    public Guid VictimId { get; private set; }

    public string Url { get; private set; }

    public string UrlKey { get; private set; }

    /// <summary>The registrable domain of the URL's host, the one part kept readable (platform matching, counts); the full URL is sealed.</summary>
    public string Domain { get; private set; }

    public Guid? PlatformId { get; private set; }

    public Guid DepictionId { get; private set; }

    public LocationStatus Status { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    /// <summary>A perceptual or cryptographic hash computed elsewhere (e.g. by a hash-matching service); never the image.</summary>
    public string? ContentHash { get; private set; }

    public List<LocationStatusChange> History { get; private set; }

    internal void ChangeStatus(LocationStatus status, string reason, DateTime nowUtc)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        History.Add(new LocationStatusChange(status, nowUtc, reason));
    }

    internal void MoveTo(Guid depictionId) => DepictionId = depictionId;

    internal void AssignPlatform(Guid? platformId) => PlatformId = platformId;

    internal void RecordContentHash(string hash) => ContentHash = hash.Trim();

    internal void ClearContentHash() => ContentHash = null;
}
