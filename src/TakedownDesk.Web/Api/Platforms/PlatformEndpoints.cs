using Mediator;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.Web.Api.Platforms;

/// <summary>The platform directory: every staff member reads it; only administrators change it.</summary>
public static class PlatformEndpoints
{
    public static void MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        var platforms = api.MapGroup("/platforms").WithTags("Platform directory");

        platforms.MapGet("/", async (ISender mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListPlatformsQuery(), ct)));

        platforms.MapGet("/{platformId:guid}", async (Guid platformId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetPlatformQuery(platformId), ct)));

        platforms.MapGet("/{platformId:guid}/process", async (Guid platformId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetPlatformProcessQuery(platformId), ct)));

        platforms.MapGet("/export", async (ISender mediator, CancellationToken ct) =>
            TypedResults.Text(await mediator.Send(new ExportPlatformsQuery(), ct), "application/json"))
            .Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .WithDescription("The directory file, in the format POST /platforms/import reads (platforms.json).");

        var admin = platforms.MapGroup("/").RequireAuthorization(TakedownDeskHost.AdministratorPolicy);

        admin.MapPost("/", async (SaveBody body, ISender mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(new SavePlatformCommand(null, body.Entry?.Slug ?? string.Empty, body.Entry!, null), ct);
            return TypedResults.Created($"/api/v1/platforms/{id}", new Cases.CreatedId(id));
        });

        admin.MapPut("/{platformId:guid}", async (Guid platformId, SaveBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(new Cases.CreatedId(await mediator.Send(new SavePlatformCommand(platformId, body.Entry?.Slug ?? string.Empty, body.Entry!, body.ExpectedConcurrencyStamp), ct))));

        admin.MapPost("/{platformId:guid}/verification", async (Guid platformId, VerifyBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new MarkPlatformVerifiedCommand(platformId, body.Source), ct);
            return TypedResults.NoContent();
        });

        admin.MapPost("/import", async (HttpRequest request, ISender mediator, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(ct);
            return TypedResults.Ok(await mediator.Send(new ImportPlatformsCommand(json), ct));
        }).Accepts<IReadOnlyList<PlatformEntry>>("application/json");
    }

    /// <remarks>Entry: required; a missing one is refused by the command's validator (400), which runs before anything reads it.</remarks>
    public sealed record SaveBody(PlatformEntry? Entry, Guid? ExpectedConcurrencyStamp);

    public sealed record VerifyBody(string? Source);
}
