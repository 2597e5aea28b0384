using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>The real web host in its own process, killed with SIGKILL mid-run and started again: nothing lost, nothing done twice.</summary>
public sealed class KillTests
{
    private const int StepCount = 300;

    [Fact]
    [Trait("Category", "Kill")]
    public async Task A_host_killed_mid_run_loses_no_escalation_and_runs_none_twice()
    {
        var folder = Directory.CreateTempSubdirectory("takedowndesk-kill-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "takedowndesk.db")};Default Timeout=30";
        await using var smtp = SmtpTestServer.Start();
        var settings = EscalationKit.Staff(smtp.Settings);
        await using var app = await TestApp.StartOnAsync(DatabaseProvider.Sqlite, connectionString, folder, settings);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(TestContext.Current.CancellationToken));
        // Due by the host's real clock too; the request's own planned steps are removed so only these count.
        var due = DateTime.UtcNow.AddMinutes(-1);
        await app.WithDb(db => db.EscalationSteps.Where(s => s.RequestId == requestId).ExecuteDeleteAsync(TestContext.Current.CancellationToken));
        await app.WithDb(db =>
        {
            db.EscalationSteps.AddRange(Enumerable.Range(0, StepCount).Select(_ => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due)));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var environment = new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["TakedownDesk:DataDirectory"] = folder,
            ["Scheduling:SweepIntervalSeconds"] = "1",
            ["Scheduling:DispatchIntervalSeconds"] = "1",
            ["Scheduling:BatchSize"] = "10",
            ["Scheduling:ClaimLeaseSeconds"] = "3",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        using (var first = StartHost(environment))
        {
            await WaitUntilAsync(app, (done, sent) => done >= 60, TimeSpan.FromSeconds(120));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var doneAtKill = await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.State == EscalationState.Done, TestContext.Current.CancellationToken));
        Assert.InRange(doneAtKill, 60, StepCount - 1);

        using (var second = StartHost(environment))
        {
            try
            {
                await WaitUntilAsync(app, (done, sent) => done == StepCount && sent == StepCount, TimeSpan.FromSeconds(180));
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }

        var steps = await app.WithDb(db => db.EscalationSteps.AsNoTracking().Where(s => s.Kind == EscalationKind.FollowUp7d).ToListAsync(TestContext.Current.CancellationToken));
        Assert.All(steps, s => Assert.Equal(EscalationState.Done, s.State));
        var alertMails = await app.WithDb(db => EscalationKit.AlertMessageIdsAsync(db, TestContext.Current.CancellationToken));
        var receivedIds = smtp.Received.Where(m => m.Subject?.StartsWith("Open requests for ", StringComparison.Ordinal) != true).Select(m => $"<{m.MessageId}>").ToList();
        // Every e-mail arrived; a kill between the server's 250 and saving "Sent" may repeat one, with the same Message-ID.
        Assert.Equal(alertMails.Order(StringComparer.Ordinal), receivedIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.InRange(receivedIds.Count - alertMails.Count, 0, 10);
    }

    private static Process StartHost(IDictionary<string, string?> settings)
    {
        // The web project's build output (dll, deps, runtimeconfig) is copied next to the tests.
        var web = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "TakedownDesk.Web.dll")])
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
    }

    private static async Task WaitUntilAsync(TestApp app, Func<int, int, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var done = await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.State == EscalationState.Done, TestContext.Current.CancellationToken));
            // The host runs on the real clock, so a staff member's 08:00 digest may join the escalation e-mails.
            var sent = await app.WithDb(db => EscalationKit.AlertsSentAsync(db, TestContext.Current.CancellationToken));
            if (condition(done, sent))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"timed out with {done} step(s) done and {sent} e-mail(s) sent");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
