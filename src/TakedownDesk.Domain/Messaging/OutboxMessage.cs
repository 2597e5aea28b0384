using System.Security.Cryptography;
using System.Text;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Messaging.Rules;

namespace TakedownDesk.Domain.Messaging;

/// <summary>
/// An e-mail to send, written in the same transaction as the change that caused it. <see cref="Key"/> is unique and
/// deterministic, so writing the same e-mail twice is impossible, and the Message-ID derives from it, so a re-send
/// carries the same Message-ID and the receiver can tell it is the same message.
/// </summary>
public sealed class OutboxMessage : Entity
{
    private readonly List<OutboxAttachment> attachments = [];

    private OutboxMessage()
    {
        Key = string.Empty;
        To = string.Empty;
        Subject = string.Empty;
        HtmlBody = string.Empty;
        TextBody = string.Empty;
        MessageId = string.Empty;
    }

    public OutboxMessage(string key, string to, string subject, string htmlBody, string textBody, DateTime nowUtc, Guid? removalRequestId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        MailHeaderMustBeASingleLine.Check("recipient", to);
        MailHeaderMustBeASingleLine.Check("subject", subject);
        Id = Guid.NewGuid();
        Key = key;
        To = to;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        MessageId = MessageIdFor(key);
        CreatedAtUtc = Utc.Require(nowUtc);
        NextAttemptAtUtc = nowUtc;
        State = OutboxState.Pending;
        RemovalRequestId = removalRequestId;
    }

    public string Key { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string HtmlBody { get; private set; }

    public string TextBody { get; private set; }

    public IReadOnlyList<OutboxAttachment> Attachments => attachments;

    public OutboxState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When a dispatcher may next take it: now for new rows, the back-off for failures, a lease while one is sending it.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>The dispatch batch currently holding it; saving an outcome checks it.</summary>
    public Guid? LockToken { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string MessageId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Set when this e-mail is itself a removal request: its acceptance by the server is the submission.</summary>
    public Guid? RemovalRequestId { get; private set; }

    /// <summary>Whose data the body carries: only then is the body kept sealed with that victim's key.</summary>
    public Guid? VictimId { get; private set; }

    /// <summary>The body and attachments sealed with the victim's key; the plaintext fields stay empty.</summary>
    public byte[]? SealedContent { get; private set; }

    public bool IsDispatchable => State is OutboxState.Pending or OutboxState.Failed;

    public bool IsSealed => VictimId is not null;

    /// <summary>What the plaintext fields hold; meaningless for a sealed message (the dispatcher opens its envelope instead).</summary>
    public MailContent PlainContent => new(HtmlBody, TextBody, attachments);

    /// <summary>"&lt;{first 32 hex digits of sha256(key)}@takedowndesk.local&gt;".</summary>
    public static string MessageIdFor(string key) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}@takedowndesk.local>";

    public void Attach(OutboxAttachment attachment)
    {
        MailHeaderMustBeASingleLine.Check("attachment name", attachment.FileName);
        MailHeaderMustBeASingleLine.Check("attachment type", attachment.ContentType);
        attachments.Add(attachment);
    }

    /// <summary>
    /// Replaces the plaintext body and attachments by their envelope under the victim's key, so that erasing the
    /// victim (destroying the key) makes a queued e-mail unreadable too. Done before the message is first saved.
    /// </summary>
    public void SealFor(Guid victimId, byte[] sealedContent)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(victimId, Guid.Empty);
        VictimId = victimId;
        SealedContent = sealedContent;
        HtmlBody = string.Empty;
        TextBody = string.Empty;
        attachments.Clear();
    }

    /// <summary>The victim was erased before the e-mail went out: its sealed body can never be opened, so it is never retried.</summary>
    public void MarkUndeliverable()
    {
        State = OutboxState.Undeliverable;
        LastError = "The victim was erased: the sealed content can no longer be opened.";
        LockToken = null;
        SealedContent = null;
    }

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        State = OutboxState.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
        LockToken = null;

        // A request notice names the victim and the content's locations; once the server has it, the stored (sealed)
        // notice document is the record, so the outbox keeps no plaintext copy.
        if (RemovalRequestId is not null || IsSealed)
        {
            HtmlBody = string.Empty;
            TextBody = string.Empty;
            attachments.Clear();
            SealedContent = null;
        }
    }

    /// <summary>A transient failure: exponential back-off (30 s, 1 min, 2 min … capped at 30 min), dead-lettered after <paramref name="maxAttempts"/>.</summary>
    public void MarkTransientFailure(string error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = Truncate(error);
        LockToken = null;
        if (Attempts >= maxAttempts)
        {
            State = OutboxState.DeadLettered;
            return;
        }

        State = OutboxState.Failed;
        NextAttemptAtUtc = nowUtc + RetryDelay(Attempts);
    }

    public void MarkDeadLettered(string error)
    {
        Attempts++;
        State = OutboxState.DeadLettered;
        LastError = Truncate(error);
        LockToken = null;
    }

    public void MarkOutcomeUnknown(string error)
    {
        Attempts++;
        State = OutboxState.OutcomeUnknown;
        LastError = Truncate(error);
        LockToken = null;
    }

    /// <summary>
    /// Staff looked at a dead-lettered or unknown message and want it sent again (same Message-ID). The attempts start
    /// again from zero: otherwise the first transient failure after the retry would dead-letter it at once.
    /// </summary>
    public void Requeue(DateTime nowUtc, bool confirmedNotDelivered)
    {
        CheckRule(new OnlyUnsentMessagesCanBeRetried(State));
        CheckRule(new UnknownOutcomeResentOnlyWhenConfirmed(State, confirmedNotDelivered));
        State = OutboxState.Pending;
        NextAttemptAtUtc = nowUtc;
        Attempts = 0;
        LockToken = null;
    }

    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
