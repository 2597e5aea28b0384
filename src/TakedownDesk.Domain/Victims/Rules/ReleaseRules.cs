using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Victims.Rules;

public sealed class ReleaseMustBeSignedByANamedPerson(string signedBy) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(signedBy);

    public string Message => "A release must name the person who signed it.";
}

public sealed class ReleaseCannotBeSignedInTheFuture(DateTime signedAtUtc, DateTime nowUtc) : IBusinessRule
{
    public bool IsBroken() => signedAtUtc > nowUtc;

    public string Message => "A release cannot be recorded as signed in the future.";
}

/// <summary>Consent under VAWA/FVPSA/VOCA must be reasonably time-limited: it expires, and not years away.</summary>
public sealed class ReleaseMustBeTimeLimited(DateTime signedAtUtc, DateTime expiresAtUtc) : IBusinessRule
{
    public static readonly TimeSpan LongestTerm = TimeSpan.FromDays(366);

    public bool IsBroken() => expiresAtUtc <= signedAtUtc || expiresAtUtc - signedAtUtc > LongestTerm;

    public string Message => "A release must expire after it is signed and within one year of signing.";
}

public sealed class ReleaseMustNameWhatMayBeDisclosed(ReleaseScope scope) : IBusinessRule
{
    public bool IsBroken() => scope.Disclosable == DisclosableDetails.None || (!scope.AllPlatforms && scope.PlatformIds.Count == 0);

    public string Message => "A release must name what may be disclosed and to which platforms (or to all).";
}

/// <summary>A release limited to platforms names them from the directory; an unknown id would be a platform no request can reach.</summary>
public sealed class ReleaseNamesDirectoryPlatforms(int named, int inDirectory) : IBusinessRule
{
    public bool IsBroken() => inDirectory < named;

    public string Message => "The release names a platform that is not in the platform directory; choose the platforms from the directory.";
}

public sealed class RevokedReleaseCannotBeRevokedAgain(DateTime? revokedAtUtc) : IBusinessRule
{
    public bool IsBroken() => revokedAtUtc is not null;

    public string Message => "This release has already been revoked.";
}
