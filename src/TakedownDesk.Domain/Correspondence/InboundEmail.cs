using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Correspondence.Rules;

namespace TakedownDesk.Domain.Correspondence;

/// <summary>
/// One message read from the organisation's mailbox. Its mailbox, UIDVALIDITY and UID are unique, so a message is taken
/// in exactly once, whichever instance reads it and however often. The sender, subject, text and document attachments
/// are one sealed envelope (the victim's key once matched); the rest identifies no one.
/// </summary>
public sealed class InboundEmail : AggregateRoot
{
    private InboundEmail()
    {
        Mailbox = string.Empty;
        SenderDomain = string.Empty;
        SealedContent = [];
    }

    public InboundEmail(
        Guid id,
        string mailbox,
        long uidValidity,
        long uid,
        string? messageId,
        DateTime dateUtc,
        DateTime readAtUtc,
        string senderDomain,
        int imagesDropped,
        int documentCount,
        long sizeBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        Id = id;
        Mailbox = mailbox;
        UidValidity = uidValidity;
        Uid = uid;
        MessageId = messageId is { Length: > 0 and <= 500 } ? messageId : null;
        DateUtc = Utc.Require(dateUtc);
        ReadAtUtc = Utc.Require(readAtUtc);
        SenderDomain = senderDomain.Length <= 255 ? senderDomain.ToLowerInvariant() : senderDomain[..255].ToLowerInvariant();
        ImagesDropped = imagesDropped;
        DocumentCount = documentCount;
        SizeBytes = sizeBytes;
        State = InboundEmailState.Unmatched;
        SealedContent = [];
        Suggestion = ReplyMeaning.Unclear;
    }

    /// <summary>Which mailbox of which account it was read from ("user/folder").</summary>
    public string Mailbox { get; private set; }

    public long UidValidity { get; private set; }

    public long Uid { get; private set; }

    /// <summary>Its Message-ID header (evidence, and what a later reply's References would name).</summary>
    public string? MessageId { get; private set; }

    /// <summary>The Date the sender put on it: an acknowledgment or outcome confirmed from it is recorded at this time.</summary>
    public DateTime DateUtc { get; private set; }

    public DateTime ReadAtUtc { get; private set; }

    public string SenderDomain { get; private set; }

    /// <summary>Images are never kept (the desk never stores the content itself); the timeline says how many were dropped.</summary>
    public int ImagesDropped { get; private set; }

    /// <summary>Documents kept (PDF, text, forwarded e-mail), inside the sealed envelope.</summary>
    public int DocumentCount { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Larger than the configured limit: nothing of it was kept, staff read it in the mailbox itself.</summary>
    public bool Oversized { get; private set; }

    public InboundEmailState State { get; private set; }

    public MatchedBy MatchedBy { get; private set; }

    public Guid? RequestId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>Whose key seals the content; null while it waits in the queue (sealed under the inbox key then).</summary>
    public Guid? VictimId { get; private set; }

    public ReplyMeaning Suggestion { get; private set; }

    /// <summary>The platform's request number found in the text (the platform's, readable like the request's own copy of it).</summary>
    public string? SuggestedRequestNumber { get; private set; }

    public ReplyMeaning? ConfirmedMeaning { get; private set; }

    public string? HandledBy { get; private set; }

    public DateTime? HandledAtUtc { get; private set; }

    /// <summary>Sender, subject, text, sanitised HTML and document attachments as one envelope.</summary>
    public byte[] SealedContent { get; private set; }

    public void MarkOversized() => Oversized = true;

    public void Seal(byte[] sealedContent) => SealedContent = sealedContent;

    /// <summary>Puts the message on its request's timeline with the desk's reading of it.</summary>
    public void MatchTo(Guid requestId, Guid caseId, Guid victimId, string requestReference, MatchedBy how, ReplySuggestion suggestion)
    {
        CheckRule(new OnlyQueuedMailCanBeTriaged(State));
        State = InboundEmailState.Matched;
        MatchedBy = how;
        RequestId = requestId;
        CaseId = caseId;
        VictimId = victimId;
        Suggest(suggestion);
        var dropped = ImagesDropped == 0 ? string.Empty : $" ({ImagesDropped} image attachment{(ImagesDropped == 1 ? "" : "s")} not kept)";
        Record(caseId, "ReplyReceived", $"E-mail from {SenderDomain} on request {requestReference}{dropped}", DateUtc);
    }

    public void Suggest(ReplySuggestion suggestion)
    {
        Suggestion = suggestion.Meaning;
        SuggestedRequestNumber = suggestion.PlatformRequestNumber;
    }

    /// <summary>Concerns no request: it leaves the queue, and nothing of what it said is kept.</summary>
    public void Dismiss(string staffId, DateTime nowUtc)
    {
        CheckRule(new OnlyQueuedMailCanBeTriaged(State));
        State = InboundEmailState.Dismissed;
        SealedContent = [];
        HandledBy = staffId;
        HandledAtUtc = Utc.Require(nowUtc);
    }

    /// <summary>Staff agreed what the reply means; the caller records the acknowledgment or outcome at <see cref="DateUtc"/>.</summary>
    public void Confirm(ReplyMeaning meaning, string requestReference, string staffId, DateTime nowUtc)
    {
        CheckRule(new AReplyIsConfirmedOnce(State));
        CheckRule(new AConfirmedReplyHasAMeaning(meaning));
        State = InboundEmailState.Confirmed;
        ConfirmedMeaning = meaning;
        HandledBy = staffId;
        HandledAtUtc = Utc.Require(nowUtc);
        Record(CaseId!.Value, "ReplyConfirmed", $"E-mail of request {requestReference} confirmed as {meaning}", nowUtc);
    }
}
