using Mediator;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Web.Api.Requests;

/// <summary>The request's life (any kind): draft, complete the elements and the kind's fields, submit (or send by e-mail), acknowledgment, outcomes, dispute, resubmit.</summary>
public static class RequestEndpoints
{
    public static void MapRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Removal requests");

        requests.MapPost("/", async (DraftRemovalRequestCommand command, ISender mediator, CancellationToken ct) =>
        {
            var drafted = await mediator.Send(command, ct);
            return TypedResults.Created($"/api/v1/requests/{drafted.RequestId}", drafted);
        });

        requests.MapGet("/{requestId:guid}", async (Guid requestId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRemovalRequestQuery(requestId), ct)));

        requests.MapGet("/{requestId:guid}/validity", async (Guid requestId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CheckRequestValidityQuery(requestId), ct)));

        requests.MapPost("/{requestId:guid}/elements", async (Guid requestId, ElementsBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(
                new CompleteRequestElementsCommand(
                    requestId, body.Signature, body.GoodFaithStatement, body.SupportingFacts, body.Contact, body.ExpectedConcurrencyStamp, body.ModelReport, body.SearchDelisting, body.TrainingOptOut, body.FaceSearchOptOut),
                ct)));

        // Answers the request as it now stands (status, deadline, submission), as GET /requests/{id} would.
        requests.MapPost("/{requestId:guid}/submission", async (Guid requestId, SubmissionBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(
                new SubmitRemovalRequestCommand(
                    requestId, body.Channel, body.ChannelTarget, body.WhyDesignated, body.ConfirmationNumber, body.MessageId, body.RecordedReceiptAt, body.ExpectedConcurrencyStamp),
                ct);
            return TypedResults.Ok(await mediator.Send(new GetRemovalRequestQuery(requestId), ct));
        });

        // Sending is the confirmation: the address must be the platform's designated one; submitted when the server accepts it.
        requests.MapPost("/{requestId:guid}/email", async (Guid requestId, EmailBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/requests/{requestId}/correspondence", await mediator.Send(new SendRequestByEmailCommand(requestId, body.To), ct)));

        requests.MapPost("/{requestId:guid}/acknowledgment", async (Guid requestId, AcknowledgmentBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RecordAcknowledgmentCommand(requestId, body.PlatformRequestNumber, body.AcknowledgedAt), ct);
            return TypedResults.NoContent();
        });

        requests.MapPost("/{requestId:guid}/outcomes", async (Guid requestId, OutcomeBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(new RequestStatusBody(await mediator.Send(new RecordOutcomeCommand(requestId, body.LocationId, body.Outcome, body.At), ct))));

        requests.MapPost("/{requestId:guid}/dispute", async (Guid requestId, DisputeBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DisputeValidityCommand(requestId, body.Reason), ct);
            return TypedResults.NoContent();
        });

        requests.MapPost("/{requestId:guid}/resubmission", async (Guid requestId, ISender mediator, CancellationToken ct) =>
        {
            var drafted = await mediator.Send(new ResubmitRemovalRequestCommand(requestId), ct);
            return TypedResults.Created($"/api/v1/requests/{drafted.RequestId}", drafted);
        });
    }

    /// <remarks>ModelReport, SearchDelisting, TrainingOptOut, FaceSearchOptOut: the fields of the request's own kind; another kind's are refused (422).</remarks>
    public sealed record ElementsBody(
        SignatureInput? Signature,
        string? GoodFaithStatement,
        string? SupportingFacts,
        ContactInput? Contact,
        Guid? ExpectedConcurrencyStamp,
        ModelReportDetails? ModelReport = null,
        SearchDelistingDetails? SearchDelisting = null,
        TrainingOptOutDetails? TrainingOptOut = null,
        FaceSearchOptOutDetails? FaceSearchOptOut = null);

    public sealed record SubmissionBody(
        ChannelKind Channel, string? ChannelTarget, string WhyDesignated, string? ConfirmationNumber, string? MessageId, DateTimeOffset? RecordedReceiptAt, Guid? ExpectedConcurrencyStamp);

    public sealed record EmailBody(string To);

    public sealed record AcknowledgmentBody(string PlatformRequestNumber, DateTimeOffset AcknowledgedAt);

    public sealed record OutcomeBody(Guid LocationId, LocationOutcome Outcome, DateTimeOffset At);

    public sealed record DisputeBody(string Reason);

    public sealed record RequestStatusBody(RequestStatus Status);
}
