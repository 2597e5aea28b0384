using System.ComponentModel.DataAnnotations;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations.Rules;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Rules;

namespace TakedownDesk.Domain.Escalations;

/// <summary>
/// One level of the escalation ladder for an overdue request: drafted by the desk when the level falls due, then sent
/// by staff (or, where the organisation allows it, by the desk) through the level's channel. Its letter is composed
/// from the case when it is previewed or sent, so it always cites the locations still not removed.
/// Once sent, the next level of the platform's path falls due after that level's wait.
/// </summary>
public sealed class FollowUpNotice : AggregateRoot
{
    private FollowUpNotice()
    {
        Instructions = string.Empty;
    }

    private FollowUpNotice(RemovalRequest request, int level, EscalationContact contact, DateTime nowUtc)
        : this()
    {
        Id = Guid.NewGuid();
        RequestId = request.Id;
        CaseId = request.CaseId;
        VictimId = request.VictimId;
        PlatformId = request.PlatformId;
        Level = level;
        Role = contact.Role;
        Channel = contact.Kind;
        Target = contact.Target;
        Instructions = contact.Instructions;
        ContactVerified = contact.Verified;
        State = FollowUpState.ReadyToSend;
        DraftedAtUtc = nowUtc;
    }

    public Guid RequestId { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Whose release covers what the letter discloses.</summary>
    public Guid VictimId { get; private set; }

    public Guid PlatformId { get; private set; }

    /// <summary>0 is the follow-up through the designated channel; each further level is the next contact of the platform's path.</summary>
    public int Level { get; private set; }

    public EscalationContactRole Role { get; private set; }

    public ChannelKind Channel { get; private set; }

    /// <summary>The e-mail address or form link; empty until staff fill it in where it depends on the site.</summary>
    public string? Target { get; private set; }

    public string Instructions { get; private set; }

    public bool ContactVerified { get; private set; }

    public FollowUpState State { get; private set; }

    public DateTime DraftedAtUtc { get; private set; }

    /// <summary>When the e-mail was queued for the outbox; the e-mail counts as sent only when the server accepts it.</summary>
    public DateTime? QueuedAtUtc { get; private set; }

    public Guid? OutboxMessageId { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? SentBy { get; private set; }

    /// <summary>The Message-ID of the e-mail, or the form's confirmation number.</summary>
    public string? Evidence { get; private set; }

    public bool IsAwaitingSend => State is FollowUpState.ReadyToSend or FollowUpState.Queued;

    /// <summary>
    /// Drafts the follow-up for a level of the ladder. Level 0 goes back through the channel the request itself used:
    /// the platform's designated process, which the statute obliges it to run.
    /// </summary>
    public static FollowUpNotice Draft(RemovalRequest request, int level, EscalationContact contact, DateTime nowUtc)
    {
        CheckRule(new OnlyAnOverdueRequestIsEscalated(request));
        var submission = request.Submission!;
        var addressed = level == 0 && submission.ChannelTarget is not null
            ? contact with { Kind = submission.Channel, Target = submission.ChannelTarget }
            : contact;
        var notice = new FollowUpNotice(request, level, addressed, nowUtc);
        notice.Record(request.CaseId, "FollowUpDrafted", $"Request {request.Reference}: follow-up notice (level {level + 1}, {contact.Role}) drafted, ready to send", nowUtc);
        return notice;
    }

    /// <summary>Staff fill in or correct the contact before sending (a hosting provider's abuse address found for this site).</summary>
    public void Address(ChannelKind channel, string target)
    {
        CheckRule(new OnlyAnUnsentFollowUpCanBeChanged(State));
        CheckRule(new FollowUpTargetMustBeASingleLine(target));
        Channel = channel;
        Target = target.Trim();
    }

    /// <summary>The address staff confirmed must still be the one it goes to: a re-addressed follow-up is not sent on a stale confirmation.</summary>
    public void ConfirmAddress(string confirmedAddress) =>
        CheckRule(new ConfirmationMustNameTheAddress(Target, confirmedAddress));

    /// <summary>The e-mail is in the outbox; <see cref="RecordSent"/> follows when the server accepts it.</summary>
    public void Queue(Guid outboxMessageId, DateTime nowUtc)
    {
        CheckRule(new OnlyAReadyFollowUpIsQueued(State));
        CheckRule(new AnEmailFollowUpNeedsAnAddress(Channel, Target));
        State = FollowUpState.Queued;
        OutboxMessageId = outboxMessageId;
        QueuedAtUtc = nowUtc;
    }

    /// <summary>The follow-up reached the contact: by the SMTP server's acceptance, or as staff record a form submission.</summary>
    public void RecordSent(DateTime sentAtUtc, string sentBy, string? evidence, DateTime nowUtc)
    {
        CheckRule(new OnlyAnUnsentFollowUpCanBeChanged(State));
        CheckRule(new FollowUpCannotBeSentBeforeItWasDrafted(DraftedAtUtc, sentAtUtc));
        CheckRule(new SubmissionCannotBeInTheFuture(sentAtUtc, nowUtc));
        State = FollowUpState.Sent;
        SentAtUtc = Utc.Require(sentAtUtc);
        SentBy = sentBy;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        Record(CaseId, "FollowUpSent", $"Follow-up notice (level {Level + 1}, {Role}) sent by {Channel}", nowUtc);
        Raise(new FollowUpSent(Id, RequestId, CaseId, PlatformId, Level, sentAtUtc));
    }

    /// <summary>The request closed (removed, or disputed): an unsent follow-up is no longer needed.</summary>
    public void Withdraw(DateTime nowUtc)
    {
        if (State == FollowUpState.ReadyToSend)
        {
            State = FollowUpState.Withdrawn;
            Record(CaseId, "FollowUpWithdrawn", $"Follow-up notice (level {Level + 1}) withdrawn: the request closed", nowUtc);
        }
    }
}

public enum FollowUpState
{
    [Display(Name = "Ready to send")]
    ReadyToSend,
    [Display(Name = "Queued for sending")]
    Queued,
    [Display(Name = "Sent")]
    Sent,
    [Display(Name = "Withdrawn")]
    Withdrawn,
}

/// <summary>A level of the ladder reached its contact: the next level falls due after its wait, in the same transaction.</summary>
public sealed record FollowUpSent(Guid FollowUpId, Guid RequestId, Guid CaseId, Guid PlatformId, int Level, DateTime SentAtUtc) : IDomainFact;
