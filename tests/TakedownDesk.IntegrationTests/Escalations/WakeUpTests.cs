using Microsoft.EntityFrameworkCore;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>
/// The loops wake at the next due instant and on commit signals, not on their ticks: the ticks here are an hour, so
/// an e-mail that arrives without the clock reaching the next tick was woken by one of those.
/// </summary>
public sealed class WakeUpTests(PostgresCluster cluster)
{
    private static readonly Dictionary<string, string?> HourTicks = new()
    {
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:SweepIntervalSeconds"] = "3600",
        ["Scheduling:DispatchIntervalSeconds"] = "3600",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_step_due_between_ticks_runs_at_its_instant_and_its_e_mail_goes_on_the_commit_signal()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings.Concat(HourTicks).ToDictionary()), HostedServices.WithLifetime);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(Ct));
        await app.WithDb(db => db.EscalationSteps.Where(s => s.RequestId == requestId).ExecuteDeleteAsync(Ct));

        await using var loops = await HostedServices.StartAsync(app);
        var due = app.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
        await app.WithDb(db =>
        {
            db.EscalationSteps.Add(new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due));
            return db.SaveChangesAsync(Ct);
        });

        var step = await app.WithDb(db => db.EscalationSteps.SingleAsync(s => s.RequestId == requestId, Ct));
        var alertMail = OutboxMessage.MessageIdFor(StaffAlert.KeyFor(step.Id, EscalationKit.Caseworker));

        await Task.Delay(1000, Ct);
        Assert.False(Received(smtp, alertMail));
        app.Time.Advance(TimeSpan.FromMinutes(10));

        await WaitForAsync(() => Received(smtp, alertMail), "the step's alert accepted by the SMTP server");

        // The server accepts before the dispatcher commits the acceptance: wait for the row too, not only the mail.
        await WaitForAsync(
            async () => await app.WithDb(db => db.OutboxMessages.Where(m => m.MessageId == alertMail).Select(m => m.State).SingleAsync(Ct)) == OutboxState.Sent,
            "the alert recorded as sent");
        Assert.Equal(due, app.Time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task On_postgresql_an_e_mail_queued_by_one_instance_wakes_the_other_instances_dispatcher()
    {
        await using var smtp = SmtpTestServer.Start();
        var settings = EscalationKit.Staff(smtp.Settings.Concat(HourTicks).ToDictionary());
        await using var quiet = await TestApp.StartAsync(new PostgresTestDatabase(cluster), EscalationKit.Staff(smtp.Settings));
        await using var working = await quiet.StartAnotherInstanceAsync(settings, HostedServices.WithLifetime);
        await using var loops = await HostedServices.StartAsync(working);
        await Task.Delay(1000, Ct);

        // Written by the instance whose loops are not running: only the NOTIFY can tell the other.
        var now = quiet.Time.GetUtcNow().UtcDateTime;
        await quiet.WithDb(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("wake-up-test", "casey@helpline.example", "Wake up", "<p>Wake up</p>", "Wake up", now));
            return db.SaveChangesAsync(Ct);
        });

        await WaitForAsync(() => Received(smtp, OutboxMessage.MessageIdFor("wake-up-test")), "the e-mail sent by the other instance");
        Assert.Equal(OutboxState.Sent, await quiet.WithDb(db => db.OutboxMessages.Where(m => m.Key == "wake-up-test").Select(m => m.State).SingleAsync(Ct)));
    }

    /// <summary>By Message-ID: a staff member's 08:00 digest may arrive beside it.</summary>
    private static bool Received(SmtpTestServer smtp, string messageId) =>
        smtp.Receipts.Any(r => $"<{r.Message.MessageId}>" == messageId);

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(50, Ct);
        }
    }
}
