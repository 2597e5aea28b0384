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
        Status = LocationStatus.Unknown;
        History.Add(new LocationStatusChange(LocationStatus.Unknown, nowUtc, "Reported by staff"));
        NextCheckAtUtc = nowUtc;
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

    /// <summary>When the automatic check is due next (checks may be off for the case; then it is not run).</summary>
    public DateTime? NextCheckAtUtc { get; private set; }

    public DateTime? LastCheckedAtUtc { get; private set; }

    public LocationCheckAnswer? LastCheckAnswer { get; private set; }

    public int? LastCheckStatusCode { get; private set; }

    /// <summary>404/410 answers in a row; <see cref="RemovalHolds.GoneAnswersToConfirm"/> of them confirm a removal.</summary>
    public int ConsecutiveGoneAnswers { get; private set; }

    /// <summary>When a confirmed removal last came back online.</summary>
    public DateTime? ReappearedAtUtc { get; private set; }

    internal void ChangeStatus(LocationStatus status, string reason, DateTime nowUtc)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        History.Add(new LocationStatusChange(status, nowUtc, reason));
    }

    /// <summary>Applies one check's answer: a removal is confirmed only by consecutive 404/410 answers, and a confirmed removal that answers again reappeared.</summary>
    internal LocationCheckOutcome ApplyCheck(LocationCheckAnswer answer, int? statusCode, DateTime checkedAtUtc, LocationCheckSchedule schedule)
    {
        LastCheckedAtUtc = checkedAtUtc;
        LastCheckAnswer = answer;
        LastCheckStatusCode = statusCode;
        ConsecutiveGoneAnswers = answer == LocationCheckAnswer.Gone ? ConsecutiveGoneAnswers + 1 : 0;
        var outcome = LocationCheckOutcome.NoChange;
        if (answer == LocationCheckAnswer.Online)
        {
            outcome = Status == LocationStatus.Removed ? LocationCheckOutcome.Reappeared : Status == LocationStatus.Unknown ? LocationCheckOutcome.FoundOnline : LocationCheckOutcome.NoChange;
            if (outcome == LocationCheckOutcome.Reappeared)
            {
                ReappearedAtUtc = checkedAtUtc;
            }

            ChangeStatus(LocationStatus.Live, outcome == LocationCheckOutcome.Reappeared ? "Online again at a weekly check" : "Online at an automatic check", checkedAtUtc);
        }
        else if (answer == LocationCheckAnswer.Gone && ConsecutiveGoneAnswers >= RemovalHolds.GoneAnswersToConfirm && Status != LocationStatus.Removed)
        {
            ChangeStatus(LocationStatus.Removed, $"Removal confirmed: {RemovalHolds.GoneAnswersToConfirm} checks in a row answered 404/410", checkedAtUtc);
            outcome = LocationCheckOutcome.RemovalConfirmed;
        }

        NextCheckAtUtc = checkedAtUtc + (answer switch
        {
            LocationCheckAnswer.Gone when Status == LocationStatus.Removed => schedule.WhileRemoved,
            LocationCheckAnswer.Gone => schedule.ToConfirm,
            LocationCheckAnswer.Online => schedule.WhileLive,
            _ => Status == LocationStatus.Removed ? schedule.WhileRemoved : schedule.AfterInconclusive,
        });
        return outcome;
    }

    internal void MoveTo(Guid depictionId) => DepictionId = depictionId;

    internal void AssignPlatform(Guid? platformId) => PlatformId = platformId;

    internal void RecordContentHash(string hash) => ContentHash = hash.Trim();

    internal void ClearContentHash() => ContentHash = null;
}
