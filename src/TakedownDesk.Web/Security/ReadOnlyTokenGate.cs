using TakedownDesk.Application.Common;

namespace TakedownDesk.Web.Security;

/// <summary>A read-only personal access token reads (GET, HEAD); anything else it attempts is refused with 403 before any handler runs.</summary>
public static class ReadOnlyTokenGate
{
    public static IApplicationBuilder UseReadOnlyTokenGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirst(StaffClaims.TokenScope)?.Value == nameof(AccessTokenScope.ReadOnly)
                && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "This token is read-only.",
                    detail: "Create a read-write token on the Tokens page to change things through the API.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
