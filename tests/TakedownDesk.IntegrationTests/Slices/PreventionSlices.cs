using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Prevention.Rules;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>The prevention plan: the victim's photo sources recorded, listed oldest first, moved through their statuses, and reached only through a visible case.</summary>
public abstract class PreventionSlices(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:1:Id"] = "caseworker-2",
        ["Staff:Members:1:Email"] = "cass@helpline.example",
    };

    [Fact]
    public async Task Sources_are_listed_oldest_first_to_review_and_a_status_change_is_kept_with_its_time()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var profile = await app.Send(new RecordPhotoSourceCommand(opened.CaseId, "Instagram", "https://www.instagram.com/someone"));
        app.Time.Advance(TimeSpan.FromMinutes(3));
        await app.Send(new RecordPhotoSourceCommand(opened.CaseId, "Old blog", "https://blog.example/about"));
        app.Time.Advance(TimeSpan.FromDays(1));

        await app.Send(new ChangePhotoSourceStatusCommand(opened.CaseId, profile, PhotoSourceStatus.MadePrivate));

        var plan = await app.Query(new GetPreventionPlanQuery(opened.CaseId));
        Assert.Equal(["Instagram", "Old blog"], plan.Sources.Select(s => s.Platform));
        Assert.Equal([PhotoSourceStatus.MadePrivate, PhotoSourceStatus.ToReview], plan.Sources.Select(s => s.Status));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, plan.Sources[0].StatusChangedAtUtc);
        Assert.Equal("https://blog.example/about", plan.Sources[1].Url);
        Assert.Equal(["en", "es"], plan.Languages);
    }

    [Fact]
    public async Task A_source_without_a_web_address_is_refused_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new RecordPhotoSourceCommand(opened.CaseId, "Phone gallery", "my camera roll")));
        var blank = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new RecordPhotoSourceCommand(opened.CaseId, " ", "https://blog.example/me")));

        Assert.Equal(nameof(PhotoSourceNeedsAWebAddress), refused.RuleName);
        Assert.Contains("Platform", blank.Errors.Keys);
        Assert.Empty((await app.Query(new GetPreventionPlanQuery(opened.CaseId))).Sources);
    }

    [Fact]
    public async Task A_hash_matching_case_number_is_kept_with_its_consent_and_a_possible_minor_is_refused_stopncii()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var adult = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var minor = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/minor/status/6", possibleMinor: true));
        var consentedAt = app.Time.GetUtcNow().AddHours(-1);

        await app.Send(new RecordHashMatchingCaseCommand(adult.CaseId, HashMatchingService.StopNcii, "SN-2026-88341", "the person herself", consentedAt, ConsentMethod.InWriting));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            app.Send(new RecordHashMatchingCaseCommand(minor.CaseId, HashMatchingService.StopNcii, "SN-1", "her mother (guardian)", consentedAt, ConsentMethod.InWriting)));
        await app.Send(new RecordHashMatchingCaseCommand(minor.CaseId, HashMatchingService.NcmecTakeItDown, "TID-5512", "her mother (guardian)", consentedAt, ConsentMethod.Spoken));

        var kept = Assert.Single((await app.Query(new GetPreventionPlanQuery(adult.CaseId))).HashMatchingCases);
        Assert.Equal((HashMatchingService.StopNcii, "SN-2026-88341", "the person herself", consentedAt.UtcDateTime, ConsentMethod.InWriting),
            (kept.Service, kept.CaseNumber, kept.ConsentGivenBy, kept.ConsentGivenAtUtc, kept.ConsentMethod));
        Assert.Equal(nameof(HashMatchingServiceMustFitTheCase), refused.RuleName);
        Assert.Equal([HashMatchingService.NcmecTakeItDown], (await app.Query(new GetPreventionPlanQuery(minor.CaseId))).HashMatchingCases.Select(h => h.Service));
    }

    [Fact]
    public async Task Another_caseworker_reaches_neither_the_plan_nor_its_sources_and_a_source_of_another_victim_is_not_found()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var source = await app.Send(new RecordPhotoSourceCommand(opened.CaseId, "Instagram", "https://www.instagram.com/someone"));
        var otherVictim = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/another/status/5"));

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new ChangePhotoSourceStatusCommand(otherVictim.CaseId, source, PhotoSourceStatus.Removed)));

        app.Staff.Id = "caseworker-2";
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetPreventionPlanQuery(opened.CaseId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new RecordPhotoSourceCommand(opened.CaseId, "TikTok", "https://www.tiktok.com/@someone")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new ChangePhotoSourceStatusCommand(opened.CaseId, source, PhotoSourceStatus.Removed)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetExposureGuidanceQuery(opened.CaseId, "en")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new RecordHashMatchingCaseCommand(
            opened.CaseId, HashMatchingService.StopNcii, "SN-1", "the person", app.Time.GetUtcNow(), ConsentMethod.Spoken)));

        app.Staff.Id = "caseworker-1";
        Assert.Equal(PhotoSourceStatus.ToReview, Assert.Single((await app.Query(new GetPreventionPlanQuery(opened.CaseId))).Sources).Status);
    }
}

public sealed class PreventionSlicesOnSqlite() : PreventionSlices(new SqliteTestDatabase());

public sealed class PreventionSlicesOnPostgres(PostgresCluster cluster) : PreventionSlices(new PostgresTestDatabase(cluster));
