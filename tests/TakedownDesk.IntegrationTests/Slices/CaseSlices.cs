using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class CaseSlices(TestDatabase database)
{
    private const string Pasted = """
        https://x.com/someone/status/1234567890
        https://WWW.X.com/someone/status/1234567890#reply
        not a url
        ftp://files.example.net/clip.mp4

        https://cdn.discordapp.com/attachments/1/2/clip.mp4
        https://unknown-host.example/page?id=7
        """;

    [Fact]
    public async Task Cases_opened_at_the_same_moment_from_many_connections_get_consecutive_references()
    {
        await using var app = await TestApp.StartAsync(database);

        // The load test found it: two instances on PostgreSQL both read the same highest number and one failed with a 500.
        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = $"Same-moment-{i}" }), TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"TD-2026-{n:D5}"), opened.Select(o => o.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Opening_a_case_keeps_good_urls_matched_to_platforms_and_reports_bad_lines()
    {
        await using var app = await TestApp.StartAsync(database);

        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), Pasted));

        Assert.Equal("TD-2026-00001", opened.Reference);
        Assert.Equal(3, opened.Locations.AddedCount);
        var duplicate = Assert.Single(opened.Locations.Accepted, a => a.AlreadyRecorded);
        Assert.Equal(2, duplicate.LineNumber);
        Assert.Equal("X (formerly Twitter)", opened.Locations.Accepted.Single(a => a.LineNumber == 1).PlatformName);
        Assert.Equal("Discord", opened.Locations.Accepted.Single(a => a.LineNumber == 6).PlatformName);
        Assert.Null(opened.Locations.Accepted.Single(a => a.LineNumber == 7).PlatformName);
        Assert.Equal([3, 4], opened.Locations.Rejected.Select(r => r.LineNumber));
        Assert.Contains("ftp", opened.Locations.Rejected[1].Reason, StringComparison.Ordinal);

        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(CaseStatus.Open, detail.Status);
        Assert.Equal(Samples.Pseudonym, detail.Victim.Pseudonym);
        Assert.True(detail.Victim.HasLegalName);
        Assert.True(Assert.Single(detail.Releases).InForce);
        Assert.Equal(IncidentKind.DigitalForgery, Assert.Single(detail.Incidents).Kind);
        Assert.Equal(3, Assert.Single(detail.Depictions).LocationCount);
        Assert.Equal(["LocationsAdded", "IncidentRecorded", "CaseOpened"], detail.Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task Case_references_count_up_within_the_year()
    {
        await using var app = await TestApp.StartAsync(database);

        var first = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var second = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        Assert.Equal("TD-2026-00001", first.Reference);
        Assert.Equal("TD-2026-00002", second.Reference);
    }

    [Fact]
    public async Task Invalid_command_names_the_field_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync(database);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = " " }));

        Assert.Contains("Pseudonym", error.Errors.Keys);
        Assert.Equal(0, await app.WithDb(db => db.Victims.CountAsync()));
    }

    [Fact]
    public async Task A_rule_broken_half_way_through_a_command_rolls_the_whole_command_back()
    {
        await using var app = await TestApp.StartAsync(database);
        var now = app.Time.GetUtcNow();
        var tooLong = Samples.ReleaseForAllPlatforms(now) with { ExpiresAt = now.AddDays(400) };

        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(Samples.OpenCase(now, release: tooLong)));

        Assert.Equal("ReleaseMustBeTimeLimited", error.RuleName);
        Assert.Equal(0, await app.WithDb(db => db.Victims.CountAsync()));
        Assert.Equal(0, await app.WithDb(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Pasting_more_urls_adds_only_new_ones_and_can_join_an_existing_depiction()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/a/status/1"));
        var depiction = (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Depictions.Single();

        var pasted = await app.Send(new AddLocationsCommand(opened.CaseId, "https://x.com/a/status/1\nhttps://x.com/b/status/2", depiction.Id, null));

        Assert.Equal(1, pasted.AddedCount);
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(2, Assert.Single(detail.Depictions).LocationCount);
    }

    [Fact]
    public async Task Case_moves_through_monitoring_closed_and_reopened_and_refuses_illegal_moves()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        await app.Send(new ChangeCaseStatusCommand(opened.CaseId, CaseStatusChange.StartMonitoring, null));
        await app.Send(new ChangeCaseStatusCommand(opened.CaseId, CaseStatusChange.Close, null));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            app.Send(new AddIncidentCommand(opened.CaseId, new IncidentInput(IncidentKind.ThreatToPublish, app.Time.GetUtcNow(), null))));
        await app.Send(new ChangeCaseStatusCommand(opened.CaseId, CaseStatusChange.Reopen, null));

        Assert.Equal("ClosedCaseCannotBeChanged", refused.RuleName);
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(CaseStatus.Reopened, detail.Status);
        Assert.Null(detail.ClosedAtUtc);
    }

    [Fact]
    public async Task Possible_minor_routes_the_case_to_ncmec_with_guidance()
    {
        await using var app = await TestApp.StartAsync(database);

        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), possibleMinor: true));

        Assert.True(opened.RoutedToNcmec);
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Contains("NCMEC", detail.MinorGuidance, StringComparison.Ordinal);
        Assert.Contains(detail.Timeline, t => t.Kind == "RoutedToNcmec");
    }

    [Fact]
    public async Task Confidential_details_come_back_only_through_their_own_query()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var details = await app.Query(new GetConfidentialDetailsQuery(opened.CaseId));

        Assert.Equal(Samples.LegalName, details.LegalName);
        Assert.Equal("marker.victim@example.org", Assert.Single(details.ContactChannels).Value);
    }

    [Fact]
    public async Task Viewing_a_case_tracks_only_its_audit_entry_and_leaves_the_scope_tracking_for_commands()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var (trackedAfterView, trackingAfterView) = await app.InOneScope(async (mediator, db) =>
        {
            await mediator.Send(new GetCaseDetailQuery(opened.CaseId), TestContext.Current.CancellationToken);
            await mediator.Send(new GetConfidentialDetailsQuery(opened.CaseId), TestContext.Current.CancellationToken);
            var tracked = db.ChangeTracker.Entries().Select(e => e.Metadata.ClrType.Name).Distinct().ToList();
            var tracking = db.ChangeTracker.QueryTrackingBehavior;
            await mediator.Send(new ChangeCaseStatusCommand(opened.CaseId, CaseStatusChange.StartMonitoring, null), TestContext.Current.CancellationToken);
            return (tracked, tracking);
        });

        Assert.Equal(["AuditEntry"], trackedAfterView);
        Assert.Equal(QueryTrackingBehavior.TrackAll, trackingAfterView);
        Assert.Equal(CaseStatus.Monitoring, (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Status);
    }

    [Fact]
    public async Task A_caseworker_sees_only_their_own_cases_and_a_supervisor_sees_all()
    {
        await using var app = await TestApp.StartAsync(database);
        var mine = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        app.Staff.Id = "caseworker-2";
        var theirs = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        app.Staff.Id = "caseworker-1";
        var list = await app.Query(new ListCasesQuery(null, null, null, null));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetCaseDetailQuery(theirs.CaseId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetConfidentialDetailsQuery(theirs.CaseId)));
        app.Staff.SeesAllCases = true;
        var all = await app.Query(new ListCasesQuery(null, null, null, null));

        Assert.Equal([mine.CaseId], list.Items.Select(c => c.Id));
        Assert.Equal(2, all.TotalCount);
    }

    [Fact]
    public async Task Case_list_searches_by_reference_and_pseudonym_and_filters_by_platform()
    {
        await using var app = await TestApp.StartAsync(database);
        app.Staff.SeesAllCases = true;
        var withX = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/a/status/1"));
        await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://discord.com/channels/1/2/3") with { Pseudonym = "Kestrel-12" });
        var platformX = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "x").Select(p => p.Id).SingleAsync());

        var byReference = await app.Query(new ListCasesQuery(withX.Reference, null, null, null));
        var byPseudonym = await app.Query(new ListCasesQuery("Kestrel", null, null, null));
        var byPlatform = await app.Query(new ListCasesQuery(null, null, null, platformX));
        var secondPage = await app.Query(new ListCasesQuery(null, null, null, null, Page: 2, PageSize: 1));

        Assert.Equal(withX.CaseId, Assert.Single(byReference.Items).Id);
        Assert.Equal("Kestrel-12", Assert.Single(byPseudonym.Items).Pseudonym);
        Assert.Equal(withX.CaseId, Assert.Single(byPlatform.Items).Id);
        Assert.Single(secondPage.Items);
        Assert.Equal(2, secondPage.TotalPages);
    }

    [Fact]
    public async Task Timeline_never_holds_urls_or_the_victims_name()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/marker-account/status/998877"));

        var timeline = await app.WithDb(db => db.Timeline.Select(t => t.Summary).ToListAsync());

        Assert.NotEmpty(timeline);
        Assert.DoesNotContain(timeline, s => s.Contains("marker-account", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, s => s.Contains("Legalname", StringComparison.Ordinal) || s.Contains(Samples.Pseudonym, StringComparison.Ordinal));
        Assert.NotEqual(Guid.Empty, opened.CaseId);
    }
}

public sealed class CaseSlicesOnSqlite() : CaseSlices(new SqliteTestDatabase());

public sealed class CaseSlicesOnPostgres(PostgresCluster cluster) : CaseSlices(new PostgresTestDatabase(cluster));
