using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Correspondence;

/// <summary>A request sent by e-mail through the real SMTP server, and the platform's replies as the platform would write them.</summary>
public static class ReplyKit
{
    public const string Designated = "takeitdown@x.example";
    public const string PlatformNumber = "XR-778812";

    public static Dictionary<string, string?> Settings(SmtpTestServer smtp, DovecotServer imap)
    {
        var settings = EscalationKit.Staff(smtp.Settings);
        foreach (var (key, value) in imap.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Opens a case on X, sends its request to X's designated address and lets the server accept it (the submission).</summary>
    public static async Task<(Guid CaseId, Guid RequestId, string Reference, string MessageId)> SentRequestAsync(TestApp app)
    {
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];
        await EscalationKit.DesignateEmailAsync(app, location.PlatformId!.Value, Designated);
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        var queued = await app.Send(new SendRequestByEmailCommand(drafted.RequestId, Designated));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);
        var request = await app.Query(new GetRemovalRequestQuery(drafted.RequestId));
        Assert.Equal(RequestStatus.Submitted, request.Status);
        return (opened.CaseId, drafted.RequestId, request.Reference, queued.MessageId);
    }

    /// <summary>A reply from the platform's help desk; <paramref name="inReplyTo"/> threads it onto what the desk sent.</summary>
    public static MimeMessage Reply(string? inReplyTo, DateTimeOffset date, string subject, string text, string from = "support@x.example")
    {
        var message = new MimeMessage { Subject = subject, Date = date };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("desk@helpline.example"));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("x.example");
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(inReplyTo.Trim('<', '>'));
        }

        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>The same reply with an HTML part that tries to load remote content, a screenshot and a PDF attached.</summary>
    public static MimeMessage WithHtmlImageAndPdf(MimeMessage message, string html, byte[] pdf)
    {
        var builder = new BodyBuilder { TextBody = ((TextPart)message.Body!).Text, HtmlBody = html };
        builder.Attachments.Add("screenshot.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], new ContentType("image", "png"));
        builder.Attachments.Add("decision.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    public static ImapMailboxReader Reader(TestApp app) => app.Services.GetRequiredService<ImapMailboxReader>();
}
