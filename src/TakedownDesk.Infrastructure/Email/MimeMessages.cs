using MimeKit;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Infrastructure.Email;

internal static class MimeMessages
{
    public static MimeMessage From(OutboxMessage message, MailContent content, string from, DateTime nowUtc)
    {
        var builder = new BodyBuilder { TextBody = content.TextBody, HtmlBody = content.HtmlBody };
        foreach (var attachment in content.Attachments)
        {
            builder.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = builder.ToMessageBody(),
            Date = new DateTimeOffset(nowUtc, TimeSpan.Zero),
            // MimeKit wants the id without its angle brackets; it is the same on every re-send.
            MessageId = message.MessageId.Trim('<', '>'),
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}
