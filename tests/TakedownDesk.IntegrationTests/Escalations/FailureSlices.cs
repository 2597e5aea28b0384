using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Escalations.Rules;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>A supervisor's view of poisoned escalation steps, and the retry that puts one back.</summary>
public abstract class FailureSlices(TestDatabase database)
{
    [Fact]
    public async Task A_poisoned_step_is_listed_by_its_references_and_a_retry_runs_it_again_to_completion()
    {
        var directory = new FlakyStaffDirectory();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), directory.Install);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(36));
        await PoisonDueStepAsync(app);

        var failed = Assert.Single(await app.Query(new ListFailedEscalationStepsQuery()));
        var references = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { Request = r.Reference, Case = c.Reference, CaseId = c.Id })
            .SingleAsync());
        Assert.Equal(
            (references.CaseId, references.Case, requestId, references.Request, EscalationKind.Reminder12hBefore, ExecuteDueEscalationsHandler.MaxAttempts),
            (failed.CaseId, failed.CaseReference, failed.RequestId, failed.RequestReference, failed.Kind, failed.Attempts));
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(36), failed.DueAtUtc);
        Assert.Equal($"InvalidOperationException: {FlakyStaffDirectory.Failure}", failed.LastError);

        directory.Broken = false;
        app.Staff.Id = "supervisor-1";
        app.Staff.SeesAllCases = true;
        var retried = await app.Send(new RetryEscalationStepCommand(failed.StepId));

        Assert.Equal((failed.StepId, failed.CaseId, EscalationState.Pending), (retried.StepId, retried.CaseId, retried.State));
        Assert.Empty(await app.Query(new ListFailedEscalationStepsQuery()));
        Assert.Equal((1, 1, 0), Counts(await app.Run(new ExecuteDueEscalationsCommand())));
        var step = await app.WithDb(db => db.EscalationSteps.AsNoTracking().SingleAsync(s => s.Id == failed.StepId));
        Assert.Equal((EscalationState.Done, 1, (string?)null), (step.State, step.Attempts, step.LastError));
        Assert.Equal(["casey@helpline.example"], await app.WithDb(db => db.OutboxMessages.Select(m => m.To).ToListAsync()));
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == nameof(RetryEscalationStepCommand)).ToListAsync());
        Assert.Equal(("supervisor-1", (Guid?)failed.CaseId, AuditKind.Command), (Assert.Single(audit).ActorId, audit[0].CaseId, audit[0].Kind));
    }

    [Fact]
    public async Task A_retried_step_that_fails_again_gets_all_its_attempts_before_it_is_poisoned_again()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), new FlakyStaffDirectory().Install);
        await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(36));
        await PoisonDueStepAsync(app);
        var failed = Assert.Single(await app.Query(new ListFailedEscalationStepsQuery()));

        await app.Send(new RetryEscalationStepCommand(failed.StepId));
        await app.Run(new ExecuteDueEscalationsCommand());

        var step = await app.WithDb(db => db.EscalationSteps.AsNoTracking().SingleAsync(s => s.Id == failed.StepId));
        Assert.Equal((EscalationState.Pending, 1), (step.State, step.Attempts));
    }

    [Fact]
    public async Task Retrying_a_step_that_has_not_failed_is_refused_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var pending = await app.WithDb(db => db.EscalationSteps.AsNoTracking().Where(s => s.RequestId == requestId).OrderBy(s => s.DueAtUtc).FirstAsync());

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new RetryEscalationStepCommand(pending.Id)));

        Assert.Equal((nameof(OnlyFailedStepsCanBeRetried), true), (refused.RuleName, refused.IsStateConflict));
        Assert.Equal("This escalation step has not failed: it is already waiting to run.", refused.Message);
        var after = await app.WithDb(db => db.EscalationSteps.AsNoTracking().SingleAsync(s => s.Id == pending.Id));
        Assert.Equal((pending.State, pending.NextRunAtUtc, pending.Attempts), (after.State, after.NextRunAtUtc, after.Attempts));
    }

    /// <summary>Runs the sweep until the due step has used every attempt, waiting out each back-off.</summary>
    private static async Task PoisonDueStepAsync(TestApp app)
    {
        for (var attempt = 1; attempt <= ExecuteDueEscalationsHandler.MaxAttempts; attempt++)
        {
            Assert.Equal(1, (await app.Run(new ExecuteDueEscalationsCommand())).Failed);
            app.Time.Advance(EscalationStep.RetryDelay(attempt));
        }
    }

    private static (int Claimed, int Executed, int Failed) Counts(EscalationSweepResult result) => (result.Claimed, result.Executed, result.Failed);
}

public sealed class FailureSlicesOnSqlite() : FailureSlices(new SqliteTestDatabase());

public sealed class FailureSlicesOnPostgres(PostgresCluster cluster) : FailureSlices(new PostgresTestDatabase(cluster));
