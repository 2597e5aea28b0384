namespace TakedownDesk.Domain.Victims;

/// <summary>Which platforms a release lets staff contact, and which details it lets them disclose.</summary>
public sealed record ReleaseScope(bool AllPlatforms, IReadOnlyList<Guid> PlatformIds, DisclosableDetails Disclosable)
{
    public static ReleaseScope ForAllPlatforms(DisclosableDetails disclosable) => new(true, [], disclosable);

    public static ReleaseScope ForPlatforms(IEnumerable<Guid> platformIds, DisclosableDetails disclosable) =>
        new(false, platformIds.Distinct().ToList(), disclosable);

    public bool Names(Guid platformId) => AllPlatforms || PlatformIds.Contains(platformId);
}
