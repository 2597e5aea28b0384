using Microsoft.EntityFrameworkCore;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>With scheduling on, the hosted work loops run the sweep and the dispatcher by themselves.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task The_work_loops_run_the_sweep_and_the_dispatcher_until_a_due_reminder_is_delivered()
    {
        var logs = new LogRecorder();
        await using var app = await TestApp.StartAsync(
            new SqliteTestDatabase(),
            EscalationKit.Staff(new Dictionary<string, string?>
            {
                ["Scheduling:Enabled"] = "true",
                ["Scheduling:SweepIntervalSeconds"] = "1",
                ["Scheduling:DispatchIntervalSeconds"] = "1",
            }),
            services =>
            {
                HostedServices.WithLifetime(services);
                EscalationKit.RecordingLogs(logs)(services);
            });
        await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(36));

        await using var hosted = await HostedServices.StartAsync(app);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        OutboxState? state = null;
        while (DateTime.UtcNow < deadline && state != OutboxState.Sent)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            // The loops wait on the app's (fake) clock: let it tick.
            app.Time.Advance(TimeSpan.FromMilliseconds(500));
            state = await app.WithDb(db => db.OutboxMessages.Select(m => (OutboxState?)m.State).SingleOrDefaultAsync(TestContext.Current.CancellationToken));
        }

        Assert.True(state == OutboxState.Sent, string.Join('\n', logs.Lines.Where(l => !l.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).TakeLast(40)));
    }
}
