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

public class HashMatchingCaseTests
{
    private readonly Scenario adult = new();

    [Fact]
    public void A_stopncii_case_number_is_kept_with_who_consented_when_and_how()
    {
        var consentedAt = adult.Now.AddHours(-2);

        var kept = HashMatchingCase.Record(adult.Case, HashMatchingService.StopNcii, " SN-2026-88341 ", "the person herself", consentedAt, ConsentMethod.InWriting, "staff-1", adult.Now);

        Assert.Equal((adult.Victim.Id, HashMatchingService.StopNcii, "SN-2026-88341", "the person herself", consentedAt, ConsentMethod.InWriting),
            (kept.VictimId, kept.Service, kept.CaseNumber, kept.ConsentGivenBy, kept.ConsentGivenAtUtc, kept.ConsentMethod));
    }

    [Theory]
    [InlineData("SN-88341 PIN 4471")]
    [InlineData("case: 88341")]
    [InlineData("  ")]
    public void Only_the_bare_case_number_is_kept_never_a_pin_beside_it(string caseNumber) =>
        Rule.Broken(nameof(OnlyTheHashCaseNumberIsKept), () =>
            HashMatchingCase.Record(adult.Case, HashMatchingService.StopNcii, caseNumber, "the person", adult.Now, ConsentMethod.Spoken, "staff-1", adult.Now));

    [Fact]
    public void Without_who_consented_or_with_consent_in_the_future_nothing_is_kept()
    {
        Rule.Broken(nameof(HashCaseNumberNeedsConsent), () =>
            HashMatchingCase.Record(adult.Case, HashMatchingService.StopNcii, "SN-1", " ", adult.Now, ConsentMethod.Spoken, "staff-1", adult.Now));
        Rule.Broken(nameof(HashCaseNumberNeedsConsent), () =>
            HashMatchingCase.Record(adult.Case, HashMatchingService.StopNcii, "SN-1", "the person", adult.Now.AddMinutes(1), ConsentMethod.Spoken, "staff-1", adult.Now));
    }

    [Fact]
    public void A_possible_minor_never_goes_through_stopncii_but_a_take_it_down_case_number_is_kept()
    {
        var minor = new Scenario(possibleMinor: true);

        var refused = Rule.Broken(nameof(HashMatchingServiceMustFitTheCase), () =>
            HashMatchingCase.Record(minor.Case, HashMatchingService.StopNcii, "SN-1", "her mother (guardian)", minor.Now, ConsentMethod.InWriting, "staff-1", minor.Now));
        var kept = HashMatchingCase.Record(minor.Case, HashMatchingService.NcmecTakeItDown, "TID-5512", "her mother (guardian)", minor.Now, ConsentMethod.InWriting, "staff-1", minor.Now);

        Assert.Contains("NCMEC Take It Down", refused.Message, StringComparison.Ordinal);
        Assert.Equal("TID-5512", kept.CaseNumber);
        Rule.Broken(nameof(HashMatchingServiceMustFitTheCase), () =>
            HashMatchingCase.Record(adult.Case, HashMatchingService.NcmecTakeItDown, "TID-1", "the person", adult.Now, ConsentMethod.InWriting, "staff-1", adult.Now));
    }
}
