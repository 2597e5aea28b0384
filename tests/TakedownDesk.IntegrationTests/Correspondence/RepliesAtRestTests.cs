using System.Text;
using Npgsql;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.IntegrationTests.Slices;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Correspondence;

/// <summary>Replies on a request and mail waiting in the inbox queue: nothing they say is readable in the database, yet the app reads it back.</summary>
public static class ReplyMarkers
{
    public const string Sender = "marker.sender.qv";
    public const string Subject = "Marker subject: about Marker Legalname";
    public const string Text = "Marker reply: we removed the photo of her at Hidden Lane";
    public const string Attachment = "Marker attachment: decision letter naming her";
    public const string Queued = "Marker queued: she wrote from her new address";

    public static readonly string[] All = [Sender, Subject, Text, Attachment, Queued];

    /// <summary>A reply in the thread (with a PDF and an image) and a stranger's message for the queue, both read from Dovecot.</summary>
    public static async Task<Guid> ReadRepliesAsync(TestApp app, DovecotServer imap)
    {
        var sent = await ReplyKit.SentRequestAsync(app);
        var date = app.Time.GetUtcNow().AddMinutes(30);
        await imap.DeliverAsync(ReplyKit.WithHtmlImageAndPdf(
            ReplyKit.Reply(sent.MessageId, date, Subject, Text, from: $"{Sender}@x.example"), $"<p>{Text}</p>", Encoding.UTF8.GetBytes(Attachment)));
        await imap.DeliverAsync(ReplyKit.Reply(null, date, "Hello", Queued, from: $"{Sender}@elsewhere.example"));
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new Infrastructure.Email.MailboxPass(1, 1, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));
        return sent.RequestId;
    }

    public static async Task AssertReadableThroughTheAppAsync(TestApp app, Guid requestId)
    {
        var reply = Assert.Single((await app.Query(new GetRequestCorrespondenceQuery(requestId))).Replies);
        Assert.Equal((Subject, Text), (reply.Subject, reply.Text.Trim()));
        Assert.Contains(Sender, reply.From, StringComparison.Ordinal);
        Assert.Equal("decision.pdf", Assert.Single(reply.Documents).FileName);
        Assert.Equal(Queued, Assert.Single(await app.Query(new ListInboxQuery())).Text.Trim());
    }

    public static void AssertNoMarkerIn(string name, byte[] bytes)
    {
        foreach (var (marker, encoded) in All.SelectMany(Markers.Encodings))
        {
            Assert.True(bytes.AsSpan().IndexOf(encoded) < 0, $"{name} contains \"{marker}\"");
        }
    }
}

public sealed class RepliesAtRestOnSqlite
{
    [Fact]
    public async Task The_database_file_and_its_wal_hold_nothing_a_reply_or_a_queued_mail_says()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), ReplyKit.Settings(smtp, imap));
        var requestId = await ReplyMarkers.ReadRepliesAsync(app, imap);

        var contents = await Markers.ReadDatabaseFilesAsync(app.ConnectionString);
        Assert.Contains(contents, c => c.Bytes.AsSpan().IndexOf("InboundEmails"u8) >= 0);
        Assert.Contains(contents, c => c.Bytes.AsSpan().IndexOf("x.example"u8) >= 0);
        foreach (var (file, bytes) in contents)
        {
            ReplyMarkers.AssertNoMarkerIn(file, bytes);
        }

        await ReplyMarkers.AssertReadableThroughTheAppAsync(app, requestId);
    }
}

public sealed class RepliesAtRestOnPostgres(PostgresCluster cluster)
{
    [Fact]
    public async Task No_column_of_any_table_holds_what_a_reply_or_a_queued_mail_says()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster), ReplyKit.Settings(smtp, imap));
        var requestId = await ReplyMarkers.ReadRepliesAsync(app, imap);

        var dump = new StringBuilder();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            Assert.Contains("InboundEmails", tables);
            foreach (var table in tables)
            {
                await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"{table}\" t", connection);
                dump.AppendLine((string?)await rows.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }
        }

        var text = dump.ToString();
        Assert.Contains("x.example", text, StringComparison.Ordinal);
        ReplyMarkers.AssertNoMarkerIn("database", Encoding.UTF8.GetBytes(text));
        foreach (var marker in ReplyMarkers.All)
        {
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        }

        await ReplyMarkers.AssertReadableThroughTheAppAsync(app, requestId);
    }
}
