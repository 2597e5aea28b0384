using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>20 minutes idle (sliding cookie), 8 hours absolute from sign-in whatever the activity, and revoked at once by a new security stamp.</summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(8);
    private const string SignedInAtKey = "td.signed-in-at";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.ExpireTimeSpan = Idle;
        options.SlidingExpiration = true;
        options.Cookie.Name = "td.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/Account/SignIn";
        options.LogoutPath = "/Account/SignOut";
        options.AccessDeniedPath = "/Account/Denied";

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items.TryAdd(SignedInAtKey, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            context.Properties.IsPersistent = false;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                || !long.TryParse(value, CultureInfo.InvariantCulture, out var seconds)
                || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            if (!await StampStillValidAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
        options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Every request, not every few minutes: sign-out, a password or role change renew the account's security stamp, and
    /// a cookie carrying the old one is refused from the next request on, even a copy saved elsewhere.
    /// </summary>
    private static async Task<bool> StampStillValidAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffUser>>();
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirst(stampClaim)?.Value;
        return stamp is not null
               && context.Principal is { } principal
               && await users.GetUserAsync(principal) is { DisabledAtUtc: null } user
               && string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Relative: an absolute address would be built from the request's Host header, which the client chooses.
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
