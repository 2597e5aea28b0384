using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Ports;

/// <summary>Carries outbox messages: SMTP, or a drop folder of .eml files when no server is configured.</summary>
public interface IMailTransport
{
    /// <summary>A session for one dispatch batch (one kept-open connection). Never throws for connection errors: sends report them.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Headers come from <paramref name="message"/>; the body from <paramref name="content"/> (opened from its seal if it had one).</summary>
    Task<MailSendResult> SendAsync(OutboxMessage message, MailContent content, CancellationToken cancellationToken);
}

public enum MailSendOutcome
{
    Accepted,

    /// <summary>Connection error or a 4xx reply: try again later.</summary>
    RetryLater,

    /// <summary>A 5xx reply: the server refused it for good.</summary>
    Rejected,

    /// <summary>The connection dropped after the data was sent: it may or may not have arrived.</summary>
    Unknown,
}

public sealed record MailSendResult(MailSendOutcome Outcome, string? Detail = null)
{
    public static readonly MailSendResult Accepted = new(MailSendOutcome.Accepted);
}
