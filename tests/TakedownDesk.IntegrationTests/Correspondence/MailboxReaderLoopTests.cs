using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Correspondence;

/// <summary>The reader as it runs in the host: woken by IDLE, or polling; and the real host killed with SIGKILL mid-read.</summary>
public sealed class MailboxReaderLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_idle_new_mail_is_read_at_once_although_the_poll_interval_is_ten_minutes()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        var settings = ReplyKit.Settings(smtp, imap);
        settings["Email:Imap:PollIntervalSeconds"] = "600";
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), settings);
        var sent = await ReplyKit.SentRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(1));
        await imap.DeliverAsync(ReplyKit.Reply(sent.MessageId, app.Time.GetUtcNow().AddMinutes(-5), "Re: request", "We have received your request."));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = ReplyKit.Reader(app).RunAsync(stop.Token);
        await WaitForRowsAsync(app, 1, TimeSpan.FromSeconds(10));

        // The first pass is done and the reader waits; only the server's IDLE notice can wake it before ten minutes.
        await Task.Delay(300, Ct);
        var delivered = Stopwatch.StartNew();
        await imap.DeliverAsync(ReplyKit.Reply(sent.MessageId, app.Time.GetUtcNow().AddMinutes(-4), "Re: request", "The content has been removed."));
        await WaitForRowsAsync(app, 2, TimeSpan.FromSeconds(10));
        var latency = delivered.Elapsed;

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        Assert.True(latency < TimeSpan.FromSeconds(5), $"read after {latency.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Without_idle_the_reader_polls_at_its_interval()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        var settings = ReplyKit.Settings(smtp, imap);
        settings["Email:Imap:UseIdle"] = "false";
        settings["Email:Imap:PollIntervalSeconds"] = "60";
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), settings);
        await imap.DeliverAsync(ReplyKit.Reply(null, app.Time.GetUtcNow(), "Hello", "Anyone there?", from: "someone@unrelated.example"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = ReplyKit.Reader(app).RunAsync(stop.Token);
        await WaitForRowsAsync(app, 1, TimeSpan.FromSeconds(10));
        await imap.DeliverAsync(ReplyKit.Reply(null, app.Time.GetUtcNow(), "Hello again", "Still there?", from: "someone@unrelated.example"));

        // Until the (fake) clock reaches the interval, nothing more is read.
        await Task.Delay(1500, Ct);
        Assert.Equal(1, await app.WithDb(db => db.InboundEmails.CountAsync(Ct)));
        app.Time.Advance(TimeSpan.FromSeconds(61));
        await WaitForRowsAsync(app, 2, TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    [Trait("Category", "Kill")]
    public async Task A_host_killed_while_reading_the_mailbox_takes_every_message_in_exactly_once_after_its_restart()
    {
        const int count = 1000;
        var folder = Directory.CreateTempSubdirectory("takedowndesk-kill-imap-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "takedowndesk.db")};Default Timeout=30";
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        var settings = ReplyKit.Settings(smtp, imap);
        await using var app = await TestApp.StartOnAsync(DatabaseProvider.Sqlite, connectionString, folder, settings);
        var sent = await ReplyKit.SentRequestAsync(app);
        var date = DateTimeOffset.UtcNow.AddMinutes(-10);
        await imap.DeliverManyAsync(Enumerable.Range(0, count).Select(i => ReplyKit.Reply(sent.MessageId, date, $"Re: request ({i})", "We have received your request.")));

        var environment = new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["TakedownDesk:DataDirectory"] = folder,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        using (var first = StartHost(environment))
        {
            await WaitForRowsAsync(app, 100, TimeSpan.FromSeconds(120));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }

        var atKill = await app.WithDb(db => db.InboundEmails.CountAsync(Ct));
        Assert.InRange(atKill, 100, count - 1);

        using (var second = StartHost(environment))
        {
            try
            {
                await WaitForRowsAsync(app, count, TimeSpan.FromSeconds(180));
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync(Ct);
            }
        }

        var uids = await app.WithDb(db => db.InboundEmails.AsNoTracking().Select(e => e.Uid).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), uids.Order());
        Assert.Equal(count, await app.WithDb(db => db.Timeline.CountAsync(t => t.Kind == "ReplyReceived", Ct)));
    }

    private static Process StartHost(IDictionary<string, string?> settings)
    {
        var web = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "TakedownDesk.Web.dll")]) { WorkingDirectory = web, UseShellExecute = false };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
    }

    private static async Task WaitForRowsAsync(TestApp app, int atLeast, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await app.WithDb(db => db.InboundEmails.CountAsync(Ct));
            if (rows >= atLeast)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"timed out with {rows} message(s) taken in");
            await Task.Delay(50, Ct);
        }
    }
}
