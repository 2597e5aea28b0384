using System.Globalization;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Domain.Requests.Rules;

/// <summary>Staff act for the victim only under a signed, unexpired, unrevoked release that names this platform.</summary>
public sealed class NoReleaseNoRequest(Release? coveringRelease) : IBusinessRule
{
    public bool IsBroken() => coveringRelease is null;

    public string Message => "No release in force covers this platform: record a signed release that names it (or all platforms) first.";
}

public sealed class RequestMustBeForTheCasesVictim(Case @case, Victim victim) : IBusinessRule
{
    public bool IsBroken() => @case.VictimId != victim.Id;

    public string Message => "The release must be the case's victim's.";
}

public sealed class RequestMustBeForItsCasesVictim(Guid requestVictimId, Victim victim) : IBusinessRule
{
    public bool IsBroken() => requestVictimId != victim.Id;

    public string Message => "Only the case's own victim's release can authorize this request.";
}

public sealed class StatutoryRequestLocationsMustBeOnItsPlatform(RequestKind kind, Guid platformId, Location location) : IBusinessRule
{
    public bool IsBroken() =>
        kind == RequestKind.StatutoryRemoval && location.PlatformId is { } matched && matched != platformId;

    public string Message => "A removal request to a platform can only cite locations on that platform (or locations not matched to any).";
}

public sealed class OnlyUnsentRequestsCanBeEdited(RequestStatus status) : IBusinessRule
{
    public bool IsBroken() => status is not (RequestStatus.Draft or RequestStatus.Ready);

    public string Message => $"The request is {status}: what was sent cannot be changed. Resubmit instead.";
}

public sealed class OnlyReadyRequestsCanBeSubmitted(RequestStatus status, IReadOnlyList<MissingElement> missing) : IBusinessRule
{
    public bool IsBroken() => status != RequestStatus.Ready;

    public string Message => missing.Count > 0
        ? "The request is missing required elements: " + string.Join("; ", missing.Select(m => m.Element)) + "."
        : $"The request is {status} and cannot be submitted again.";
}

public sealed class ReceiptCannotFollowSubmission(Submission submission) : IBusinessRule
{
    public bool IsBroken() => submission.RecordedReceiptAtUtc > submission.SubmittedAtUtc;

    public string Message => "A recorded receipt can only be earlier than the submission; a later acknowledgment never gives the platform more time.";
}

/// <summary>
/// The desk vouches for the four elements the platform received, so the request existed here before it was received.
/// Staff type times to the minute, so the draft's own minute counts as after it.
/// </summary>
public sealed class ReceiptCannotPrecedeTheDraft(Submission submission, DateTime draftedAtUtc) : IBusinessRule
{
    public bool IsBroken() => submission.ReceivedAtUtc < draftedAtUtc.AddTicks(-(draftedAtUtc.Ticks % TimeSpan.TicksPerMinute));

    public string Message => string.Create(CultureInfo.InvariantCulture, $"The platform cannot have received this request before it was drafted here ({draftedAtUtc:yyyy-MM-dd HH:mm} UTC): record when it was actually sent.");
}

public sealed class SubmissionCannotBeInTheFuture(DateTime atUtc, DateTime nowUtc) : IBusinessRule
{
    public bool IsBroken() => atUtc > nowUtc;

    public string Message => "That time is in the future.";
}

public sealed class RequestMustBeOpen(RequestStatus status, string action) : IBusinessRule
{
    public bool IsBroken() => !OpenRequests.IsOpen(status);

    public string Message => $"Cannot {action}: the request is {status}; only a submitted, acknowledged or overdue request can.";
}

public sealed class AcknowledgmentNeedsTheRequestNumber(string number) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(number);

    public string Message => "An acknowledgment needs the platform's request number.";
}

public sealed class AcknowledgmentCannotPrecedeReceipt(Submission submission, DateTime atUtc) : IBusinessRule
{
    public bool IsBroken() => atUtc < submission.ReceivedAtUtc;

    public string Message => "The platform cannot have answered before it received the request.";
}

public sealed class OutcomeMustBeDecided(LocationOutcome outcome) : IBusinessRule
{
    public bool IsBroken() => outcome == LocationOutcome.Pending;

    public string Message => "An outcome is either removed or not removed.";
}

public sealed class LocationMustBeInTheRequest : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That location is not part of this request.";
}

public sealed class OnlyAPassedDeadlineMakesARequestOverdue(RequestStatus status, DateTime? deadlineUtc, DateTime nowUtc) : IBusinessRule
{
    public bool IsBroken() =>
        status is not (RequestStatus.Submitted or RequestStatus.Acknowledged) || deadlineUtc is null || nowUtc <= deadlineUtc;

    public string Message => "Only a submitted request whose statutory deadline has passed can be overdue.";
}

public sealed class DisputeNeedsAReason(string reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);

    public string Message => "Say what the platform disputed or asked for.";
}

public sealed class OnlyDisputedRequestsAreResubmitted(RequestStatus status, Guid? resubmittedAsId) : IBusinessRule
{
    public bool IsBroken() => status != RequestStatus.ValidityDisputed || resubmittedAsId is not null;

    public string Message => resubmittedAsId is null
        ? "Only a request whose validity was disputed is resubmitted."
        : "This request has already been resubmitted.";
}

/// <summary>A letter prints only its own kind's fields: search queries given to a model report would be lost without a word.</summary>
public sealed class EachKindTakesOnlyItsOwnFields(RequestKind kind, KindFields fields) : IBusinessRule
{
    private readonly string[] foreign = fields.Given().Where(g => g.Kind != kind).Select(g => g.Field).ToArray();

    public bool IsBroken() => foreign.Length > 0;

    public string Message => $"A {kind} request has no {string.Join(" or ", foreign)} fields.";
}

/// <summary>
/// One notice lists at most this many locations: a platform's reviewer must be able to act on it within the 48 hours,
/// and the PDF must print in seconds (1,000 long URLs once timed the printer out). More go in further requests.
/// </summary>
public sealed class RequestsListAFewHundredLocationsAtMost(int locations) : IBusinessRule
{
    public const int Maximum = 200;

    public bool IsBroken() => locations > Maximum;

    public string Message => $"A request can list at most {Maximum} locations; this one would list {locations}. Draft another request for the rest.";
}
