using Mediator;
using TakedownDesk.Application.Features.Deadlines;

namespace TakedownDesk.Web.Api.Deadlines;

public static class DeadlineEndpoints
{
    public static void MapDeadlineEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/deadlines", async (int? withinHours, ISender mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDeadlineBoardQuery(withinHours ?? 24), ct)))
            .WithTags("Deadline board");
}
