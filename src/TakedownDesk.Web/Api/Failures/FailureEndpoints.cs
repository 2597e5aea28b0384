using Mediator;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.Web.Api.Failures;

/// <summary>Supervisors only: escalation steps that gave up and e-mails that did not go out, each with a retry.</summary>
public static class FailureEndpoints
{
    public static void MapFailureEndpoints(this RouteGroupBuilder api)
    {
        var failures = api.MapGroup("/failures").WithTags("Failures").RequireAuthorization(TakedownDeskHost.SupervisorPolicy);

        failures.MapGet("/steps", async (ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListFailedEscalationStepsQuery(), ct)));

        failures.MapPost("/steps/{stepId:guid}/retry", async (Guid stepId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RetryEscalationStepCommand(stepId), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        failures.MapGet("/emails", async (ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListOutboxQuery(OnlyNeedingStaff: true), ct)));

        // The body may be left out for a dead letter; an outcome-unknown e-mail needs confirmedNotDelivered: true.
        failures.MapPost("/emails/{messageId:guid}/retry", async (Guid messageId, RetryEmailBody? body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(new RetriedEmail(messageId, await mediator.Send(new RetryOutboxMessageCommand(messageId, body?.ConfirmedNotDelivered ?? false), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public sealed record RetryEmailBody(bool ConfirmedNotDelivered);

    public sealed record RetriedEmail(Guid MessageId, OutboxState State);
}
