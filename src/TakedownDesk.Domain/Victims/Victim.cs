using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims.Rules;

namespace TakedownDesk.Domain.Victims;

/// <summary>
/// The person the organisation acts for. Staff work with the pseudonym day to day; the confidential
/// details are shown only when asked for.
/// </summary>
public sealed class Victim : AggregateRoot
{
    private readonly List<ContactChannel> contactChannels = [];
    private readonly List<Release> releases = [];

    private Victim()
    {
        Pseudonym = string.Empty;
        Details = ConfidentialDetails.None;
    }

    public Victim(string pseudonym, ConfidentialDetails details, bool mayHaveBeenMinorWhenDepicted, DateTime nowUtc)
    {
        CheckRule(new VictimNeedsAPseudonym(pseudonym));
        Id = Guid.NewGuid();
        Pseudonym = pseudonym.Trim();
        Details = details;
        MayHaveBeenMinorWhenDepicted = mayHaveBeenMinorWhenDepicted;
        CreatedAtUtc = Utc.Require(nowUtc);
    }

    public string Pseudonym { get; private set; }

    public ConfidentialDetails Details { get; private set; }

    /// <summary>If so, the case routes to NCMEC and no image data may be handled at all.</summary>
    public bool MayHaveBeenMinorWhenDepicted { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<ContactChannel> ContactChannels => contactChannels;

    public IReadOnlyList<Release> Releases => releases;

    public void UpdateDetails(ConfidentialDetails details) => Details = details;

    /// <summary>Staff correct the pseudonym when the person asks for another one (or the first one could identify them).</summary>
    public void Rename(string pseudonym)
    {
        CheckRule(new VictimNeedsAPseudonym(pseudonym));
        Pseudonym = pseudonym.Trim();
    }

    /// <summary>The ways to reach the person as they are now: the list replaces the old one, so a channel that became unsafe can be removed outright.</summary>
    public void ReplaceContactChannels(IReadOnlyList<ContactChannel> channels)
    {
        CheckRule(new ContactChannelsAreNotRepeated(channels));
        contactChannels.Clear();
        contactChannels.AddRange(channels);
    }

    public void FlagPossibleMinor() => MayHaveBeenMinorWhenDepicted = true;

    /// <summary>Set after intake like at intake; never cleared, because the gate may already have blocked what it exists to block.</summary>
    public void MarkPossibleMinor(bool possibleMinor)
    {
        CheckRule(new PossibleMinorFlagCannotBeCleared(MayHaveBeenMinorWhenDepicted && !possibleMinor));
        MayHaveBeenMinorWhenDepicted |= possibleMinor;
    }

    public ContactChannel AddContactChannel(ContactChannelKind kind, string value, bool safeToContact, string? safetyNote)
    {
        var channel = NewContactChannel(kind, value, safeToContact, safetyNote);
        CheckRule(new ContactChannelsAreNotRepeated([.. contactChannels, channel]));
        contactChannels.Add(channel);
        return channel;
    }

    public static ContactChannel NewContactChannel(ContactChannelKind kind, string value, bool safeToContact, string? safetyNote)
    {
        CheckRule(new ContactChannelNeedsAValue(value));
        return new ContactChannel(kind, value, safeToContact, safetyNote);
    }

    public Release RecordRelease(
        string signedBy,
        SignerCapacity capacity,
        SignatureMethod method,
        DateTime signedAtUtc,
        DateTime expiresAtUtc,
        ReleaseScope scope,
        DateTime nowUtc)
    {
        var release = new Release(signedBy, capacity, method, signedAtUtc, expiresAtUtc, scope, nowUtc);
        releases.Add(release);
        return release;
    }

    public Release RevokeRelease(Guid releaseId, string? reason, DateTime nowUtc)
    {
        var release = FindRelease(releaseId);
        release.Revoke(reason, nowUtc);
        return release;
    }

    public Release FindRelease(Guid releaseId) =>
        releases.Find(r => r.Id == releaseId)
        ?? throw new BusinessRuleViolationException(new ReleaseMustBelongToTheVictim());

    /// <summary>The release that lets staff disclose to this platform now, if any.</summary>
    public Release? ReleaseCovering(Guid platformId, DateTime instantUtc) =>
        releases.Where(r => r.Covers(platformId, instantUtc)).MaxBy(r => r.ExpiresAtUtc);
}
