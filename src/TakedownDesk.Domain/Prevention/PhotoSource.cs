using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Prevention.Rules;

namespace TakedownDesk.Domain.Prevention;

/// <summary>
/// One entry of a victim's prevention plan: a public profile or photo source (platform and address, never a photo)
/// that could feed a model. Both fields can name the victim, so both are sealed with the victim's key.
/// </summary>
public sealed class PhotoSource : Entity
{
    public const int MaxPlatformLength = 100;

    private PhotoSource()
    {
        Platform = string.Empty;
        Url = string.Empty;
        RecordedBy = string.Empty;
    }

    private PhotoSource(Case @case, string platform, NormalizedUrl url, string recordedBy, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        VictimId = @case.VictimId;
        CaseId = @case.Id;
        Platform = platform.Trim();
        Url = url.Value;
        RecordedBy = recordedBy;
        RecordedAtUtc = Utc.Require(nowUtc);
        StatusChangedAtUtc = RecordedAtUtc;
    }

    public Guid VictimId { get; private set; }

    /// <summary>The case it was recorded from; the plan belongs to the victim and is shown on each of their cases.</summary>
    public Guid CaseId { get; private set; }

    public string Platform { get; private set; }

    public string Url { get; private set; }

    public PhotoSourceStatus Status { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public DateTime StatusChangedAtUtc { get; private set; }

    public static PhotoSource Record(Case @case, string platform, string url, string recordedBy, DateTime nowUtc)
    {
        CheckRule(new PhotoSourceNeedsItsPlatform(platform));
        NormalizedUrl.TryCreate(url, out var normalized, out var error);
        CheckRule(new PhotoSourceNeedsAWebAddress(error));
        return new PhotoSource(@case, platform, normalized!, recordedBy, nowUtc);
    }

    public void ChangeStatus(PhotoSourceStatus status, DateTime nowUtc)
    {
        CheckRule(new PhotoSourceStatusMustBeKnown(status));
        if (status == Status)
        {
            return;
        }

        Status = status;
        StatusChangedAtUtc = Utc.Require(nowUtc);
    }
}
