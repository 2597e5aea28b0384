using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>The dispatcher against a real SMTP server on 127.0.0.1.</summary>
public abstract class OutboxDispatchTests(TestDatabase database)
{
    [Fact]
    public async Task An_alert_is_delivered_over_smtp_with_its_deterministic_message_id()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(smtp.Settings));
        await EscalationKit.SubmittedRequestAsync(app);
        app.Time.Advance(TimeSpan.FromHours(36));
        await app.Run(new ExecuteDueEscalationsCommand());

        var result = await app.Run(new DispatchOutboxCommand());

        Assert.Equal(1, result.Sent);
        var row = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxState.Sent, 1), (row.State, row.Attempts));
        var received = Assert.Single(smtp.Received);
        Assert.Equal(OutboxMessage.MessageIdFor(row.Key), $"<{received.MessageId}>");
        Assert.StartsWith("Deadline approaching", received.Subject, StringComparison.Ordinal);
        Assert.Equal("casey@helpline.example", received.To.Mailboxes.Single().Address);
        Assert.Equal(0, (await app.Run(new DispatchOutboxCommand())).Claimed);
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_nothing_is_dropped_and_everything_goes_out_once_it_is_back()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(smtp.Settings));
        await QueueAsync(app, 20);
        await smtp.StopAsync();

        Assert.Equal(20, (await app.Run(new DispatchOutboxCommand())).Retrying);
        Assert.Equal(0, (await app.Run(new DispatchOutboxCommand())).Claimed);
        app.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(20, (await app.Run(new DispatchOutboxCommand())).Retrying);

        smtp.StartAgain();
        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(20, (await app.Run(new DispatchOutboxCommand())).Sent);

        var rows = await app.WithDb(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxState.Sent, 3), (r.State, r.Attempts)));
        Assert.Equal(
            rows.Select(r => r.MessageId).Order(StringComparer.Ordinal),
            smtp.Received.Select(m => $"<{m.MessageId}>").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_4xx_is_retried_a_5xx_is_dead_lettered_and_listed_and_a_retry_resends_with_the_same_message_id()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(smtp.Settings));
        var id = (await QueueAsync(app, 1))[0];

        smtp.ReplyCode = 451;
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Retrying);
        smtp.ReplyCode = 554;
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).DeadLettered);
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await app.Run(new DispatchOutboxCommand())).Claimed);

        var listed = Assert.Single(await app.Query(new ListOutboxQuery()));
        Assert.Equal((id, OutboxState.DeadLettered, 2), (listed.Id, listed.State, listed.Attempts));
        Assert.StartsWith("554", listed.LastError, StringComparison.Ordinal);

        smtp.ReplyCode = 250;
        Assert.Equal(OutboxState.Pending, await app.Send(new RetryOutboxMessageCommand(id)));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);
        Assert.Equal(listed.MessageId, $"<{Assert.Single(smtp.Received).MessageId}>");
        Assert.Empty(await app.Query(new ListOutboxQuery()));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_data_is_recorded_as_outcome_unknown_and_not_resent_on_its_own()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(smtp.Settings));
        var id = (await QueueAsync(app, 1))[0];

        smtp.ReplyCode = SmtpTestServer.DropAfterData;
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Unknown);
        app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await app.Run(new DispatchOutboxCommand())).Claimed);

        var listed = Assert.Single(await app.Query(new ListOutboxQuery()));
        Assert.Equal((id, OutboxState.OutcomeUnknown), (listed.Id, listed.State));
        smtp.ReplyCode = 250;
        await app.Send(new RetryOutboxMessageCommand(id, ConfirmedNotDelivered: true));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);
        Assert.Equal(listed.MessageId, $"<{Assert.Single(smtp.Received).MessageId}>");
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_to_the_drop_folder_through_the_same_outbox()
    {
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff());
        await QueueAsync(app, 2);

        Assert.Equal(2, (await app.Run(new DispatchOutboxCommand())).Sent);

        var folder = Path.Combine(app.Configuration[DataDirectory.Key]!, "mail-drop");
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(2, files.Length);
        var message = await MimeKit.MimeMessage.LoadAsync(files[0], TestContext.Current.CancellationToken);
        Assert.Contains(await app.WithDb(db => db.OutboxMessages.Select(m => m.MessageId).ToListAsync()), id => id == $"<{message.MessageId}>");
    }

    [Fact]
    public async Task The_daily_digest_goes_out_at_0800_local_time_once_a_day_on_both_sides_of_a_daylight_saving_change()
    {
        // America/New_York leaves daylight saving on 2026-11-01: 08:00 is 12:00 UTC before, 13:00 UTC after.
        var clock = new SettableClock(new DateTimeOffset(2026, 10, 31, 11, 59, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(), EscalationKit.WithClock(clock));

        async Task<List<string>> DigestKeysAfterTickAsync()
        {
            await app.Send(new QueueDailyDigestsCommand());
            return await app.WithDb(db => db.OutboxMessages.Where(m => EF.Functions.Like(m.Key, "digest:caseworker-1:%")).OrderBy(m => m.CreatedAtUtc).Select(m => m.Key).ToListAsync());
        }

        Assert.Empty(await DigestKeysAfterTickAsync());
        clock.Now = new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(["digest:caseworker-1:2026-10-31"], await DigestKeysAfterTickAsync());
        clock.Now = new DateTimeOffset(2026, 10, 31, 12, 30, 0, TimeSpan.Zero);
        Assert.Single(await DigestKeysAfterTickAsync());
        clock.Now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Single(await DigestKeysAfterTickAsync());
        clock.Now = new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero);
        Assert.Equal(["digest:caseworker-1:2026-10-31", "digest:caseworker-1:2026-11-01"], await DigestKeysAfterTickAsync());

        // The clock jumps back into the same local morning: no second digest for that day.
        clock.Now = new DateTimeOffset(2026, 11, 1, 13, 30, 0, TimeSpan.Zero);
        Assert.Equal(2, (await DigestKeysAfterTickAsync()).Count);
        clock.Now = new DateTimeOffset(2026, 11, 1, 13, 5, 0, TimeSpan.Zero);
        Assert.Equal(2, (await DigestKeysAfterTickAsync()).Count);

        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(new DateTime(2026, 11, 1, 13, 0, 0, DateTimeKind.Utc), DigestSchedule.NextRunUtc(newYork, new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Utc), DigestSchedule.DefaultLocalTime));
        Assert.Equal(new DateTime(2027, 3, 14, 12, 0, 0, DateTimeKind.Utc), DigestSchedule.NextRunUtc(newYork, new DateTime(2027, 3, 13, 13, 0, 0, DateTimeKind.Utc), DigestSchedule.DefaultLocalTime));
    }

    [Fact]
    public async Task A_request_sent_by_e_mail_is_submitted_when_the_server_accepts_it_with_the_message_id_as_evidence()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(database, EscalationKit.Staff(smtp.Settings));
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];
        await EscalationKit.DesignateEmailAsync(app, location.PlatformId!.Value, "takeitdown@x.example");
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));

        var queued = await app.Send(new SendRequestByEmailCommand(drafted.RequestId, "takeitdown@x.example"));
        Assert.Equal(RequestStatus.Ready, (await app.Query(new GetRemovalRequestQuery(drafted.RequestId))).Status);
        app.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);

        var request = await app.WithDb(db => db.RemovalRequests.AsNoTracking().SingleAsync(r => r.Id == drafted.RequestId));
        var acceptedAt = app.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal((ChannelKind.Email, queued.MessageId, acceptedAt), (request.Submission!.Channel, request.Submission.MessageId, request.Submission.SubmittedAtUtc));
        Assert.Equal(acceptedAt.AddHours(48), request.DeadlineAtUtc);
        Assert.Equal(3, await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.RequestId == drafted.RequestId)));
        var received = Assert.Single(smtp.Received);
        Assert.Equal(queued.MessageId, $"<{received.MessageId}>");
        Assert.Contains("https://x.com/poster/status/1001", received.TextBody, StringComparison.Ordinal);
        var pdf = Assert.Single(received.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        var stored = await app.WithDb(db => db.Documents.AsNoTracking().SingleAsync(d => d.RequestId == drafted.RequestId));
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(stored.PdfSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ToArray())));
        var sent = await app.WithDb(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == queued.OutboxMessageId));
        Assert.Equal((string.Empty, string.Empty, 0), (sent.HtmlBody, sent.TextBody, sent.Attachments.Count));
    }

    private static async Task<List<Guid>> QueueAsync(TestApp app, int count)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var messages = Enumerable.Range(0, count)
            .Select(i => new OutboxMessage($"test:{i}", "casey@helpline.example", $"Test {i}", "<p>hello</p>", "hello", now))
            .ToList();
        await app.WithDb(db =>
        {
            db.OutboxMessages.AddRange(messages);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return messages.Select(m => m.Id).ToList();
    }
}

public sealed class OutboxDispatchTestsOnSqlite() : OutboxDispatchTests(new SqliteTestDatabase());

public sealed class OutboxDispatchTestsOnPostgres(PostgresCluster cluster) : OutboxDispatchTests(new PostgresTestDatabase(cluster));
