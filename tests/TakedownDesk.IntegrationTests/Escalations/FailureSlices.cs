using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Escalations.Rules;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>A supervisor's view of poisoned escalation steps, and the retry that puts one back.</summary>
public abstract class FailureSlices(TestDatabase database)
{
    [Fact]
    public async Task A_poisoned_step_is_listed_by_its_references_and_a_retry_runs_it_again_to_completion()
    {
        var composer = new FlakyComposer { Broken = true };
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), services => services.Replace(ServiceDescriptor.Singleton<IAlertComposer>(composer)));
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
        Assert.Equal("InvalidOperationException: template store unavailable", failed.LastError);

        composer.Broken = false;
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
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), services => services.Replace(ServiceDescriptor.Singleton<IAlertComposer>(new FlakyComposer { Broken = true })));
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

    /// <summary>The real composer, except while <see cref="Broken"/>: a cause a supervisor can fix.</summary>
    private sealed class FlakyComposer : IAlertComposer
    {
        private readonly BuiltInAlertComposer real = new();

        public bool Broken { get; set; }

        public ComposedMail ComposeEscalation(EscalationKind kind, AlertFacts facts, StaffContact recipient) =>
            Broken ? throw new InvalidOperationException("template store unavailable") : real.ComposeEscalation(kind, facts, recipient);

        public ComposedMail ComposeDigest(DateOnly localDate, IReadOnlyList<AlertFacts> openRequests, StaffContact recipient) =>
            Broken ? throw new InvalidOperationException("template store unavailable") : real.ComposeDigest(localDate, openRequests, recipient);
    }
}

public sealed class FailureSlicesOnSqlite() : FailureSlices(new SqliteTestDatabase());

public sealed class FailureSlicesOnPostgres(PostgresCluster cluster) : FailureSlices(new PostgresTestDatabase(cluster));
