using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Platforms.Rules;
using P = TakedownDesk.UnitTests.Builders.Platforms;
using Rule = TakedownDesk.UnitTests.Builders.Rule;

namespace TakedownDesk.UnitTests.Platforms;

public class PlatformTests
{
    [Fact]
    public void A_platform_keeps_a_clean_profile()
    {
        var platform = P.Create("example", P.Profile(name: "  Example  ", domains: ["WWW.Example.com", "example.com", "cdn.example.com."]));

        Assert.Equal("example", platform.Slug);
        Assert.Equal("Example", platform.Name);
        Assert.Equal(["example.com", "cdn.example.com"], platform.Domains);
        Assert.Equal(["Legal name", "Country"], platform.AsksFor);
        Assert.Null(platform.Notes);
        Assert.Equal(Verification.Verified, platform.Verification);
        Assert.Equal(new DateOnly(2026, 11, 1), platform.LastCheckedOn);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("hugging-face")]
    [InlineData("4chan")]
    [InlineData("ftc-take-it-down")]
    public void Kebab_case_slugs_are_accepted(string slug)
    {
        Assert.Equal(slug, P.Create(slug).Slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hugging-Face")]
    [InlineData("hugging_face")]
    [InlineData("hugging face")]
    [InlineData("-x")]
    [InlineData("x-")]
    [InlineData("a--b")]
    [InlineData("example.com")]
    public void Other_slugs_are_refused(string slug)
    {
        Rule.Broken(nameof(PlatformSlugMustBeKebabCase), () => P.Create(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_platform_needs_a_name(string name)
    {
        Rule.Broken(nameof(PlatformNeedsAName), () => P.Create(profile: P.Profile(name: name)));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("not a domain.com")]
    [InlineData("https://example.com/")]
    [InlineData("")]
    [InlineData("   ")]
    public void Domains_must_be_host_names(string domain)
    {
        Rule.Broken(nameof(PlatformDomainsMustBeHostNames), () => P.Create(profile: P.Profile(domains: ["example.com", domain])));
    }

    [Fact]
    public void An_excluded_platform_needs_a_reason()
    {
        Rule.Broken(nameof(ExcludedPlatformNeedsAReason), () => P.Create(profile: P.Profile(coverage: Coverage.Excluded, coverageNote: " ")));

        var excluded = P.Create(profile: P.Profile(coverage: Coverage.Excluded, coverageNote: " E-mail service "));
        Assert.Equal(Coverage.Excluded, excluded.Coverage);
        Assert.Equal("E-mail service", excluded.CoverageNote);
    }

    [Fact]
    public void Several_designated_channels_are_kept_because_a_platform_may_run_more_than_one_process()
    {
        var inApp = P.WebForm() with { Kind = ChannelKind.InApp, Target = null };
        var webForm = P.WebForm();
        var platform = P.Create(profile: P.Profile(channels: [inApp, P.WebForm(designated: false) with { Kind = ChannelKind.Email }, webForm]));
        var none = P.Create(profile: P.Profile(channels: [P.WebForm(designated: false)]));

        Assert.Equal([inApp, webForm], platform.DesignatedChannels);
        Assert.Empty(none.DesignatedChannels);
    }

    [Fact]
    public void An_edit_applies_the_profile_and_marks_the_entry_unverified()
    {
        var platform = P.Create();

        platform.Edit(P.Profile(name: "Example Social", domains: ["example.social"]));

        Assert.Equal("Example Social", platform.Name);
        Assert.Equal(["example.social"], platform.Domains);
        Assert.Equal(Verification.Unverified, platform.Verification);
        Assert.Equal(new DateOnly(2026, 11, 1), platform.LastCheckedOn);
    }

    [Fact]
    public void An_invalid_edit_is_refused_and_changes_nothing()
    {
        var platform = P.Create();

        Rule.Broken(nameof(PlatformDomainsMustBeHostNames), () => platform.Edit(P.Profile(name: "Renamed", domains: ["localhost"])));

        Assert.Equal("Example", platform.Name);
        Assert.Equal(["example.com"], platform.Domains);
        Assert.Equal(Verification.Verified, platform.Verification);
    }

    [Fact]
    public void MarkVerified_sets_the_check_date_and_source()
    {
        var platform = P.Create();
        platform.Edit(platform.Profile);

        platform.MarkVerified(new DateOnly(2026, 11, 19), "  https://example.com/help/take-it-down ");

        Assert.Equal(Verification.Verified, platform.Verification);
        Assert.Equal(new DateOnly(2026, 11, 19), platform.LastCheckedOn);
        Assert.Equal("https://example.com/help/take-it-down", platform.Source);
    }

    [Fact]
    public void MarkVerified_without_a_source_keeps_the_old_one()
    {
        var platform = P.Create();

        platform.MarkVerified(new DateOnly(2026, 11, 19), " ");

        Assert.Equal("https://example.com/help/ncii", platform.Source);
        Assert.Equal(new DateOnly(2026, 11, 19), platform.LastCheckedOn);
    }

    [Fact]
    public void An_import_takes_the_verification_from_the_file()
    {
        var platform = P.Create();

        platform.Import(P.Profile(name: "Imported"), Verification.Unverified, null);

        Assert.Equal("Imported", platform.Name);
        Assert.Equal(Verification.Unverified, platform.Verification);
        Assert.Null(platform.LastCheckedOn);
    }
}
