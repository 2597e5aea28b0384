using System.Text;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Correspondence;

/// <summary>Requests sent by e-mail through a real SMTP server, the platform's replies read from a real IMAP server (Dovecot).</summary>
public abstract class TwoWayEmailTests(TestDatabase database)
{
    [Fact]
    public async Task Replies_in_the_thread_land_on_the_request_and_confirming_them_records_acknowledgment_and_removal_at_the_emails_times()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        await using var app = await TestApp.StartAsync(database, ReplyKit.Settings(smtp, imap));
        var sent = await ReplyKit.SentRequestAsync(app);
        var submittedAt = app.Time.GetUtcNow();
        Assert.Equal(sent.MessageId, $"<{Assert.Single(smtp.Received).MessageId}>");

        var acknowledgedAt = submittedAt.AddHours(2).AddMinutes(17);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 the platform's decision letter");
        await imap.DeliverAsync(ReplyKit.WithHtmlImageAndPdf(
            ReplyKit.Reply(sent.MessageId, acknowledgedAt, $"Re: Removal request {sent.Reference}", $"We have received your request. Your case number: {ReplyKit.PlatformNumber}."),
            $"<p>We have received your request.</p><img src=\"https://tracker.x.example/open.gif\"><script>alert(1)</script><p style=\"background:url(https://tracker.x.example/bg)\">Case number: {ReplyKit.PlatformNumber}</p>",
            pdf));
        app.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(new Infrastructure.Email.MailboxPass(1, 0, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));

        var reply = Assert.Single((await app.Query(new GetRequestCorrespondenceQuery(sent.RequestId))).Replies);
        Assert.Equal((acknowledgedAt.UtcDateTime, MatchedBy.Thread, ReplyMeaning.Acknowledgment, ReplyKit.PlatformNumber), (reply.DateUtc, reply.MatchedBy, reply.Suggestion, reply.SuggestedRequestNumber));
        Assert.Contains("support@x.example", reply.From, StringComparison.Ordinal);
        Assert.Contains("We have received your request", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, reply.ImagesDropped);
        Assert.Equal(("decision.pdf", pdf.Length), (Assert.Single(reply.Documents).FileName, reply.Documents[0].Size));
        Assert.Contains(ReplyKit.PlatformNumber, reply.SafeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", reply.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", reply.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.x.example", reply.SafeHtml, StringComparison.OrdinalIgnoreCase);
        var timeline = await app.WithDb(db => db.Timeline.AsNoTracking().Where(t => t.CaseId == sent.CaseId && t.Kind == "ReplyReceived").ToListAsync());
        Assert.Equal(acknowledgedAt.UtcDateTime, Assert.Single(timeline).OccurredAtUtc);
        Assert.Contains("1 image attachment not kept", timeline[0].Summary, StringComparison.Ordinal);

        await app.Send(new ConfirmReplyCommand(reply.Id, ReplyMeaning.Acknowledgment));
        var acknowledged = await app.Query(new GetRemovalRequestQuery(sent.RequestId));
        Assert.Equal((RequestStatus.Acknowledged, ReplyKit.PlatformNumber, acknowledgedAt.UtcDateTime), (acknowledged.Status, acknowledged.PlatformRequestNumber, acknowledged.AcknowledgedAtUtc));

        var removedAt = submittedAt.AddHours(30);
        await imap.DeliverAsync(ReplyKit.Reply(sent.MessageId, removedAt, $"Re: Removal request {sent.Reference}", "The reported content has been removed from our service."));
        app.Time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(new Infrastructure.Email.MailboxPass(1, 0, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));
        var removal = (await app.Query(new GetRequestCorrespondenceQuery(sent.RequestId))).Replies[1];
        Assert.Equal(ReplyMeaning.Removed, removal.Suggestion);

        Assert.Equal(RequestStatus.Resolved, await app.Send(new ConfirmReplyCommand(removal.Id, ReplyMeaning.Removed)));
        var resolved = await app.Query(new GetRemovalRequestQuery(sent.RequestId));
        Assert.Equal((LocationOutcome.Removed, removedAt.UtcDateTime), (Assert.Single(resolved.Items).Outcome, resolved.Items[0].OutcomeAtUtc));
        Assert.Equal(removedAt.UtcDateTime, resolved.ResolvedAtUtc);
        await Assert.ThrowsAsync<Domain.Common.BusinessRuleViolationException>(async () => await app.Send(new ConfirmReplyCommand(removal.Id, ReplyMeaning.Removed)));

        // A restart (another instance on the same database and keys) reads the mailbox again and takes nothing twice.
        Assert.Equal(new Infrastructure.Email.MailboxPass(0, 0, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));
        await using (var restarted = await app.StartAnotherInstanceAsync(ReplyKit.Settings(smtp, imap)))
        {
            Assert.Equal(new Infrastructure.Email.MailboxPass(0, 0, 0), await ReplyKit.Reader(restarted).ReadOnceAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(2, await app.WithDb(db => db.InboundEmails.CountAsync()));
        Assert.Equal(2, await app.WithDb(db => db.Timeline.CountAsync(t => t.Kind == "ReplyReceived")));
    }

    [Fact]
    public async Task Mail_without_a_thread_is_matched_by_reference_or_platform_number_and_the_rest_waits_in_the_inbox_for_staff()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        await using var app = await TestApp.StartAsync(database, ReplyKit.Settings(smtp, imap));
        var sent = await ReplyKit.SentRequestAsync(app);
        var now = app.Time.GetUtcNow();
        await imap.DeliverAsync(ReplyKit.Reply(null, now.AddMinutes(5), $"Your report {sent.Reference}", $"Thank you for your report. Ticket ID: {ReplyKit.PlatformNumber}"));
        await imap.DeliverAsync(ReplyKit.Reply(null, now.AddMinutes(6), "Newsletter", "Our December update", from: "news@unrelated.example"));
        await imap.DeliverAsync(ReplyKit.Reply(null, now.AddMinutes(7), "A question", "Could you tell us which post you mean?", from: "agent@other-platform.example"));
        app.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new Infrastructure.Email.MailboxPass(1, 2, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));
        var byReference = Assert.Single((await app.Query(new GetRequestCorrespondenceQuery(sent.RequestId))).Replies);
        Assert.Equal(MatchedBy.RequestReference, byReference.MatchedBy);
        await app.Send(new ConfirmReplyCommand(byReference.Id, ReplyMeaning.Acknowledgment));

        // Once acknowledged, the platform's own number (from its own domain) is enough.
        await imap.DeliverAsync(ReplyKit.Reply(null, now.AddHours(2), "Update on your report", $"Case number: {ReplyKit.PlatformNumber}. We need more information about the depicted person.", from: "noreply@mail.x.com"));
        app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new Infrastructure.Email.MailboxPass(1, 0, 0), await ReplyKit.Reader(app).ReadOnceAsync(TestContext.Current.CancellationToken));
        var byNumber = (await app.Query(new GetRequestCorrespondenceQuery(sent.RequestId))).Replies[1];
        Assert.Equal((MatchedBy.PlatformRequestNumber, ReplyMeaning.MoreInformationAsked), (byNumber.MatchedBy, byNumber.Suggestion));

