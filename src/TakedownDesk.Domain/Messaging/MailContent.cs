namespace TakedownDesk.Domain.Messaging;

/// <summary>The part of an e-mail that can carry personal data: what a sealed outbox message keeps in its envelope.</summary>
public sealed record MailContent(string HtmlBody, string TextBody, IReadOnlyList<OutboxAttachment> Attachments);
