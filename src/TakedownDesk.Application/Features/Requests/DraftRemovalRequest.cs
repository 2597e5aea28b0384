using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Requests.Rules;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>Starts a request of any kind to one platform, optionally with its kind's fields.</summary>
public sealed record DraftRemovalRequestCommand(
    Guid CaseId,
    Guid PlatformId,
    RequestKind Kind,
    IReadOnlyList<Guid> LocationIds,
    ModelReportDetails? ModelReport = null,
    SearchDelistingDetails? SearchDelisting = null,
    TrainingOptOutDetails? TrainingOptOut = null,
    FaceSearchOptOutDetails? FaceSearchOptOut = null) : ICommand<DraftedRequest>, IKindFieldsInput;

/// <summary>A new draft; in the API its own id is "id", as in every answer about one resource.</summary>
public sealed record DraftedRequest([property: JsonPropertyName("id")] Guid RequestId, string Reference, RequestStatus Status, IReadOnlyList<MissingElement> Missing);

public sealed class DraftRemovalRequestValidator : AbstractValidator<DraftRemovalRequestCommand>
{
    public DraftRemovalRequestValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.PlatformId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.LocationIds).NotEmpty().WithMessage("Choose at least one location.");
        RuleFor(c => c.LocationIds.Count).LessThanOrEqualTo(RequestsListAFewHundredLocationsAtMost.Maximum)
            .When(c => c.LocationIds is not null)
            .WithName("LocationIds")
            .WithMessage($"A request can list at most {RequestsListAFewHundredLocationsAtMost.Maximum} locations. Draft another request for the rest.");
        Include(new KindFieldsValidator<DraftRemovalRequestCommand>());
    }
}

public sealed class DraftRemovalRequestHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<DraftRemovalRequestCommand, DraftedRequest>
{
    public async ValueTask<DraftedRequest> Handle(DraftRemovalRequestCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        return await DraftAsync(db, @case, command.PlatformId, command.Kind, command.LocationIds, command.ToKindFields(), time.UtcNow(), cancellationToken);
    }

    /// <summary>Drafts a request on a loaded case; also used where a request is drafted from something else (a model's page).</summary>
    public static async Task<DraftedRequest> DraftAsync(
        ITakedownDeskDb db, Case @case, Guid platformId, RequestKind kind, IReadOnlyList<Guid> locationIds, KindFields fields, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        _ = await db.Platforms.FindAsync([platformId], cancellationToken) ?? throw new NotFoundException("Platform", platformId);
        var reference = await RequestReferences.NextAsync(db, @case, cancellationToken);
        var request = RemovalRequest.Draft(@case, reference, platformId, kind, locationIds, victim, nowUtc);
        request.DescribeKind(fields);
        db.RemovalRequests.Add(request);
        return new DraftedRequest(request.Id, request.Reference, request.Status, request.MissingElements);
    }
}
