using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>Two app instances on one real database race over the same due steps: every step runs exactly once.</summary>
public abstract class ExactlyOnceTests(TestDatabase database)
{
    private const int StepCount = 1000;

    /// <summary>SQLite's busy handler is not fair: under load one writer can starve the other for the whole run. Correctness is asserted either way.</summary>
    protected virtual bool BothInstancesAlwaysTakePart => true;

    [Fact]
    public async Task Two_instances_racing_over_1000_due_steps_run_each_exactly_once()
    {
        await using var first = await TestApp.StartAsync(database, EscalationKit.Staff());
        await using var second = await first.StartAnotherInstanceAsync(EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(first);
        var caseId = await first.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync());
        var due = first.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await first.WithDb(db =>
        {
            db.EscalationSteps.AddRange(Enumerable.Range(0, StepCount).Select(_ => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due)));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var results = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        Assert.Equal(StepCount, results.Sum());
        if (BothInstancesAlwaysTakePart)
        {
            Assert.All(results, r => Assert.True(r > 0, "both instances took part"));
        }

        var steps = await first.WithDb(db => db.EscalationSteps.AsNoTracking().Where(s => s.Kind == EscalationKind.FollowUp7d).ToListAsync());
        Assert.All(steps, s => Assert.Equal((EscalationState.Done, 1), (s.State, s.Attempts)));
        // One alert per step, each carried by exactly one e-mail (coalesced with others due with it), and no e-mail without one.
        var alerts = await first.WithDb(db => db.StaffAlerts.AsNoTracking().ToListAsync());
        Assert.Equal(steps.Select(s => $"step:{s.Id}:to:{EscalationKit.Caseworker}").Order(StringComparer.Ordinal), alerts.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.NotNull(a.OutboxMessageId));
        var messages = await first.WithDb(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        Assert.Equal(messages.Order(), alerts.Select(a => a.OutboxMessageId!.Value).Distinct().Order());
    }

    private static async Task<int> DrainAsync(TestApp app)
    {
        var executed = 0;
        var idle = 0;
        while (idle < 3)
        {
            var result = await app.Run(new ExecuteDueEscalationsCommand(20));
            Assert.Equal(0, result.Failed);
            executed += result.Executed;
            idle = result.Claimed == 0 ? idle + 1 : 0;
        }

        return executed;
    }
}

public sealed class ExactlyOnceTestsOnSqlite() : ExactlyOnceTests(new SqliteTestDatabase())
{
    protected override bool BothInstancesAlwaysTakePart => false;
}

public sealed class ExactlyOnceTestsOnPostgres(PostgresCluster cluster) : ExactlyOnceTests(new PostgresTestDatabase(cluster));
