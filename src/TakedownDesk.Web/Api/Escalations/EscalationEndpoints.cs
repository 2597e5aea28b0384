using Mediator;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Web.Api.Escalations;

/// <summary>The escalation ladder of a request: its follow-ups (preview, address, send, record), the FTC report pack, and the board's work list.</summary>
public static class EscalationEndpoints
{
    public static void MapEscalationEndpoints(this RouteGroupBuilder api)
    {
        var escalations = api.MapGroup(string.Empty).WithTags("Escalations");

        escalations.MapGet("/requests/{requestId:guid}/escalation", async (Guid requestId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRequestEscalationQuery(requestId), ct)));

        escalations.MapGet("/escalations/work", async (ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListEscalationWorkQuery(), ct)));

        escalations.MapGet("/cases/{caseId:guid}/follow-ups/{followUpId:guid}/preview", async (Guid caseId, Guid followUpId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new PreviewFollowUpQuery(followUpId, caseId), ct)));

        escalations.MapPost("/follow-ups/{followUpId:guid}/address", async (Guid followUpId, AddressBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new AddressFollowUpCommand(followUpId, body.Channel, body.Target), ct)));

        // Accepted: the follow-up counts as sent when the SMTP server accepts it; the escalation view shows when.
        escalations.MapPost("/follow-ups/{followUpId:guid}/email", async (Guid followUpId, SendBody body, ISender mediator, CancellationToken ct) =>
        {
            var queued = await mediator.Send(new SendFollowUpCommand(followUpId, body.ConfirmedAddress), ct);
            return TypedResults.Accepted($"/api/v1/requests/{queued.RequestId}/escalation", queued);
        });

        escalations.MapPost("/follow-ups/{followUpId:guid}/submission", async (Guid followUpId, FollowUpSubmissionBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RecordFollowUpSubmissionCommand(followUpId, body.SentAt.UtcDateTime, body.Confirmation), ct)));

        escalations.MapPost("/requests/{requestId:guid}/ftc-report/filing", async (Guid requestId, FilingBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RecordFtcFilingCommand(requestId, body.FtcReferenceNumber, body.FiledAt.UtcDateTime), ct)));

        escalations.MapGet("/cases/{caseId:guid}/requests/{requestId:guid}/ftc-report/notices.zip", async (Guid caseId, Guid requestId, ISender mediator, CancellationToken ct) =>
        {
            var zip = await mediator.Send(new GetFtcNoticesZipQuery(requestId, caseId), ct);
            return TypedResults.File(zip.Zip, "application/zip", zip.FileName);
        })
        .Produces<byte[]>(StatusCodes.Status200OK, "application/zip");
    }

    public sealed record AddressBody(ChannelKind Channel, string Target);

    public sealed record SendBody(string ConfirmedAddress);

    /// <summary>Named apart from the request's submission body: OpenAPI schemas are keyed by type name, and the two would share one.</summary>
    public sealed record FollowUpSubmissionBody(DateTimeOffset SentAt, string? Confirmation);

    public sealed record FilingBody(string FtcReferenceNumber, DateTimeOffset FiledAt);
}
