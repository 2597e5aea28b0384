using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

public abstract class EscalationSlices(TestDatabase database)
{
    [Fact]
    public async Task A_statutory_submission_plans_its_three_steps_at_the_right_instants()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var deadline = app.Time.GetUtcNow().UtcDateTime.AddHours(48);

        var steps = await StepsAsync(app, requestId);

        Assert.Equal(
            [
                (EscalationKind.Reminder12hBefore, deadline.AddHours(-12)),
                (EscalationKind.OverdueAtDeadline, deadline),
                (EscalationKind.SecondAlert24hAfter, deadline.AddHours(24)),
            ],
            steps.Select(s => (s.Kind, s.DueAtUtc)));
        Assert.All(steps, s => Assert.Equal(EscalationState.Pending, s.State));
    }

    [Fact]
    public async Task A_non_statutory_submission_plans_follow_ups_at_7_and_30_days()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app, RequestKind.SearchDelisting);
        var submitted = app.Time.GetUtcNow().UtcDateTime;

        var steps = await StepsAsync(app, requestId);

        Assert.Equal(
            [(EscalationKind.FollowUp7d, submitted.AddDays(7)), (EscalationKind.FollowUp30d, submitted.AddDays(30))],
            steps.Select(s => (s.Kind, s.DueAtUtc)));
    }

    [Fact]
    public async Task Resolving_or_disputing_a_request_cancels_its_pending_steps()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        var resolved = await EscalationKit.SubmittedRequestAsync(app);
        var disputed = await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(37));
        await app.Run(new ExecuteDueEscalationsCommand());

        var location = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == resolved).SelectMany(r => r.Items).Select(i => i.LocationId).SingleAsync());
        await app.Send(new RecordOutcomeCommand(resolved, location, LocationOutcome.Removed, app.Time.GetUtcNow()));
        await app.Send(new DisputeValidityCommand(disputed, "Platform asked for the legal name"));

        foreach (var requestId in new[] { resolved, disputed })
        {
            var states = (await StepsAsync(app, requestId)).Select(s => s.State);
            Assert.Equal([EscalationState.Done, EscalationState.Cancelled, EscalationState.Cancelled], states);
        }

        app.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
    }

    [Fact]
    public async Task Steps_run_at_their_instants_exactly_once_even_when_the_clock_jumps_forward_and_back()
    {
        var clock = new SettableClock(TestApp.Start);
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), EscalationKit.WithClock(clock));
        var requestId = await EscalationKit.SubmittedRequestAsync(app);

        clock.Advance(TimeSpan.FromHours(36) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await app.Run(new ExecuteDueEscalationsCommand())).Executed);
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
        Assert.Equal(["casey@helpline.example"], await RecipientsAsync(app));

        clock.Advance(TimeSpan.FromHours(-10));
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
        clock.Advance(TimeSpan.FromHours(110));
        Assert.Equal(2, (await app.Run(new ExecuteDueEscalationsCommand())).Executed);
        clock.Advance(TimeSpan.FromHours(-50));
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
        clock.Advance(TimeSpan.FromHours(100));
        Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);

        var request = await app.WithDb(db => db.RemovalRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestStatus.Overdue, request.Status);
        Assert.Equal(request.DeadlineAtUtc, request.OverdueSinceUtc);
        var followUp = await app.WithDb(db => db.FollowUps.AsNoTracking().SingleAsync(f => f.RequestId == requestId));
        Assert.Equal((0, FollowUpState.ReadyToSend), (followUp.Level, followUp.State));
        var ftcReport = await app.WithDb(db => db.FtcReports.AsNoTracking().SingleAsync(f => f.RequestId == requestId));
        Assert.Equal(FtcReportState.ReadyToFile, ftcReport.State);
        Assert.All(await StepsAsync(app, requestId), s => Assert.Equal((EscalationState.Done, 1), (s.State, s.Attempts)));
        // Reminder → assignee; overdue and second alert → assignee and both supervisors: seven alerts. The two that fell
        // due in one sweep reach each of the three people as one e-mail.
        var alerts = await app.WithDb(db => db.StaffAlerts.AsNoTracking().ToListAsync());
        Assert.Equal(7, alerts.Count);
        Assert.Equal([1, 2, 2, 2], alerts.GroupBy(a => a.OutboxMessageId).Select(g => g.Count()).Order());
        Assert.Equal(4, (await RecipientsAsync(app)).Count);
    }

    [Fact]
    public async Task A_step_that_keeps_failing_is_retried_with_back_off_then_left_failed_and_visible()
    {
        await using var app = await TestApp.StartAsync(
            database,
            EscalationKit.Staff(),
            new FlakyStaffDirectory().Install);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(36));

        for (var attempt = 1; attempt <= ExecuteDueEscalationsHandler.MaxAttempts; attempt++)
        {
            Assert.Equal(1, (await app.Run(new ExecuteDueEscalationsCommand())).Failed);
            Assert.Equal(0, (await app.Run(new ExecuteDueEscalationsCommand())).Claimed);
            app.Time.Advance(EscalationStep.RetryDelay(attempt));
        }

        app.Time.Advance(TimeSpan.FromHours(1));
        var reminder = (await StepsAsync(app, requestId)).First();
        Assert.Equal(EscalationState.Failed, reminder.State);
        Assert.Equal(ExecuteDueEscalationsHandler.MaxAttempts, reminder.Attempts);
        Assert.Contains(FlakyStaffDirectory.Failure, reminder.LastError, StringComparison.Ordinal);
        Assert.Empty(await RecipientsAsync(app));
        Assert.Equal(RequestStatus.Submitted, await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Replanning_moves_pending_steps_to_the_changed_policy()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var deadline = app.Time.GetUtcNow().UtcDateTime.AddHours(48);

        app.Configuration["Escalations:ReminderBeforeDeadline"] = "06:00:00";
        app.Configuration.Reload();
        var moved = await app.Send(new ReplanEscalationsCommand());

        Assert.Equal(1, moved);
        Assert.Equal(deadline.AddHours(-6), (await StepsAsync(app, requestId))[0].DueAtUtc);
    }

    [Fact]
    public async Task Logs_and_alert_e_mails_hold_no_victim_data()
    {
        var logs = new LogRecorder();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), EscalationKit.RecordingLogs(logs));
        await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(80));
        await app.Run(new ExecuteDueEscalationsCommand());
        await app.Run(new Application.Features.Outbox.DispatchOutboxCommand());

        var mails = await app.WithDb(db => db.OutboxMessages.Select(m => m.Subject + m.TextBody + m.HtmlBody).ToListAsync());
        // Three people, each one e-mail for the three (assignee) or two (supervisors) alerts due together.
        Assert.Equal(3, mails.Count);
        foreach (var text in logs.Lines.Concat(mails))
        {
            foreach (var secret in new[] { Samples.LegalName, Samples.Pseudonym, "marker.victim@example.org", "x.com/poster", "advocate@helpline.example" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static Task<List<EscalationStep>> StepsAsync(TestApp app, Guid requestId) =>
        app.WithDb(db => db.EscalationSteps.AsNoTracking().Where(s => s.RequestId == requestId).OrderBy(s => s.DueAtUtc).ToListAsync());

    private static Task<List<string>> RecipientsAsync(TestApp app) =>
        app.WithDb(db => db.OutboxMessages.OrderBy(m => m.CreatedAtUtc).Select(m => m.To).ToListAsync());
}

public sealed class EscalationSlicesOnSqlite() : EscalationSlices(new SqliteTestDatabase());

public sealed class EscalationSlicesOnPostgres(PostgresCluster cluster) : EscalationSlices(new PostgresTestDatabase(cluster));
