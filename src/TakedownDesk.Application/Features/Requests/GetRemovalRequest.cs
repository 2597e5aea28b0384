using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Application.Features.Requests;

public sealed record GetRemovalRequestQuery(Guid RequestId) : IQuery<RemovalRequestView>;

/// <remarks>
/// CreatedAtUtc: When the request was drafted; no receipt can be recorded before it.<br/>
/// PlatformCoverage: Whether the directory records the platform as covered by the Act; an excluded platform's requests carry no statutory clock.<br/>
/// DeadlineNote: The 48-hour limit when a deadline runs, or why none applies to a statutory request to an excluded platform.<br/>
/// FollowUpOnUtc: When staff should chase a submitted request that has no statutory deadline (its first follow-up reminder).
/// </remarks>
public sealed record RemovalRequestView(
    Guid Id,
    string Reference,
    Guid CaseId,
    string CaseReference,
    Guid PlatformId,
    string PlatformName,
    Coverage PlatformCoverage,
    IReadOnlyList<RemovalChannel> DesignatedChannels,
    RequestKind Kind,
    RequestStatus Status,
    DateTime CreatedAtUtc,
    Guid ConcurrencyStamp,
    IReadOnlyList<RequestItemView> Items,
    SignatureBlock? Signature,
    string? GoodFaithStatement,
    string? SupportingFacts,
    RequesterContact? Contact,
    ModelReportDetails? ModelReport,
    SearchDelistingDetails? SearchDelisting,
    TrainingOptOutDetails? TrainingOptOut,
    FaceSearchOptOutDetails? FaceSearchOptOut,
    IReadOnlyList<MissingElement> Missing,
    Submission? Submission,
    DateTime? DeadlineAtUtc,
    string? DeadlineNote,
    DateTime? FollowUpOnUtc,
    string? PlatformRequestNumber,
    DateTime? AcknowledgedAtUtc,
    DateTime? ResolvedAtUtc,
    string? DisputeReason,
    Guid? ResubmissionOfId,
    Guid? ResubmittedAsId);

/// <summary>A location of the request: the platform's outcome, and what automatic checks found after the deadline or after a removal.</summary>
public sealed record RequestItemView(
    Guid LocationId, Guid DepictionId, string Url, LocationOutcome Outcome, DateTime? OutcomeAtUtc,
    DateTime? OnlineAfterDeadlineFirstAtUtc, DateTime? OnlineAfterDeadlineLastAtUtc, DateTime? ReappearedAtUtc);

public sealed class GetRemovalRequestHandler(ITakedownDeskDb db, ICurrentStaff staff, IEscalationPolicySource policy) : IQueryHandler<GetRemovalRequestQuery, RemovalRequestView>
{
    public async ValueTask<RemovalRequestView> Handle(GetRemovalRequestQuery query, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var urls = @case.Locations.ToDictionary(l => l.Id, l => l.Url);
        return new RemovalRequestView(
            request.Id,
            request.Reference,
            @case.Id,
            @case.Reference,
            platform.Id,
            platform.Name,
            platform.Coverage,
            platform.DesignatedChannels,
            request.Kind,
            request.Status,
            request.CreatedAtUtc,
            request.ConcurrencyStamp,
            request.Items.Select(i => new RequestItemView(
                i.LocationId, i.DepictionId, urls[i.LocationId], i.Outcome, i.OutcomeAtUtc, i.OnlineAfterDeadlineFirstAtUtc, i.OnlineAfterDeadlineLastAtUtc, i.ReappearedAtUtc)).ToList(),
            request.Signature,
            request.GoodFaithStatement,
            request.SupportingFacts,
            request.Contact,
            request.ModelReport,
            request.SearchDelisting,
            request.TrainingOptOut,
            request.FaceSearchOptOut,
            request.MissingElements,
            request.Submission,
            request.DeadlineAtUtc,
            StatutoryDeadline.NoteFor(request.Kind, platform.Coverage, request.DeadlineAtUtc),
            policy.Current.FollowUpOn(request.Submission?.SubmittedAtUtc, request.DeadlineAtUtc),
            request.PlatformRequestNumber,
            request.AcknowledgedAtUtc,
            request.ResolvedAtUtc,
            request.DisputeReason,
            request.ResubmissionOfId,
            request.ResubmittedAsId);
    }
}