        var inbox = await app.Query(new ListInboxQuery());
        Assert.Equal(["A question", "Newsletter"], inbox.Select(i => i.Subject));
        Assert.Contains("agent@other-platform.example", inbox[0].From, StringComparison.Ordinal);

        await app.Send(new AttachEmailToRequestCommand(inbox[0].Id, sent.Reference.ToLowerInvariant()));
        await app.Send(new DismissEmailCommand(inbox[1].Id));
        Assert.Empty(await app.Query(new ListInboxQuery()));
        var attached = (await app.Query(new GetRequestCorrespondenceQuery(sent.RequestId))).Replies.Single(r => r.MatchedBy == MatchedBy.Staff);
        Assert.Equal(("A question", "Could you tell us which post you mean?"), (attached.Subject, attached.Text.Trim()));
        var dismissed = await app.WithDb(db => db.InboundEmails.AsNoTracking().SingleAsync(e => e.Id == inbox[1].Id));
        Assert.Equal((InboundEmailState.Dismissed, 0), (dismissed.State, dismissed.SealedContent.Length));
        await Assert.ThrowsAsync<Domain.Common.BusinessRuleViolationException>(async () => await app.Send(new AttachEmailToRequestCommand(inbox[1].Id, sent.Reference)));
        var unknown = await Assert.ThrowsAsync<Domain.Common.BusinessRuleViolationException>(async () => await app.Send(new AttachEmailToRequestCommand(inbox[0].Id, "TD-2026-99999-R1")));
        Assert.Contains("TD-2026-99999-R1", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_reading_the_same_mailbox_at_once_take_each_message_in_exactly_once()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        await using var first = await TestApp.StartAsync(database, ReplyKit.Settings(smtp, imap));
        var sent = await ReplyKit.SentRequestAsync(first);
        const int count = 30;
        for (var i = 0; i < count; i++)
        {
            var threaded = i % 2 == 0;
            await imap.DeliverAsync(ReplyKit.Reply(threaded ? sent.MessageId : null, first.Time.GetUtcNow().AddMinutes(i), $"Message {i}", "We have received your request."));
        }

        first.Time.Advance(TimeSpan.FromHours(1));
        await using var second = await first.StartAnotherInstanceAsync(ReplyKit.Settings(smtp, imap));
        second.Time.Advance(TimeSpan.FromHours(1));

        var passes = await Task.WhenAll(
            ReplyKit.Reader(first).ReadOnceAsync(TestContext.Current.CancellationToken),
            ReplyKit.Reader(second).ReadOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(count, passes.Sum(p => p.Matched + p.Queued));
        Assert.Equal(count / 2, passes.Sum(p => p.Matched));
        var rows = await first.WithDb(db => db.InboundEmails.AsNoTracking().Select(e => e.Uid).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), rows.Order());
        Assert.Equal(count / 2, await first.WithDb(db => db.Timeline.CountAsync(t => t.Kind == "ReplyReceived")));
        Assert.Equal((long)await imap.UidValidityAsync(), await first.WithDb(db => db.InboundEmails.Select(e => e.UidValidity).Distinct().SingleAsync()));
    }
}

public sealed class TwoWayEmailTestsOnSqlite() : TwoWayEmailTests(new SqliteTestDatabase());

public sealed class TwoWayEmailTestsOnPostgres(PostgresCluster cluster) : TwoWayEmailTests(new PostgresTestDatabase(cluster));
