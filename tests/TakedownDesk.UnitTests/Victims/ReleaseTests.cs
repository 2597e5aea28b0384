using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Victims;

public class ReleaseTests
{
    private const DisclosableDetails NameAndEmail = DisclosableDetails.LegalName | DisclosableDetails.Email;

    private readonly FakeTimeProvider time = new(Scenario.Start);
    private readonly Guid platform = Guid.NewGuid();
    private readonly Guid otherPlatform = Guid.NewGuid();
    private readonly Victim victim;

    public ReleaseTests() => victim = new Victim(Scenario.Pseudonym, ConfidentialDetails.None, false, Now);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Release Record(DateTime signed, DateTime expires, ReleaseScope? scope = null, string signedBy = "Sparrow Seven") =>
        victim.RecordRelease(signedBy, SignerCapacity.Victim, SignatureMethod.WetInk, signed, expires,
            scope ?? ReleaseScope.ForPlatforms([platform], NameAndEmail), Now);

    [Fact]
    public void A_release_is_in_force_from_signing_until_just_before_it_expires()
    {
        var signed = Now.AddDays(-1);
        var expires = Now.AddDays(30);
        var release = Record(signed, expires);

        Assert.False(release.IsInForceAt(signed.AddTicks(-1)));
        Assert.True(release.IsInForceAt(signed));
        Assert.True(release.IsInForceAt(expires.AddTicks(-1)));
        Assert.False(release.IsInForceAt(expires));
    }

    [Fact]
    public void A_revoked_release_is_no_longer_in_force()
    {
        var release = Record(Now.AddDays(-1), Now.AddDays(30));
        time.Advance(TimeSpan.FromHours(2));

        victim.RevokeRelease(release.Id, "  Changed her mind ", Now);

        Assert.False(release.IsInForceAt(Now));
        Assert.False(release.Covers(platform, Now));
        Assert.Equal(Now, release.RevokedAtUtc);
        Assert.Equal("Changed her mind", release.RevocationReason);
    }

    [Fact]
    public void Revoking_twice_is_refused()
    {
        var release = Record(Now.AddDays(-1), Now.AddDays(30));
        victim.RevokeRelease(release.Id, null, Now);
        var firstRevocation = release.RevokedAtUtc;
        time.Advance(TimeSpan.FromHours(1));

        Rule.Broken(nameof(RevokedReleaseCannotBeRevokedAgain), () => victim.RevokeRelease(release.Id, "again", Now));
        Assert.Equal(firstRevocation, release.RevokedAtUtc);
        Assert.Null(release.RevocationReason);
    }

    [Fact]
    public void Revoking_a_release_of_another_victim_is_refused()
    {
        Rule.Broken(nameof(ReleaseMustBelongToTheVictim), () => victim.RevokeRelease(Guid.NewGuid(), null, Now));
    }

    [Fact]
    public void A_release_covers_only_the_platforms_it_names()
    {
        var release = Record(Now.AddDays(-1), Now.AddDays(30), ReleaseScope.ForPlatforms([platform, platform], NameAndEmail));

        Assert.True(release.Covers(platform, Now));
        Assert.False(release.Covers(otherPlatform, Now));
        Assert.Single(release.Scope.PlatformIds);
    }

    [Fact]
    public void An_all_platforms_release_covers_any_platform_while_in_force()
    {
        var release = Record(Now.AddDays(-1), Now.AddDays(30), ReleaseScope.ForAllPlatforms(DisclosableDetails.Signature));

        Assert.True(release.Covers(platform, Now));
        Assert.True(release.Covers(otherPlatform, Now));
        Assert.False(release.Covers(otherPlatform, Now.AddDays(30)));
    }

    [Fact]
    public void A_release_must_expire_after_it_is_signed()
    {
        Rule.Broken(nameof(ReleaseMustBeTimeLimited), () => Record(Now, Now));
        Rule.Broken(nameof(ReleaseMustBeTimeLimited), () => Record(Now, Now.AddDays(-1)));
        Assert.Empty(victim.Releases);
    }

