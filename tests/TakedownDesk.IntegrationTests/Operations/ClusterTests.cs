using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>
/// Two real host processes on one PostgreSQL database, as behind a load balancer: a sign-in on one is valid on the
/// other, Quartz runs clustered on its tables, and after kill -9 of one the other does all scheduled work in time.
/// </summary>
public sealed partial class ClusterTests(PostgresCluster cluster)
{
    private const int CheckinIntervalSeconds = 1;
    private const int CheckinMisfireThresholdSeconds = 5;
    private const int IntervalSeconds = 1;
    private const int StepCount = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_share_sign_in_and_after_kill_9_of_one_the_other_does_all_scheduled_work_within_the_check_in_threshold()
    {
        await using var smtp = SmtpTestServer.Start();
        var settings = await DeploymentSettingsAsync(smtp);
        await using var app = await TestApp.StartOnAsync(DatabaseProvider.Postgres, settings["Database:ConnectionString"]!, null, settings);
        var user = await CreateStaffAsync(app);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        // Its own planned steps are already due by the real clock; only the steps added after the kill count.
        await app.WithDb(db => db.EscalationSteps.Where(s => s.RequestId == requestId).ExecuteDeleteAsync(Ct));

        var (portA, portB) = (HostProcess.FreePort(), HostProcess.FreePort());
        using var first = StartNode(settings, portA);
        using var second = StartNode(settings, portB);
        try
        {
            await HostProcess.WaitUntilLiveAsync(first.Process, portA, TimeSpan.FromSeconds(120));
            await HostProcess.WaitUntilLiveAsync(second.Process, portB, TimeSpan.FromSeconds(120));

            await SignInOnOneUsableOnTheOtherAsync(user, portA, portB);

            var nodes = await WaitForAsync(() => ClusterNodesAsync(settings), n => n.Count == 2, TimeSpan.FromSeconds(30), "two nodes checked in");
            Assert.Equal(2, nodes.Distinct(StringComparer.Ordinal).Count());

            await HostProcess.KillAsync(first.Process);
            var killedAt = Stopwatch.StartNew();
            await AddDueStepsAsync(app, requestId, DateTime.UtcNow.AddMinutes(-1));

            // The survivor takes over the dead node's jobs once its check-ins are overdue, then sweeps and sends.
            await WaitForAsync(() => DoneAndSentAsync(app, requestId), c => c.Done == StepCount && c.Sent == StepCount, Budget(), $"all {StepCount} steps done and sent by the survivor");
            var finishedAfter = killedAt.Elapsed;
            Assert.False(second.Process.HasExited, second.Errors());
            Assert.True(finishedAfter <= Budget(), $"took {finishedAfter} after the kill; budget {Budget()}");
            TestContext.Current.TestOutputHelper?.WriteLine($"all {StepCount} steps done and sent {finishedAfter.TotalSeconds:F1} s after kill -9 (threshold {CheckinMisfireThresholdSeconds} s)");

            var survivors = await WaitForAsync(() => ClusterNodesAsync(settings), n => n.Count == 1, Budget(), "the dead node removed from the cluster");
            Assert.Contains(survivors[0], nodes);
            var sentIds = await app.WithDb(db => EscalationKit.AlertMessageIdsAsync(db, Ct));
            var receivedIds = smtp.Received.Select(m => $"<{m.MessageId}>").ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(sentIds);
            Assert.All(sentIds, id => Assert.Contains(id, receivedIds));
        }
        finally
        {
            await HostProcess.KillAsync(first.Process);
            await HostProcess.KillAsync(second.Process);
        }
    }

    /// <summary>Threshold to notice the dead node, one check-in to act on it, the intervals of sweep and dispatch, and slack for a loaded 2-core machine.</summary>
    private static TimeSpan Budget() =>
        TimeSpan.FromSeconds(CheckinMisfireThresholdSeconds + CheckinIntervalSeconds + (2 * IntervalSeconds) + 15);

