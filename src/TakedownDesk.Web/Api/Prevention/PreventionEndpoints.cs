using Mediator;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Web.Api.Cases;

namespace TakedownDesk.Web.Api.Prevention;

/// <summary>The victim's prevention plan, from one of their cases: photo sources, their status, and the printed guidance.</summary>
public static class PreventionEndpoints
{
    public static void MapPreventionEndpoints(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/cases/{caseId:guid}/prevention").WithTags("Prevention");

        plan.MapGet("/", async (Guid caseId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetPreventionPlanQuery(caseId), ct)));

        plan.MapPost("/sources", async (Guid caseId, PhotoSourceBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Created(
                $"/api/v1/cases/{caseId}/prevention",
                new CreatedId(await mediator.Send(new RecordPhotoSourceCommand(caseId, body.Platform ?? string.Empty, body.Url ?? string.Empty), ct))));

        plan.MapPost("/sources/{sourceId:guid}/status", async (Guid caseId, Guid sourceId, PhotoSourceStatusBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ChangePhotoSourceStatusCommand(caseId, sourceId, body.Status), ct);
            return TypedResults.NoContent();
        });

        plan.MapPost("/hash-matching", async (Guid caseId, HashMatchingBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Created(
                $"/api/v1/cases/{caseId}/prevention",
                new CreatedId(await mediator.Send(
                    new RecordHashMatchingCaseCommand(caseId, body.Service, body.CaseNumber ?? string.Empty, body.ConsentGivenBy ?? string.Empty, body.ConsentGivenAt ?? default, body.ConsentMethod), ct))));

        plan.MapGet("/guidance", async (Guid caseId, string? language, ISender mediator, CancellationToken ct) =>
            {
                var guidance = await mediator.Send(new GetExposureGuidanceQuery(caseId, language ?? "en"), ct);
                return TypedResults.File(guidance.Pdf, "application/pdf", $"photo-guidance-{guidance.Language}.pdf");
            })
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf");

        plan.MapGet("/summary-letter", async (Guid caseId, string? language, ISender mediator, CancellationToken ct) =>
            {
                var letter = await mediator.Send(new GetVictimSummaryLetterQuery(caseId, language ?? "en"), ct);
                return TypedResults.File(letter.Pdf, "application/pdf", $"summary-letter-{letter.Language}.pdf");
            })
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf");
    }

    /// <summary>Platform: the site as the victim knows it (e.g. "Instagram"); Url: the profile or album's address, never a photo.</summary>
    public sealed record PhotoSourceBody(string? Platform, string? Url);

    public sealed record PhotoSourceStatusBody(PhotoSourceStatus Status);

    /// <summary>The service's case number only: there is no place for the PIN, which stays with the person. ConsentGivenAt: an instant with its offset.</summary>
    public sealed record HashMatchingBody(HashMatchingService Service, string? CaseNumber, string? ConsentGivenBy, DateTimeOffset? ConsentGivenAt, ConsentMethod ConsentMethod);
}
