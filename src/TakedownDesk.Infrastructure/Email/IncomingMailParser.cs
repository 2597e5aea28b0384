using Ganss.Xss;
using MimeKit;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Application.Ports;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>
/// Turns a message read from the mailbox into what the desk keeps: the text, the HTML sanitised to plain markup (no
/// images, styles, scripts or anything else that loads remote content), documents (PDF, text, attached e-mails), and
/// only the count of images, which are never kept.
/// </summary>
public static class IncomingMailParser
{
    private static readonly string[] KeptTags =
    [
        "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre",
        "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
    ];

    public static IncomingEmail Parse(MimeMessage message, string mailbox, uint uidValidity, uint uid, long size)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        var address = from?.Address ?? string.Empty;
        var domain = address.Contains('@', StringComparison.Ordinal) ? address[(address.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant() : string.Empty;
        var html = message.HtmlBody is { Length: > 0 } body ? Sanitize(body) : null;
        var text = message.TextBody is { Length: > 0 } plain ? plain : html is null ? string.Empty : HtmlToPlainText.Convert(html);

        var documents = new List<InboundDocument>();
        var images = 0;
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case MessagePart attached when attached.Message is not null:
                    using (var stream = new MemoryStream())
                    {
                        attached.Message.WriteTo(stream);
                        documents.Add(new InboundDocument(FileName(attached, "attached-message.eml"), "message/rfc822", stream.ToArray()));
                    }

                    break;
                case MimePart image when image.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase):
                    images++;
                    break;
                case MimePart document when document.IsAttachment && IsDocument(document.ContentType):
                    using (var stream = new MemoryStream())
                    {
                        document.Content?.DecodeTo(stream);
                        documents.Add(new InboundDocument(FileName(document, "attachment"), document.ContentType.MimeType.ToLowerInvariant(), stream.ToArray()));
                    }

                    break;
            }
        }

        var thread = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            thread.Add(Bracketed(message.InReplyTo));
        }

        thread.AddRange(message.References.Select(Bracketed));
        return new IncomingEmail(
            mailbox,
            uidValidity,
            uid,
            string.IsNullOrWhiteSpace(message.MessageId) ? null : Bracketed(message.MessageId),
            thread,
            message.Date == DateTimeOffset.MinValue ? null : message.Date,
            from?.ToString() ?? string.Empty,
            domain,
            message.Subject ?? string.Empty,
            text,
            html,
            documents,
            images,
            size,
            Oversized: false);
    }

    /// <summary>A message over the size limit: only where it sits in the mailbox is recorded, so it is taken in once and staff can find it there.</summary>
    public static IncomingEmail Oversized(string mailbox, uint uidValidity, uint uid, long size, MailKit.Envelope? envelope)
    {
        var address = envelope?.From.Mailboxes.FirstOrDefault()?.Address ?? string.Empty;
        var domain = address.Contains('@', StringComparison.Ordinal) ? address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant() : string.Empty;
        return new IncomingEmail(mailbox, uidValidity, uid, null, [], envelope?.Date, address, domain, string.Empty, string.Empty, null, [], 0, size, Oversized: true);
    }

    public static string Sanitize(string html)
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(KeptTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(["href", "title", "colspan", "rowspan"]);
        sanitizer.UriAttributes.Clear();
        sanitizer.UriAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer.Sanitize(html);
    }

    private static bool IsDocument(ContentType type) =>
        type.MimeType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)
        || type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)
        || type.MimeType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase);

    private static string FileName(MimeEntity part, string fallback)
    {
        var name = part.ContentDisposition?.FileName ?? part.ContentType.Name ?? fallback;
        name = Path.GetFileName(name.Replace('\\', '/'));
        return name.Length is > 0 and <= 200 ? name : fallback;
    }

    private static string Bracketed(string id) => id.StartsWith('<') ? id : $"<{id}>";
}