    private static async Task SignInOnOneUsableOnTheOtherAsync(TestUser user, int portA, int portB)
    {
        // Cookies are scoped to the host, not the port: one container stands for one browser behind a load balancer.
        using var browser = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(browser);
        var onA = new Uri($"http://127.0.0.1:{portA}");
        var onB = new Uri($"http://127.0.0.1:{portB}");

        var signIn = new Uri(onA, "/Account/SignIn");
        var password = await PostFormAsync(client, signIn, signIn, new() { ["Input.Email"] = user.Email, ["Input.Password"] = WebTestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var code = Totp.Code(user.AuthenticatorKey!, Totp.TimeStepAt(DateTimeOffset.UtcNow));
        var verify = new Uri(onA, "/Account/Verify");
        var verified = await PostFormAsync(client, verify, verify, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.DoesNotContain("/Account", verified.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var board = await client.GetAsync(new Uri(onB, "/"), Ct);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("action=\"/Account/SignOut\"", await board.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // An antiforgery token issued by B is accepted by A: the sign-out form of B's board, posted to A, ends the session.
        var signedOut = await PostFormAsync(client, new Uri(onB, "/"), new Uri(onA, "/Account/SignOut"), []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var afterSignOut = await client.GetAsync(new Uri(onB, "/"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/Account/SignIn", afterSignOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Uri formPage, Uri postTo, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync(postTo, new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<Dictionary<string, string?>> DeploymentSettingsAsync(SmtpTestServer smtp) =>
        EscalationKit.Staff(new Dictionary<string, string?>(smtp.Settings)
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = await cluster.CreateDatabaseAsync(),
            ["Encryption:MasterKeys:0:Id"] = "mk-cluster",
            ["Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Encryption:KeyStoreProvider"] = "Postgres",
            ["Encryption:KeyStoreConnectionString"] = await cluster.CreateDatabaseAsync(),
        });

    private static Node StartNode(Dictionary<string, string?> deployment, int port)
    {
        var settings = new Dictionary<string, string?>(deployment)
        {
            ["TakedownDesk:DataDirectory"] = Directory.CreateTempSubdirectory("takedowndesk-node-").FullName,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:SweepIntervalSeconds"] = IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:DispatchIntervalSeconds"] = IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:ClusterCheckinIntervalSeconds"] = CheckinIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:ClusterCheckinMisfireThresholdSeconds"] = CheckinMisfireThresholdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:ClaimLeaseSeconds"] = CheckinMisfireThresholdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new Node(HostProcess.Start(settings));
    }

    private static async Task<TestUser> CreateStaffAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"cluster-{Guid.NewGuid():N}@helpline.example";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Cluster tester", TimeZoneId = "America/New_York", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, WebTestApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRoles.Caseworker)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return new TestUser(user.Id, email, await users.GetAuthenticatorKeyAsync(user));
    }

    private static async Task AddDueStepsAsync(TestApp app, Guid requestId, DateTime due)
    {
        var caseId = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(Ct));
        await app.WithDb(db => db.EscalationSteps.Where(s => s.RequestId == requestId).ExecuteDeleteAsync(Ct));
        await app.WithDb(db =>
        {
            db.EscalationSteps.AddRange(Enumerable.Range(0, StepCount).Select(_ => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due)));
            return db.SaveChangesAsync(Ct);
        });
    }

    private static async Task<(int Done, int Sent)> DoneAndSentAsync(TestApp app, Guid requestId) =>
        (await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.RequestId == requestId && s.State == EscalationState.Done, Ct)),
         await app.WithDb(db => EscalationKit.AlertsSentAsync(db, Ct)));

    private static async Task<List<string>> ClusterNodesAsync(Dictionary<string, string?> settings)
    {
        await using var connection = new NpgsqlConnection(settings["Database:ConnectionString"]);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name", connection);
        var nodes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            nodes.Add(reader.GetString(0));
        }

        return nodes;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(until.Elapsed < timeout, $"timed out after {timeout} waiting for {what}; last seen {value}");
            await Task.Delay(200, Ct);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A host process whose error output is kept for the failure message (and read, so the pipe never fills).</summary>
    private sealed class Node : IDisposable
    {
        private readonly System.Text.StringBuilder errors = new();

        public Node(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Errors()
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }

        public void Dispose() => Process.Dispose();
    }
}
