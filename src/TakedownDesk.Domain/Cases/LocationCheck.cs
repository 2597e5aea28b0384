using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>
/// One automatic check of a location, kept as evidence: the status code, where the redirects ended (sealed with the
/// victim's key, like the location's URL) and when. Nothing of the page itself is kept.
/// </summary>
public sealed class LocationCheck : Entity
{
    private LocationCheck()
    {
    }

    public LocationCheck(Location location, Guid caseId, LocationCheckAnswer answer, int? statusCode, string? finalUrl, DateTime checkedAtUtc)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        LocationId = location.Id;
        VictimId = location.VictimId;
        Answer = answer;
        StatusCode = statusCode;
        FinalUrl = string.IsNullOrEmpty(finalUrl) ? null : finalUrl;
        CheckedAtUtc = Utc.Require(checkedAtUtc);
    }

    public Guid CaseId { get; private set; }

    public Guid LocationId { get; private set; }

    /// <summary>Whose data the final URL is: sealed with that victim's key and erased with them.</summary>
    public Guid VictimId { get; private set; }

    public LocationCheckAnswer Answer { get; private set; }

    /// <summary>The last HTTP status code; null when no answer came (timeout, refused, blocked address).</summary>
    public int? StatusCode { get; private set; }

    /// <summary>The address the last answer came from after following redirects; null when nothing answered.</summary>
    public string? FinalUrl { get; private set; }

    public DateTime CheckedAtUtc { get; private set; }
}
