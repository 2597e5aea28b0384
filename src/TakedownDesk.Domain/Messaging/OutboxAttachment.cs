namespace TakedownDesk.Domain.Messaging;

public sealed record OutboxAttachment(string FileName, string ContentType, byte[] Content);
