using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class RemovalRequestSlices(TestDatabase database)
{
    [Fact]
    public async Task A_request_goes_from_draft_to_resolved_and_the_deadline_board_follows_the_clock()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 2);

        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));
        Assert.Equal(RequestStatus.Draft, drafted.Status);
        Assert.Equal(
            [StatutoryElements.Signature, StatutoryElements.GoodFaithStatement, StatutoryElements.ContactInformation],
            drafted.Missing.Select(m => m.Element));

        var check = await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        Assert.True(check.IsComplete);

        var submitted = await app.Send(Samples.Submit(drafted.RequestId));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddHours(48), submitted.DeadlineAtUtc);

        app.Time.Advance(TimeSpan.FromHours(40));
        var board = await app.Query(new GetDeadlineBoardQuery(12));
        var due = Assert.Single(board.DueSoon);
        Assert.Equal(TimeSpan.FromHours(8), due.Remaining);
        Assert.Equal((Samples.Pseudonym, 2, NextAction.RecordAcknowledgment), (due.Pseudonym, due.LocationCount, due.NextAction));
        Assert.Empty(board.Overdue);

        app.Time.Advance(TimeSpan.FromHours(9));
        board = await app.Query(new GetDeadlineBoardQuery(12));
        var overdue = Assert.Single(board.Overdue);
        Assert.Equal(TimeSpan.FromHours(-1), overdue.Remaining);
        Assert.Equal(NextAction.Escalate, overdue.NextAction);

        await app.Send(new RecordAcknowledgmentCommand(drafted.RequestId, "TID-2026-555", app.Time.GetUtcNow().AddHours(-30)));
        await app.Send(new RecordOutcomeCommand(drafted.RequestId, locations[0], LocationOutcome.Removed, app.Time.GetUtcNow()));
        var last = await app.Send(new RecordOutcomeCommand(drafted.RequestId, locations[1], LocationOutcome.NotRemoved, app.Time.GetUtcNow()));

        Assert.Equal(RequestStatus.Resolved, last);
        var view = await app.Query(new GetRemovalRequestQuery(drafted.RequestId));
        Assert.Equal("TID-2026-555", view.PlatformRequestNumber);
        Assert.Equal(StatutoryDeadline.AsSoonAsPossibleNote, view.DeadlineNote);
        var detail = await app.Query(new GetCaseDetailQuery(caseId));
        var statuses = detail.LocationsByPlatform.SelectMany(p => p.Locations).ToDictionary(l => l.Id, l => l.Status);
        Assert.Equal(LocationStatus.Removed, statuses[locations[0]]);
        Assert.Equal(LocationStatus.Live, statuses[locations[1]]);
        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(12))).Overdue);

        var record = (await app.Query(new ListPlatformsQuery())).Single(p => p.Id == platformId).Record;
        Assert.Equal(1, record.RequestsSent);
        Assert.Equal(TimeSpan.FromHours(49), record.MedianTimeToRemoval);
    }

    [Fact]
    public async Task An_incomplete_request_cannot_be_submitted_and_the_error_lists_what_is_missing()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));

        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(Samples.Submit(drafted.RequestId)));

        Assert.Contains(StatutoryElements.GoodFaithStatement, error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, (await app.Query(new CheckRequestValidityQuery(drafted.RequestId))).Status);
    }

    [Fact]
    public async Task A_revoked_release_blocks_submission()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        var releaseId = (await app.Query(new GetCaseDetailQuery(caseId))).Releases.Single().Id;

        await app.Send(new RevokeReleaseCommand(caseId, releaseId, "Victim withdrew consent"));
        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(Samples.Submit(drafted.RequestId)));

        Assert.Equal("NoReleaseNoRequest", error.RuleName);
    }

    [Fact]
    public async Task An_expired_release_blocks_submission()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));

        app.Time.Advance(TimeSpan.FromDays(181));
        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(Samples.Submit(drafted.RequestId)));

        Assert.Equal("NoReleaseNoRequest", error.RuleName);
    }

    [Fact]
    public async Task A_release_for_other_platforms_blocks_drafting()
    {
        await using var app = await TestApp.StartAsync(database);
        var discord = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "discord").Select(p => p.Id).SingleAsync());
        var now = app.Time.GetUtcNow();
        var discordOnly = Samples.ReleaseForAllPlatforms(now) with { AllPlatforms = false, PlatformIds = [discord] };
        var opened = await app.Send(Samples.OpenCase(now, "https://x.com/a/status/1", release: discordOnly));
        var x = opened.Locations.Accepted[0];

        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            app.Send(new DraftRemovalRequestCommand(opened.CaseId, x.PlatformId!.Value, RequestKind.StatutoryRemoval, [x.LocationId])));

        Assert.Equal("NoReleaseNoRequest", error.RuleName);
    }

    [Fact]
    public async Task A_disputed_request_is_resubmitted_as_a_new_request_with_its_own_clock()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var first = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));
        await app.Send(Samples.Complete(first.RequestId, app.Time.GetUtcNow()));
        await app.Send(Samples.Submit(first.RequestId));

        app.Time.Advance(TimeSpan.FromHours(5));
        await app.Send(new DisputeValidityCommand(first.RequestId, "Platform asked for the legal name"));
        var second = await app.Send(new ResubmitRemovalRequestCommand(first.RequestId));
        var submitted = await app.Send(Samples.Submit(second.RequestId));

        Assert.EndsWith("-R2", second.Reference, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Ready, second.Status);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddHours(48), submitted.DeadlineAtUtc);
        var original = await app.Query(new GetRemovalRequestQuery(first.RequestId));
        Assert.Equal(RequestStatus.ValidityDisputed, original.Status);
        Assert.Equal(second.RequestId, original.ResubmittedAsId);
        Assert.Equal(first.RequestId, (await app.Query(new GetRemovalRequestQuery(second.RequestId))).ResubmissionOfId);
    }

    [Fact]
    public async Task Non_statutory_requests_have_no_deadline()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.TrainingOptOut, locations));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow(), RequestKind.TrainingOptOut));

        var submitted = await app.Send(Samples.Submit(drafted.RequestId));

        Assert.Null(submitted.DeadlineAtUtc);
        app.Time.Advance(TimeSpan.FromDays(5));
        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(24))).Overdue);
    }

    [Fact]
    public async Task Another_caseworkers_request_is_not_found()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));

        app.Staff.Id = "caseworker-2";

        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetRemovalRequestQuery(drafted.RequestId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())));
        Assert.Equal(RequestStatus.Draft, await app.WithDb(db => db.RemovalRequests.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_refused()
    {
        await using var app = await TestApp.StartAsync(database);
        var (caseId, locations, platformId) = await OpenCaseOnXAsync(app, 1);
        var drafted = await app.Send(new DraftRemovalRequestCommand(caseId, platformId, RequestKind.StatutoryRemoval, locations));
        var seen = (await app.Query(new GetRemovalRequestQuery(drafted.RequestId))).ConcurrencyStamp;
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()) with { ExpectedConcurrencyStamp = seen });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.Send(Samples.Submit(drafted.RequestId) with { ExpectedConcurrencyStamp = seen }));
    }

    private static async Task<(Guid CaseId, Guid[] Locations, Guid PlatformId)> OpenCaseOnXAsync(TestApp app, int locationCount)
    {
        var urls = string.Join('\n', Enumerable.Range(1, locationCount).Select(i => $"https://x.com/poster/status/{1000 + i}"));
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), urls));
        return (opened.CaseId, opened.Locations.Accepted.Select(a => a.LocationId).ToArray(), opened.Locations.Accepted[0].PlatformId!.Value);
    }
}

public sealed class RemovalRequestSlicesOnSqlite() : RemovalRequestSlices(new SqliteTestDatabase());

public sealed class RemovalRequestSlicesOnPostgres(PostgresCluster cluster) : RemovalRequestSlices(new PostgresTestDatabase(cluster));
