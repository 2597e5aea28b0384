using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.LocationChecks;

/// <summary>
/// The desk checks a location on a real web server on 127.0.0.1: online past the deadline (evidence on the request),
/// removed (two 404s confirm it), back online at the weekly check (the case reopens and the caseworker is e-mailed
/// through the real SMTP server).
/// </summary>
public abstract class LocationCheckJourneyTests(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Checks = new()
    {
        ["LocationChecks:AllowLoopbackForTests"] = "true",
        ["LocationChecks:PerHostInterval"] = "00:00:00",
    };

    [Fact]
    public async Task A_removal_is_confirmed_by_two_404s_and_a_reappearance_reopens_the_case_and_alerts_the_caseworker()
    {
        var answer = StatusCodes.Status200OK;
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            context.Response.StatusCode = answer;
            context.Response.ContentType = "text/html";
            return Task.CompletedTask;
        });
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(Merge(smtp.Settings)));
        var url = site.Url("/photos/4711");
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), url));
        var location = Assert.Single(opened.Locations.Accepted);
        Assert.Equal(LocationStatus.Unknown, await StatusAsync(app, opened.CaseId));
        var requestId = await SubmittedRequestAsync(app, opened.CaseId, location.LocationId);

        Assert.Equal(new LocationCheckRunResult(1, 1, 0, 0), await app.Run(new RunDueLocationChecksCommand()));
        Assert.Equal(LocationStatus.Live, await StatusAsync(app, opened.CaseId));
        Assert.Equal(new LocationCheckRunResult(0, 0, 0, 0), await app.Run(new RunDueLocationChecksCommand()));

        // Past the 48-hour deadline and still online: evidence on the request, for the follow-up and the FTC pack.
        app.Time.Advance(TimeSpan.FromHours(49));
        await app.Run(new RunDueLocationChecksCommand());
        var item = Assert.Single((await app.Query(new GetRemovalRequestQuery(requestId))).Items);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, item.OnlineAfterDeadlineFirstAtUtc);

        answer = StatusCodes.Status404NotFound;
        app.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(new LocationCheckRunResult(1, 0, 1, 0), await app.Run(new RunDueLocationChecksCommand()));
        Assert.Equal(LocationStatus.Live, await StatusAsync(app, opened.CaseId));
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Run(new RunDueLocationChecksCommand());
        Assert.Equal(LocationStatus.Removed, await StatusAsync(app, opened.CaseId));
        await app.Send(new ChangeCaseStatusCommand(opened.CaseId, CaseStatusChange.StartMonitoring, null));

        // Re-checked weekly, not sooner; a 2xx then is a reappearance.
        answer = StatusCodes.Status200OK;
        app.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await app.Run(new RunDueLocationChecksCommand())).Claimed);
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await app.Run(new RunDueLocationChecksCommand())).Online);
        await app.Run(new DispatchOutboxCommand());

        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(CaseStatus.Reopened, detail.Status);
        Assert.Equal(LocationStatus.Live, detail.LocationsByPlatform.SelectMany(p => p.Locations).Single().Status);
        Assert.Equal(
            ["LocationFoundOnline", "OnlineAfterDeadline", "LocationRemovalConfirmed", "LocationReappeared", "CaseReopened", "LocationReappeared"],
            detail.Timeline.Reverse().Select(t => t.Kind).Where(k => k is "LocationFoundOnline" or "OnlineAfterDeadline" or "LocationRemovalConfirmed" or "LocationReappeared" or "CaseReopened"));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, Assert.Single((await app.Query(new GetRemovalRequestQuery(requestId))).Items).ReappearedAtUtc);

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("casey@helpline.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal($"Removed location online again: case {opened.Reference}", mail.Subject);
        Assert.Contains($"/Cases/{opened.CaseId}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/photos/4711", mail.HtmlBody + mail.TextBody, StringComparison.Ordinal);

        // Nothing but HEAD requests reached the site, and only the code, the final URL and the time were kept.
        Assert.Equal(Enumerable.Repeat("HEAD /photos/4711", 5), site.Requests);
        var checks = await app.WithDb(db => db.LocationChecks.AsNoTracking().OrderBy(c => c.CheckedAtUtc).ToListAsync());
        Assert.Equal([200, 200, 404, 404, 200], checks.Select(c => c.StatusCode));
        Assert.All(checks, c => Assert.Equal(url, c.FinalUrl));
    }

    [Fact]
    public async Task Checks_never_run_on_a_case_where_staff_switched_them_off_nor_for_an_erased_victim()
    {
        await using var site = await TestSite.StartAsync((context, _) => Task.CompletedTask);
        await using var app = await TestApp.StartAsync(database, Merge(new Dictionary<string, string?>()));
        var quiet = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), site.Url("/quiet")));
        var erased = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), site.Url("/erased")));
        var minor = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), site.Url("/minor"), possibleMinor: true));

        await app.Send(new SwitchLocationChecksCommand(quiet.CaseId, On: false));
        await app.Send(new EraseVictimCommand(erased.CaseId, ErasureReason.VictimRequest));

        Assert.Equal(0, (await app.Run(new RunDueLocationChecksCommand())).Claimed);
        Assert.Empty(site.Requests);
        Assert.False((await app.Query(new GetCaseDetailQuery(quiet.CaseId))).LocationChecksOn);
        Assert.True((await app.Query(new GetCaseDetailQuery(minor.CaseId))).RoutedToNcmec);

        await app.Send(new SwitchLocationChecksCommand(quiet.CaseId, On: true));
        Assert.Equal(1, (await app.Run(new RunDueLocationChecksCommand())).Claimed);
        Assert.Equal(["HEAD /quiet"], site.Requests);
    }

    private static Dictionary<string, string?> Merge(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in Checks)
        {
            all[key] = value;
        }

        return all;
    }

    private static Task<LocationStatus> StatusAsync(TestApp app, Guid caseId) =>
        app.WithDb(db => db.Locations.AsNoTracking().Where(l => EF.Property<Guid>(l, "CaseId") == caseId).Select(l => l.Status).SingleAsync());

    /// <summary>A statutory request to X for the (unmatched) test-site location, submitted now: its deadline is 48 hours away.</summary>
    private static async Task<Guid> SubmittedRequestAsync(TestApp app, Guid caseId, Guid locationId)
    {
        var x = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "x").Select(p => p.Id).SingleAsync());
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, x, RequestKind.StatutoryRemoval, [locationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        await app.Send(Samples.Submit(drafted.RequestId));
        return drafted.RequestId;
    }
}

public sealed class LocationCheckJourneyOnSqlite() : LocationCheckJourneyTests(new SqliteTestDatabase());

public sealed class LocationCheckJourneyOnPostgres(PostgresCluster cluster) : LocationCheckJourneyTests(new PostgresTestDatabase(cluster));
