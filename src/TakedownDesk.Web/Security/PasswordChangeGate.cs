namespace TakedownDesk.Web.Security;

/// <summary>
/// A session whose password someone else chose (the CLI's one-time password, an account an administrator created)
/// reaches only the password page and sign-out until the password is changed: pages redirect there, the API answers 403.
/// </summary>
public static class PasswordChangeGate
{
    private static readonly string[] Open = ["/Account/Password", "/Account/SignOut", "/Account/Enrol", "/Status", "/css", "/js", "/health"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword)
                && !Open.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            {
                if (SessionLifetime.IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Change your one-time password first.",
                        detail: "Sign in to the desk and choose your own password at /Account/Password.").ExecuteAsync(context);
                    return;
                }

                context.Response.Redirect("/Account/Password");
                return;
            }

            await next(context);
        });
}
