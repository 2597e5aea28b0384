using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Prevention.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Prevention;

public class PhotoSourceTests
{
    private readonly Scenario s = new();

    [Fact]
    public void A_source_belongs_to_the_victim_starts_to_review_and_keeps_its_address_in_canonical_form()
    {
        var source = PhotoSource.Record(s.Case, "  Instagram ", "HTTPS://www.Instagram.com/someone#top", "staff-1", s.Now);

        Assert.Equal((s.Victim.Id, s.Case.Id, "Instagram", "https://www.instagram.com/someone", PhotoSourceStatus.ToReview, "staff-1", s.Now, s.Now),
            (source.VictimId, source.CaseId, source.Platform, source.Url, source.Status, source.RecordedBy, source.RecordedAtUtc, source.StatusChangedAtUtc));
    }

    [Theory]
    [InlineData("ftp://files.example/me")]
    [InlineData("/u/someone")]
    [InlineData("   ")]
    public void Anything_but_a_web_address_is_refused(string url) =>
        Rule.Broken(nameof(PhotoSourceNeedsAWebAddress), () => PhotoSource.Record(s.Case, "Old blog", url, "staff-1", s.Now));

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_source_names_its_platform(string? platform) =>
        Rule.Broken(nameof(PhotoSourceNeedsItsPlatform), () => PhotoSource.Record(s.Case, platform!, "https://blog.example/me", "staff-1", s.Now));

    [Fact]
    public void A_status_change_is_dated_and_saving_the_same_status_again_keeps_the_first_date()
    {
        var source = PhotoSource.Record(s.Case, "Flickr", "https://flickr.example/me", "staff-1", s.Now);
        var madePrivate = s.Now.AddDays(2);

        source.ChangeStatus(PhotoSourceStatus.MadePrivate, madePrivate);
        source.ChangeStatus(PhotoSourceStatus.MadePrivate, madePrivate.AddDays(1));

        Assert.Equal((PhotoSourceStatus.MadePrivate, madePrivate), (source.Status, source.StatusChangedAtUtc));
        Rule.Broken(nameof(PhotoSourceStatusMustBeKnown), () => source.ChangeStatus((PhotoSourceStatus)42, madePrivate));
    }
}
