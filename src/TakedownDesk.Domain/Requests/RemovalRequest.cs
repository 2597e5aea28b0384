using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Requests.Rules;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Domain.Requests;

/// <summary>
/// A request to one platform about some of a case's locations, and its legal life:
/// draft → ready → submitted → acknowledged → resolved, or overdue, or validity disputed (then resubmitted
/// as a new request with its own clock).
/// </summary>
public sealed class RemovalRequest : AggregateRoot
{
    private readonly List<RequestItem> items = [];

    private RemovalRequest()
    {
        Reference = string.Empty;
    }

    private RemovalRequest(Guid caseId, Guid victimId, string reference, Guid platformId, RequestKind kind, Guid releaseId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        VictimId = victimId;
        Reference = reference;
        PlatformId = platformId;
        Kind = kind;
        ReleaseId = releaseId;
        Status = RequestStatus.Draft;
        CreatedAtUtc = nowUtc;
    }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }

    /// <summary>Staff-facing reference, e.g. TD-2026-00042-R3.</summary>
    public string Reference { get; private set; }

    public Guid PlatformId { get; private set; }

    public RequestKind Kind { get; private set; }

    public RequestStatus Status { get; private set; }

    public Guid ReleaseId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<RequestItem> Items => items;

    public SignatureBlock? Signature { get; private set; }

    public string? GoodFaithStatement { get; private set; }

    public string? SupportingFacts { get; private set; }

    public RequesterContact? Contact { get; private set; }

    public ModelReportDetails? ModelReport { get; private set; }

    public SearchDelistingDetails? SearchDelisting { get; private set; }

    public TrainingOptOutDetails? TrainingOptOut { get; private set; }

    public FaceSearchOptOutDetails? FaceSearchOptOut { get; private set; }

    public Submission? Submission { get; private set; }

    /// <summary>Received + 48 h for statutory requests to a covered platform received once the duty began; otherwise none. Stored for the deadline board's index.</summary>
    public DateTime? DeadlineAtUtc { get; private set; }

    public string? PlatformRequestNumber { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public DateTime? OverdueSinceUtc { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public string? DisputeReason { get; private set; }

    public DateTime? DisputedAtUtc { get; private set; }

    public Guid? ResubmissionOfId { get; private set; }

    public Guid? ResubmittedAsId { get; private set; }

    public bool IsOpen => OpenRequests.IsOpen(Status);

    /// <summary>What this kind of request still lacks before it can be sent.</summary>
    public IReadOnlyList<MissingElement> MissingElements => Kind switch
    {
        RequestKind.ModelLikenessReport => ModelLikenessReportElements.MissingFrom(Signature, items.Count, ModelReport, Contact),
        RequestKind.SearchDelisting => SearchDelistingElements.MissingFrom(Signature, items.Count, SearchDelisting, Contact),
        RequestKind.TrainingOptOut => TrainingOptOutElements.MissingFrom(Signature, TrainingOptOut, Contact),
        RequestKind.FaceSearchOptOut => FaceSearchOptOutElements.MissingFrom(Signature, FaceSearchOptOut, Contact),
        _ => StatutoryElements.MissingFrom(Signature, items.Count, GoodFaithStatement, Contact),
    };

    public static RemovalRequest Draft(
        Case @case,
        string reference,
        Guid platformId,
        RequestKind kind,
        IReadOnlyCollection<Guid> locationIds,
        Victim victim,
        DateTime nowUtc)
    {
        CheckRule(new RequestMustBeForTheCasesVictim(@case, victim));
        var release = victim.ReleaseCovering(platformId, nowUtc);
        CheckRule(new NoReleaseNoRequest(release));
        var request = new RemovalRequest(@case.Id, victim.Id, reference, platformId, kind, release!.Id, nowUtc);
        request.AddLocations(@case, locationIds);
        request.Record(@case.Id, "RequestDrafted", $"Request {reference} drafted ({kind}, {request.items.Count} location(s))", nowUtc);
        return request;
    }

    public void AddLocations(Case @case, IReadOnlyCollection<Guid> locationIds)
    {
        CheckRule(new OnlyUnsentRequestsCanBeEdited(Status));
        foreach (var locationId in locationIds.Distinct())
        {
            var location = @case.FindLocation(locationId);
            CheckRule(new StatutoryRequestLocationsMustBeOnItsPlatform(Kind, PlatformId, location));
            if (items.TrueForAll(i => i.LocationId != locationId))
            {
                items.Add(new RequestItem(location.Id, location.DepictionId));
            }
        }

        CheckRule(new RequestsListAFewHundredLocationsAtMost(items.Count));
        RecomputeReadiness();
    }

    public void RemoveLocation(Guid locationId)
    {
        CheckRule(new OnlyUnsentRequestsCanBeEdited(Status));
        items.RemoveAll(i => i.LocationId == locationId);
        RecomputeReadiness();
    }

    public void CompleteElements(SignatureBlock? signature, string? goodFaithStatement, string? supportingFacts, RequesterContact? contact)
    {
        CheckRule(new OnlyUnsentRequestsCanBeEdited(Status));
        Signature = signature;
        GoodFaithStatement = Text.Trimmed(goodFaithStatement);
        SupportingFacts = Text.Trimmed(supportingFacts);
        Contact = contact;
        RecomputeReadiness();
    }

    /// <summary>Replaces the fields of this request's kind; fields of another kind are refused, not silently dropped.</summary>
    public void DescribeKind(KindFields fields)
    {
        CheckRule(new OnlyUnsentRequestsCanBeEdited(Status));
        CheckRule(new EachKindTakesOnlyItsOwnFields(Kind, fields));
        ModelReport = fields.ModelReport?.Trimmed();
        SearchDelisting = fields.SearchDelisting?.Trimmed();
        TrainingOptOut = fields.TrainingOptOut?.Trimmed();
        FaceSearchOptOut = fields.FaceSearchOptOut?.Trimmed();
        RecomputeReadiness();
    }

    /// <summary>
    /// Records that staff sent the request; the statutory clock starts from receipt, and only when the platform is
    /// covered by the Act (<paramref name="platformCoverage"/> as the directory records it now).
    /// </summary>
    public void Submit(Submission submission, Victim victim, Coverage platformCoverage, DateTime nowUtc)
    {
        CheckRule(new OnlyReadyRequestsCanBeSubmitted(Status, MissingElements));
        CheckRule(new RequestMustBeForItsCasesVictim(VictimId, victim));
        CheckRule(new ReceiptCannotFollowSubmission(submission));
        CheckRule(new SubmissionCannotBeInTheFuture(submission.SubmittedAtUtc, nowUtc));

        // Staff may record a request sent before it was entered here, but only under a release in force at its receipt.
        var release = victim.ReleaseCovering(PlatformId, submission.ReceivedAtUtc);
        CheckRule(new NoReleaseNoRequest(release));
        CheckRule(new ReceiptCannotPrecedeTheDraft(submission, CreatedAtUtc));

        ReleaseId = release!.Id;
        Submission = submission;
        DeadlineAtUtc = StatutoryDeadline.For(Kind, platformCoverage, submission.ReceivedAtUtc);
        Status = RequestStatus.Submitted;
        Record(CaseId, "RequestSubmitted", $"Request {Reference} submitted by {submission.Channel}", nowUtc);
        Raise(new RequestSubmitted(Id, CaseId, submission.SubmittedAtUtc, DeadlineAtUtc));
    }

    public void RecordAcknowledgment(string platformRequestNumber, DateTime acknowledgedAtUtc, DateTime nowUtc)
    {
        CheckRule(new RequestMustBeOpen(Status, "record an acknowledgment"));
        CheckRule(new AcknowledgmentNeedsTheRequestNumber(platformRequestNumber));
        CheckRule(new AcknowledgmentCannotPrecedeReceipt(Submission!, acknowledgedAtUtc));
        CheckRule(new SubmissionCannotBeInTheFuture(acknowledgedAtUtc, nowUtc));

        PlatformRequestNumber = platformRequestNumber.Trim();
        AcknowledgedAtUtc = acknowledgedAtUtc;
        if (Status == RequestStatus.Submitted)
        {
            Status = RequestStatus.Acknowledged;
        }

        Record(CaseId, "RequestAcknowledged", $"Request {Reference} acknowledged by the platform", nowUtc);
    }

    public void RecordOutcome(Guid locationId, LocationOutcome outcome, DateTime atUtc, DateTime nowUtc)
    {
        CheckRule(new RequestMustBeOpen(Status, "record an outcome"));
        CheckRule(new OutcomeMustBeDecided(outcome));
        CheckRule(new AcknowledgmentCannotPrecedeReceipt(Submission!, atUtc));
        CheckRule(new SubmissionCannotBeInTheFuture(atUtc, nowUtc));
        var item = items.Find(i => i.LocationId == locationId)
                   ?? throw new BusinessRuleViolationException(new LocationMustBeInTheRequest());
        item.Record(outcome, atUtc);
        Record(CaseId, "OutcomeRecorded", $"Request {Reference}: a location was {outcome}", nowUtc);

        if (items.TrueForAll(i => i.Outcome != LocationOutcome.Pending))
        {
            Status = RequestStatus.Resolved;
            ResolvedAtUtc = items.Max(i => i.OutcomeAtUtc);
            Record(CaseId, "RequestResolved", $"Request {Reference} resolved", nowUtc);
            Raise(new RequestClosed(Id, nowUtc));
        }
    }

    /// <summary>
    /// A check found a location of this request online after the statutory deadline, and the platform has not been
    /// recorded as removing it: kept on the item (first and latest) for follow-ups and the FTC pack.
    /// </summary>
    public void NoteOnlineAfterDeadline(Guid locationId, DateTime checkedAtUtc)
    {
        if (DeadlineAtUtc is not { } deadline || checkedAtUtc <= deadline || items.Find(i => i.LocationId == locationId) is not { } item
            || item.Outcome == LocationOutcome.Removed)
        {
            return;
        }

        if (item.NoteOnlineAfterDeadline(checkedAtUtc))
        {
            Record(CaseId, "OnlineAfterDeadline", $"Request {Reference}: a check found a location still online after the 48-hour deadline", checkedAtUtc);
        }
    }

    /// <summary>A location of this request whose removal was confirmed is online again; the request shows it (a re-upload needs a new request).</summary>
    public void NoteReappeared(Guid locationId, DateTime checkedAtUtc)
    {
        if (items.Find(i => i.LocationId == locationId) is not { } item)
        {
            return;
        }

        item.NoteReappeared(checkedAtUtc);
        Record(CaseId, "LocationReappeared", $"Request {Reference}: a location reported removed is online again", checkedAtUtc);
    }

    /// <summary>The platform missed the statutory deadline with locations still unresolved.</summary>
    public void MarkOverdue(DateTime nowUtc)
    {
        CheckRule(new OnlyAPassedDeadlineMakesARequestOverdue(Status, DeadlineAtUtc, nowUtc));
        Status = RequestStatus.Overdue;
        OverdueSinceUtc = DeadlineAtUtc;
        Record(CaseId, "RequestOverdue", $"Request {Reference} is overdue: the 48-hour deadline passed", nowUtc);
    }

    /// <summary>The platform asked for more or rejected the request as invalid; a resubmission gets its own clock.</summary>
    public void DisputeValidity(string reason, DateTime nowUtc)
    {
        CheckRule(new RequestMustBeOpen(Status, "mark validity disputed"));
        CheckRule(new DisputeNeedsAReason(reason));
        Status = RequestStatus.ValidityDisputed;
        DisputeReason = reason.Trim();
        DisputedAtUtc = nowUtc;
        Record(CaseId, "ValidityDisputed", $"Request {Reference}: validity disputed by the platform", nowUtc);
        Raise(new RequestClosed(Id, nowUtc));
    }

    public RemovalRequest Resubmit(string reference, Victim victim, DateTime nowUtc)
    {
        CheckRule(new OnlyDisputedRequestsAreResubmitted(Status, ResubmittedAsId));
        CheckRule(new RequestMustBeForItsCasesVictim(VictimId, victim));
        var release = victim.ReleaseCovering(PlatformId, nowUtc);
        CheckRule(new NoReleaseNoRequest(release));
        var resubmission = new RemovalRequest(CaseId, VictimId, reference, PlatformId, Kind, release!.Id, nowUtc)
        {
            ResubmissionOfId = Id,
            // Fresh copies: an owned value belongs to exactly one request row.
            Signature = Signature is null ? null : Signature with { },
            GoodFaithStatement = GoodFaithStatement,
            SupportingFacts = SupportingFacts,
            Contact = Contact is null ? null : Contact with { },
            ModelReport = ModelReport,
            SearchDelisting = SearchDelisting,
            TrainingOptOut = TrainingOptOut,
            FaceSearchOptOut = FaceSearchOptOut,
        };
        resubmission.items.AddRange(items
            .Where(i => i.Outcome != LocationOutcome.Removed)
            .Select(i => new RequestItem(i.LocationId, i.DepictionId)));
        resubmission.RecomputeReadiness();
        ResubmittedAsId = resubmission.Id;
        Record(CaseId, "RequestResubmitted", $"Request {Reference} resubmitted as {reference}", nowUtc);
        return resubmission;
    }

    private void RecomputeReadiness() =>
        Status = MissingElements.Count == 0 ? RequestStatus.Ready : RequestStatus.Draft;
}
