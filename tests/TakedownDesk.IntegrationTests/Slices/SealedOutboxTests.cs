using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Messaging.Rules;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>A request e-mail names the victim and the content: queued, it is sealed with the victim's key; erased, it can never go out.</summary>
public sealed class SealedOutboxTests
{
    [Fact]
    public async Task A_queued_request_e_mail_is_sealed_at_rest_and_opened_only_to_send_it()
    {
        await using var smtp = SmtpTestServer.Start();
        await smtp.StopAsync();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings));
        var (opened, queued) = await Markers.QueueRequestEmailAsync(app);

        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Retrying);
        var waiting = await app.WithDb(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == queued.OutboxMessageId));
        Assert.Equal((OutboxState.Failed, opened.VictimId, string.Empty, string.Empty, 0), (waiting.State, waiting.VictimId, waiting.HtmlBody, waiting.TextBody, waiting.Attachments.Count));
        Assert.NotEmpty(waiting.SealedContent!);
        Markers.AssertNoMarkerIn(await Markers.ReadDatabaseFilesAsync(app.ConnectionString));

        smtp.StartAgain();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);

        var received = Assert.Single(smtp.Received);
        Assert.Equal(queued.MessageId, $"<{received.MessageId}>");
        Assert.Contains(Markers.Url, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(Samples.LegalName, received.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("application/pdf", Assert.Single(received.Attachments).ContentType.MimeType);
        var sent = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.OutboxMessageId));
        Assert.Equal((OutboxState.Sent, null), (sent.State, sent.SealedContent));
        Assert.Equal(RequestStatus.Submitted, (await app.Query(new GetRemovalRequestQuery(sent.RemovalRequestId!.Value))).Status);
    }

    [Fact]
    public async Task An_erased_victims_queued_e_mail_is_marked_undeliverable_never_sent_and_never_retried()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings));
        var (opened, queued) = await Markers.QueueRequestEmailAsync(app);
        await app.WithDb(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("test:plain", "casey@helpline.example", "Plain alert", "<p>ref</p>", "ref", app.Time.GetUtcNow().UtcDateTime));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));

        var result = await app.Run(new DispatchOutboxCommand());

        Assert.Equal((2, 1, 1, 0), (result.Claimed, result.Sent, result.DeadLettered, result.Retrying));
        Assert.Equal("Plain alert", Assert.Single(smtp.Received).Subject);
        var erased = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.OutboxMessageId));
        Assert.Equal((OutboxState.Undeliverable, null), (erased.State, erased.SealedContent));
        Assert.Contains("erased", erased.LastError, StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(0, (await app.Run(new DispatchOutboxCommand())).Claimed);
        var refused = Assert.Throws<BusinessRuleViolationException>(() => erased.Requeue(app.Time.GetUtcNow().UtcDateTime, confirmedNotDelivered: true));
        Assert.Equal(nameof(OnlyUnsentMessagesCanBeRetried), refused.RuleName);
        Assert.Equal(OutboxState.Undeliverable, erased.State);
        Assert.Contains(app.Logs.Lines, l => l.Contains($"Outbox message {queued.OutboxMessageId} is undeliverable", StringComparison.Ordinal));
    }
}