    [Fact]
    public void A_release_may_last_366_days_and_no_longer()
    {
        var signed = Now.AddDays(-1);

        var longest = Record(signed, signed + ReleaseMustBeTimeLimited.LongestTerm);
        Rule.Broken(nameof(ReleaseMustBeTimeLimited), () => Record(signed, signed + ReleaseMustBeTimeLimited.LongestTerm + TimeSpan.FromTicks(1)));

        Assert.Equal(TimeSpan.FromDays(366), ReleaseMustBeTimeLimited.LongestTerm);
        Assert.Equal(signed.AddDays(366), longest.ExpiresAtUtc);
    }

    [Fact]
    public void A_release_signed_in_the_future_is_refused()
    {
        Rule.Broken(nameof(ReleaseCannotBeSignedInTheFuture), () => Record(Now.AddTicks(1), Now.AddDays(30)));

        var signedNow = Record(Now, Now.AddDays(30));
        Assert.Equal(Now, signedNow.SignedAtUtc);
        Assert.Equal(Now, signedNow.RecordedAtUtc);
    }

    [Fact]
    public void A_release_must_name_what_may_be_disclosed()
    {
        Rule.Broken(nameof(ReleaseMustNameWhatMayBeDisclosed), () =>
            Record(Now, Now.AddDays(30), ReleaseScope.ForPlatforms([platform], DisclosableDetails.None)));
        Rule.Broken(nameof(ReleaseMustNameWhatMayBeDisclosed), () =>
            Record(Now, Now.AddDays(30), ReleaseScope.ForAllPlatforms(DisclosableDetails.None)));
    }

    [Fact]
    public void A_release_must_name_platforms_or_all()
    {
        Rule.Broken(nameof(ReleaseMustNameWhatMayBeDisclosed), () =>
            Record(Now, Now.AddDays(30), ReleaseScope.ForPlatforms([], NameAndEmail)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_release_must_name_its_signer(string signedBy)
    {
        Rule.Broken(nameof(ReleaseMustBeSignedByANamedPerson), () => Record(Now, Now.AddDays(30), signedBy: signedBy));
    }

    [Fact]
    public void ReleaseCovering_picks_the_release_in_force_for_that_platform()
    {
        var expired = Record(Now.AddDays(-40), Now.AddDays(-1));
        var otherOnly = Record(Now.AddDays(-1), Now.AddDays(200), ReleaseScope.ForPlatforms([otherPlatform], NameAndEmail));
        var revoked = Record(Now.AddDays(-1), Now.AddDays(300));
        victim.RevokeRelease(revoked.Id, null, Now);
        var covering = Record(Now.AddDays(-1), Now.AddDays(30));

        Assert.Equal(covering.Id, victim.ReleaseCovering(platform, Now)?.Id);
        Assert.Equal(otherOnly.Id, victim.ReleaseCovering(otherPlatform, Now)?.Id);
        Assert.Equal(expired.Id, victim.ReleaseCovering(platform, Now.AddDays(-2))?.Id);
    }

    [Fact]
    public void ReleaseCovering_prefers_the_release_that_lasts_longest()
    {
        Record(Now.AddDays(-1), Now.AddDays(30));
        var longer = Record(Now.AddDays(-1), Now.AddDays(90), ReleaseScope.ForAllPlatforms(NameAndEmail));

        Assert.Equal(longer.Id, victim.ReleaseCovering(platform, Now)?.Id);
    }

    [Fact]
    public void ReleaseCovering_is_null_when_nothing_covers_the_platform()
    {
        Record(Now.AddDays(-1), Now.AddDays(30), ReleaseScope.ForPlatforms([otherPlatform], NameAndEmail));

        Assert.Null(victim.ReleaseCovering(platform, Now));
        Assert.Null(victim.ReleaseCovering(otherPlatform, Now.AddDays(31)));
    }
}
