using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims.Rules;

namespace TakedownDesk.Domain.Victims;

/// <summary>
/// The victim's written, time-limited consent for the organisation to act for them and to disclose
/// named details to named platforms. No release covering a platform, no request to that platform.
/// </summary>
public sealed class Release : Entity
{
    private Release()
    {
        SignedBy = string.Empty;
        Scope = ReleaseScope.ForAllPlatforms(DisclosableDetails.None);
    }

    internal Release(
        string signedBy,
        SignerCapacity capacity,
        SignatureMethod method,
        DateTime signedAtUtc,
        DateTime expiresAtUtc,
        ReleaseScope scope,
        DateTime nowUtc)
    {
        CheckRule(new ReleaseMustBeSignedByANamedPerson(signedBy));
        CheckRule(new ReleaseCannotBeSignedInTheFuture(signedAtUtc, nowUtc));
        CheckRule(new ReleaseMustBeTimeLimited(signedAtUtc, expiresAtUtc));
        CheckRule(new ReleaseMustNameWhatMayBeDisclosed(scope));

        Id = Guid.NewGuid();
        SignedBy = signedBy.Trim();
        Capacity = capacity;
        Method = method;
        SignedAtUtc = Utc.Require(signedAtUtc);
        ExpiresAtUtc = Utc.Require(expiresAtUtc);
        Scope = scope;
        RecordedAtUtc = nowUtc;
    }

    public string SignedBy { get; private set; }

    public SignerCapacity Capacity { get; private set; }

    public SignatureMethod Method { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public ReleaseScope Scope { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsInForceAt(DateTime instantUtc) =>
        SignedAtUtc <= instantUtc && instantUtc < ExpiresAtUtc && (RevokedAtUtc is null || instantUtc < RevokedAtUtc);

    public bool Covers(Guid platformId, DateTime instantUtc) => IsInForceAt(instantUtc) && Scope.Names(platformId);

    internal void Revoke(string? reason, DateTime nowUtc)
    {
        CheckRule(new RevokedReleaseCannotBeRevokedAgain(RevokedAtUtc));
        RevokedAtUtc = nowUtc;
        RevocationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
