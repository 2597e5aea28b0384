using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>
/// Measurements, not assertions of speed (the machines are shared). Run with TAKEDOWNDESK_BENCHMARKS=1; results go to
/// the test output and to takedowndesk-benchmarks.txt in the temp folder.
/// </summary>
public sealed class EscalationBenchmarks(PostgresCluster cluster)
{
    private static bool Enabled => Environment.GetEnvironmentVariable("TAKEDOWNDESK_BENCHMARKS") == "1";

    /// <summary>10,000 by default; TAKEDOWNDESK_BENCHMARK_BURST sets another count (e.g. 2000 on a busy machine).</summary>
    private static int BurstCount =>
        int.TryParse(Environment.GetEnvironmentVariable("TAKEDOWNDESK_BENCHMARK_BURST"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 10_000;

    [Fact]
    public async Task Deadline_to_smtp_acceptance_latency_over_1000_deadlines_with_quartz_and_the_real_clock()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        const int count = 1_000;
        await using var smtp = SmtpTestServer.Start();
        // Default sweep and dispatch intervals and batch size; only scheduling is turned on, on the system clock.
        await using var app = await TestApp.StartAsync(
            new SqliteTestDatabase(),
            EscalationKit.Staff(new Dictionary<string, string?>(smtp.Settings) { ["Scheduling:Enabled"] = "true" }),
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton(TimeProvider.System));
                HostedServices.WithLifetime(services);
            });
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(TestContext.Current.CancellationToken));

        // FollowUp7d alerts the assignee only: one alert per step. Due from 10 s to 60 s from now (20 deadlines/s).
        var first = DateTime.UtcNow.AddSeconds(10);
        var steps = Enumerable.Range(0, count)
            .Select(i => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, first.AddMilliseconds(i * 50_000.0 / count)))
            .ToList();
        await app.WithDb(db =>
        {
            db.EscalationSteps.AddRange(steps);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await using (await HostedServices.StartAsync(app))
        {
            var giveUp = first.AddSeconds(50 + 180);
            while (await app.WithDb(db => EscalationKit.AlertsSentAsync(db, TestContext.Current.CancellationToken)) < count && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }

        // An alert's latency: from its step's due instant to the acceptance of the e-mail that carried it.
        var receivedAt = smtp.Receipts
            .Where(r => r.Message.MessageId is not null)
            .GroupBy(r => $"<{r.Message.MessageId}>", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(r => r.ReceivedAtUtc), StringComparer.Ordinal);
        var carried = await app.WithDb(db => db.StaffAlerts
            .Join(db.OutboxMessages, a => a.OutboxMessageId, m => (Guid?)m.Id, (a, m) => new { m.MessageId, a.StepDueAtUtc })
            .ToListAsync(TestContext.Current.CancellationToken));
        var latencies = carried
            .Where(c => receivedAt.ContainsKey(c.MessageId))
            .Select(c => (receivedAt[c.MessageId] - c.StepDueAtUtc).TotalMilliseconds)
            .Order()
            .ToArray();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"deadline to SMTP acceptance, {latencies.Length} of {count} deadlines over 50 s in {receivedAt.Count} e-mails, default settings, work loops on the system clock (SQLite): p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {(latencies.Length == 0 ? 0 : latencies[^1]):F0} ms"));
        Assert.Equal(count, latencies.Length);
    }

    [Fact]
    public async Task Burst_of_due_steps_on_sqlite_until_every_alert_is_accepted()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        var count = BurstCount;
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings));
        await BurstAsync("SQLite, one app instance", count, smtp, app);
    }

    [Fact]
    public async Task Burst_of_due_steps_drained_by_two_instances_until_every_alert_is_accepted()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        var count = BurstCount;
        await using var smtp = SmtpTestServer.Start();
        await using var first = await TestApp.StartAsync(new PostgresTestDatabase(cluster), EscalationKit.Staff(smtp.Settings));
        await using var second = await first.StartAnotherInstanceAsync(EscalationKit.Staff(smtp.Settings));
        await BurstAsync("PostgreSQL, two app instances", count, smtp, first, second);
    }

    [Fact]
    public async Task Sweep_query_over_1000000_rows_uses_the_index()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster), EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "EscalationSteps" ("Id", "RequestId", "CaseId", "Kind", "DueAtUtc", "State", "NextRunAtUtc", "Attempts")
            SELECT gen_random_uuid(), r."Id", r."CaseId", 'FollowUp7d', {0}::timestamptz + (g * interval '1 second'),
                   CASE WHEN g % 10 = 0 THEN 'Pending' ELSE 'Done' END, {0}::timestamptz + (g * interval '1 second'), 1
            FROM generate_series(1, 1000000) g CROSS JOIN (SELECT "Id", "CaseId" FROM "RemovalRequests" WHERE "Id" = {1}) r
            """,
            [now.AddDays(-20), requestId],
            TestContext.Current.CancellationToken));
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("ANALYZE \"EscalationSteps\"", TestContext.Current.CancellationToken));

        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await app.WithDb(db => db.EscalationSteps
                .Where(s => (s.State == EscalationState.Pending || s.State == EscalationState.Claimed) && s.NextRunAtUtc <= now)
                .OrderBy(s => s.NextRunAtUtc)
                .Select(s => s.Id)
                .Take(50)
                .ToListAsync(TestContext.Current.CancellationToken));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"sweep candidate query over 1,000,000 rows (100,000 pending): p50 {Percentile([.. timings], 0.5):F1} ms, p99 {Percentile([.. timings], 0.99):F1} ms"));
    }

    /// <summary>To the test output and to takedowndesk-benchmarks.txt in the temp folder.</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllLines(Path.Combine(Path.GetTempPath(), "takedowndesk-benchmarks.txt"), [line]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    /// <summary>
    /// Inserts <paramref name="count"/> steps due at one instant, then has every instance run the sweep (which coalesces
    /// the alerts) and the dispatcher side by side, as the work loops would without their waits, until every step is
    /// done and every alert is in an e-mail the SMTP server accepted.
    /// </summary>
    private static async Task BurstAsync(string where, int count, SmtpTestServer smtp, params TestApp[] apps)
    {
        var app = apps[0];
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(TestContext.Current.CancellationToken));
        var due = app.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await app.WithDb(db =>
        {
            db.EscalationSteps.AddRange(Enumerable.Range(0, count).Select(_ => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due)));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var giveUp = DateTime.UtcNow.AddMinutes(15);
        var started = Stopwatch.GetTimestamp();
        var sweeps = apps.Select(a => Task.Run(() => DrainAsync(a))).ToArray();
        var dispatches = apps.Select(a => Task.Run(() => DispatchUntilAlertedAsync(a, count, giveUp))).ToArray();
        var timings = await Task.WhenAll(sweeps);
        var stepsDone = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(dispatches);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var perSweepMs = timings.SelectMany(t => t).Order().ToArray();
        var alerted = await app.WithDb(db => EscalationKit.AlertsSentAsync(db, TestContext.Current.CancellationToken));
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"burst ({where}): {count} steps due at once; steps done in {stepsDone.TotalSeconds:F1} s; all {alerted} alerts accepted by SMTP in {elapsed.TotalSeconds:F1} s, coalesced into {smtp.Receipts.Count} e-mails; sweep of 50: p50 {Percentile(perSweepMs, 0.5):F0} ms, p99 {Percentile(perSweepMs, 0.99):F0} ms"));
        Assert.Equal(count, await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.State == EscalationState.Done && s.Kind == EscalationKind.FollowUp7d, TestContext.Current.CancellationToken)));
        Assert.Equal(count, alerted);
    }

    private static async Task DispatchUntilAlertedAsync(TestApp app, int count, DateTime giveUp)
    {
        while (await app.WithDb(db => EscalationKit.AlertsSentAsync(db, TestContext.Current.CancellationToken)) < count && DateTime.UtcNow < giveUp)
        {
            var result = await app.Run(new DispatchOutboxCommand(50));
            if (result.Claimed == 0)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>One MailKit connection, <paramref name="count"/> messages; Nagle's algorithm on the client socket on or off.</summary>
    private static async Task<TimeSpan> PlainMailKitLoopAsync(int port, string subject, string html, string text, string to, int count, bool noDelay)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = noDelay };
        await socket.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var client = new SmtpClient();
        await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        for (var i = 0; i < count; i++)
        {
            using var mime = new MimeMessage
            {
                Subject = subject,
                Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
                Date = DateTimeOffset.UtcNow,
                MessageId = $"ceiling-{Guid.NewGuid():N}@takedowndesk.local",
            };
            mime.From.Add(MailboxAddress.Parse("desk@helpline.example"));
            mime.To.Add(MailboxAddress.Parse(to));
            await client.SendAsync(mime, TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    [Fact]
    public async Task Plain_mailkit_loop_with_and_without_nagle_against_the_test_server_and_python_smtpd()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        const int count = 500;
        const string html = "<!DOCTYPE html><html><body><p>Deadline missed: TD-2026-0142-R1</p></body></html>";
        await using var smtp = SmtpTestServer.Start(noDelay: false);
        await using var smtpNoDelay = SmtpTestServer.Start();
        var port = FreePort();
        using var python = Process.Start(new ProcessStartInfo("python3", ["-W", "ignore", "-c", PythonSmtpSink, port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 did not start");
        try
        {
            Assert.Equal("ready", await python.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));
            foreach (var (server, serverPort) in new[] { ("in-process SmtpServer", smtp.Port), ("in-process SmtpServer with NoDelay on its sockets", smtpNoDelay.Port), ("Python smtpd", port) })
            {
                foreach (var noDelay in new[] { false, true })
                {
                    var elapsed = await PlainMailKitLoopAsync(serverPort, "Deadline missed", html, "Deadline missed", "casey@helpline.example", count, noDelay);
                    Report(string.Create(
                        CultureInfo.InvariantCulture,
                        $"plain MailKit loop, {count} e-mails over one connection to {server} on 127.0.0.1, client NoDelay={noDelay}: {elapsed.TotalSeconds:F2} s ({count / elapsed.TotalSeconds:F0}/s, {elapsed.TotalMilliseconds / count:F1} ms each)"));
                }
            }
        }
        finally
        {
            python.Kill();
        }
    }

    /// <summary>Python's standard smtpd (3.11), accepting and discarding: a second, independent SMTP implementation.</summary>
    private const string PythonSmtpSink = """
        import asyncore, smtpd, sys
        class Sink(smtpd.SMTPServer):
            def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
                return None
        Sink(("127.0.0.1", int(sys.argv[1])), None)
        print("ready", flush=True)
        asyncore.loop()
        """;

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<List<double>> DrainAsync(TestApp app)
    {
        var timings = new List<double>();
        var idle = 0;
        while (idle < 3)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await app.Run(new ExecuteDueEscalationsCommand(50));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            idle = result.Claimed == 0 ? idle + 1 : 0;
        }

        return timings;
    }
}
