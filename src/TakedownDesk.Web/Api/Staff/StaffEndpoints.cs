using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;
using TakedownDesk.Web.Hosting;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Api.Staff;

/// <summary>The caller's own personal access tokens, and (administrators only) staff accounts.</summary>
public static class StaffEndpoints
{
    public static void MapStaffEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Personal access tokens");
        tokens.MapGet("/", async (ISender mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAccessTokensQuery(), ct)));
        tokens.MapPost("/", async Task<IResult> (CreateAccessTokenCommand command, HttpRequest request, ISender mediator, ICurrentStaff staff, ILoggerFactory logs, CancellationToken ct) =>
        {
            // A stolen token must not mint itself a successor that outlives its revocation.
            if (AccessTokenAuthenticationHandler.Carries(request))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "A personal access token cannot create tokens.",
                    detail: "Sign in to the desk in a browser and create the token on the Tokens page or with that session.");
            }

            var created = AccessTokenEvents.Logged(await mediator.Send(command, ct), staff, request.HttpContext, logs).EnsureCreated();
            return TypedResults.Created($"/api/v1/tokens/{created.Id}", created);
        }).Produces<CreatedAccessToken>(StatusCodes.Status201Created);
        tokens.MapDelete("/{tokenId:guid}", async (Guid tokenId, ISender mediator, ICurrentStaff staff, HttpContext http, ILoggerFactory logs, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeAccessTokenCommand(tokenId), ct);
            AccessTokenEvents.Revoked(tokenId, staff, http, logs);
            return TypedResults.NoContent();
        });

        var staff = api.MapGroup("/staff").WithTags("Staff accounts").RequireAuthorization(TakedownDeskHost.AdministratorPolicy);
        staff.MapGet("/", async (ISender mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListStaffAccountsQuery(), ct)));
        staff.MapPost("/", async (CreateStaffAccountCommand command, ISender mediator, CancellationToken ct) =>
        {
            var account = await mediator.Send(command, ct);
            return TypedResults.Created($"/api/v1/staff/{account.Id}", account);
        });
        staff.MapPost("/{staffId}/disable", async (string staffId, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DisableStaffAccountCommand(staffId), ct);
            return TypedResults.NoContent();
        });
        staff.MapPut("/{staffId}/role", async (string staffId, RoleBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new SetStaffRoleCommand(staffId, body.Role), ct);
            return TypedResults.NoContent();
        });
    }

    public sealed record RoleBody(string Role);
}
