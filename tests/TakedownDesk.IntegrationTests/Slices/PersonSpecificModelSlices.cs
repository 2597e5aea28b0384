using System.Text;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>A person-specific model: its page on the hub and the mirrors found later, each reported to its own hub.</summary>
public abstract class PersonSpecificModelSlices(TestDatabase database)
{
    private const string ModelName = "zz-marker-sparrow-lora";
    private const string TriggerWord = "zzsprw7trigger";
    private const string Reason = "zz-marker reason: her name is in the title";
    private const string ModelPage = "https://civitai.com/models/4242/zz-marker-page";
    private const string Mirror = "https://huggingface.co/someone/zz-marker-mirror";

    private static ModelInput Model => new(ModelPage, ModelName, [TriggerWord], Reason);

    [Fact]
    public async Task The_model_page_goes_to_its_hub_a_mirror_to_the_mirrors_hub_and_both_reports_carry_the_model()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var incidentId = await app.Send(new AddIncidentCommand(opened.CaseId, new IncidentInput(IncidentKind.PersonSpecificModel, app.Time.GetUtcNow().AddDays(-1), "Found by a friend", Model)));
        var mirrorId = await app.Send(new AddModelMirrorCommand(opened.CaseId, incidentId, Mirror));
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        var pages = Assert.Single(detail.Incidents, i => i.Id == incidentId).Model!.Pages;

        var toHub = await app.Send(new ReportModelPageCommand(opened.CaseId, incidentId, pages[0].LocationId));
        var toMirror = await app.Send(new ReportModelPageCommand(opened.CaseId, incidentId, mirrorId));

        Assert.Equal([("Civitai", false), ("Hugging Face", true)], pages.Select(p => (p.PlatformName, p.IsMirror)));
        var requests = await app.WithDb(db => db.RemovalRequests.AsNoTracking().Include(r => r.Items).Where(r => r.CaseId == opened.CaseId).ToListAsync());
        var hub = Assert.Single(requests, r => r.Id == toHub.RequestId);
        var mirror = Assert.Single(requests, r => r.Id == toMirror.RequestId);
        Assert.All([hub, mirror], r => Assert.Equal(RequestKind.ModelLikenessReport, r.Kind));
        Assert.Equal([pages[0].LocationId], hub.Items.Select(i => i.LocationId));
        Assert.Equal([mirrorId], mirror.Items.Select(i => i.LocationId));
        Assert.NotEqual(hub.PlatformId, mirror.PlatformId);
        Assert.Equal(ModelName, mirror.ModelReport!.ModelName);
        Assert.Equal($"{Reason} Trigger words: {TriggerWord}.", mirror.ModelReport.LikenessStatement);
        Assert.Null(mirror.ModelReport.PolicyClause);
        var after = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.All(after.Incidents.Single(i => i.Id == incidentId).Model!.Pages, p => Assert.NotNull(p.CoveredBy));
    }

    [Fact]
    public async Task A_mirror_on_a_hub_the_directory_does_not_know_is_kept_but_its_report_waits_for_the_directory()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var incidentId = await app.Send(new AddIncidentCommand(opened.CaseId, new IncidentInput(IncidentKind.PersonSpecificModel, app.Time.GetUtcNow(), null, Model)));
        var mirrorId = await app.Send(new AddModelMirrorCommand(opened.CaseId, incidentId, "https://unknown-hub.example/m/1"));

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new ReportModelPageCommand(opened.CaseId, incidentId, mirrorId)));

        Assert.Equal("ModelReportGoesToAHubInTheDirectory", refused.RuleName);
        Assert.Equal(0, await app.WithDb(db => db.RemovalRequests.CountAsync(r => r.CaseId == opened.CaseId)));
    }

    [Fact]
    public async Task The_model_name_trigger_words_and_reason_are_sealed_in_the_database_and_read_back_through_the_app()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var incidentId = await app.Send(new AddIncidentCommand(opened.CaseId, new IncidentInput(IncidentKind.PersonSpecificModel, app.Time.GetUtcNow(), null, Model)));

        var stored = await app.WithDb(db => db.Database.SqlQueryRaw<byte[]>("SELECT \"Model\" AS \"Value\" FROM \"Incidents\" WHERE \"Model\" IS NOT NULL").ToListAsync());
        var urls = await app.WithDb(db => db.Database.SqlQueryRaw<byte[]>("SELECT \"Url\" AS \"Value\" FROM \"Locations\"").ToListAsync());

        var sealedModel = Assert.Single(stored);
        foreach (var marker in new[] { ModelName, TriggerWord, Reason, "zz-marker-page" })
        {
            Assert.True(sealedModel.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) < 0, marker);
            Assert.All(urls, u => Assert.True(u.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) < 0, marker));
        }

        var model = (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Incidents.Single(i => i.Id == incidentId).Model!;
        Assert.Equal((ModelName, TriggerWord, Reason, ModelPage), (model.ModelName, Assert.Single(model.TriggerWords), model.LikenessReason, Assert.Single(model.Pages).Url));
    }

    [Fact]
    public async Task The_seeded_directory_marks_every_model_hub_it_cannot_confirm_as_unverified()
    {
        await using var app = await TestApp.StartAsync(database);

        var hubs = await app.WithDb(db => db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.ModelHub).ToDictionaryAsync(p => p.Slug, p => p.Verification));

        Assert.Equal(Verification.Verified, hubs["civitai"]);
        Assert.All(["hugging-face", "tensor-art", "seaart", "mage-space", "pixai"], slug => Assert.Equal(Verification.Unverified, hubs[slug]));
    }
}

public sealed class PersonSpecificModelSlicesOnSqlite() : PersonSpecificModelSlices(new SqliteTestDatabase());

public sealed class PersonSpecificModelSlicesOnPostgres(PostgresCluster cluster) : PersonSpecificModelSlices(new PostgresTestDatabase(cluster));
