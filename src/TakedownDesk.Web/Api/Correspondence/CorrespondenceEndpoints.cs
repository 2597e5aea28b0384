using Mediator;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Web.Api.Correspondence;

/// <summary>The platforms' e-mail replies: a request's correspondence, confirming what a reply means, and the inbox queue.</summary>
public static class CorrespondenceEndpoints
{
    public static void MapCorrespondenceEndpoints(this RouteGroupBuilder api)
    {
        var mail = api.MapGroup("/").WithTags("E-mail replies");

        mail.MapGet("/requests/{requestId:guid}/correspondence", async (Guid requestId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRequestCorrespondenceQuery(requestId), ct)));

        // Records the acknowledgment or outcome at the e-mail's Date.
        mail.MapPost("/replies/{emailId:guid}/confirmation", async (Guid emailId, ConfirmationBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(new Requests.RequestEndpoints.RequestStatusBody(await mediator.Send(new ConfirmReplyCommand(emailId, body.Meaning, body.PlatformRequestNumber), ct))));

        mail.MapGet("/inbox", async (ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListInboxQuery(), ct)));

        mail.MapPost("/inbox/{emailId:guid}/request", async (Guid emailId, AttachBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new AttachEmailToRequestCommand(emailId, body.RequestReference), ct);
            return TypedResults.NoContent();
        });

        mail.MapPost("/inbox/{emailId:guid}/dismissal", async (Guid emailId, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DismissEmailCommand(emailId), ct);
            return TypedResults.NoContent();
        });
    }

    public sealed record ConfirmationBody(ReplyMeaning Meaning, string? PlatformRequestNumber);

    public sealed record AttachBody(string RequestReference);
}
