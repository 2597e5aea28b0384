using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Security;

/// <summary><c>Authorization: Bearer td_…</c>: the token's hash is looked up; revoked or expired tokens, and tokens of disabled accounts, fail.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TakedownDeskDbContext db,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>Whether the request authenticates with a token (the staff scheme forwards on the same test).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!secret.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            SignInLog.TokenRefused(Logger, "not a desk token", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Invalid token.");
        }

        var hash = PersonalAccessToken.Hash(secret);
        var now = TimeProvider.UtcNow();
        var token = await db.PersonalAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAtUtc is not null || token.ExpiresAtUtc <= now)
        {
            SignInLog.TokenRefused(Logger, token is null ? "unknown" : token.RevokedAtUtc is not null ? "revoked" : "expired", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Invalid token.");
        }

        var user = await users.FindByIdAsync(token.StaffUserId);
        // A lockout stops password guessing; it must not cut a caseworker's API clients off (anyone can trigger one).
        if (user is null || !user.TwoFactorEnabled || user.DisabledAtUtc is not null)
        {
            SignInLog.TokenRefused(Logger, "account disabled", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Invalid token.");
        }

        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc > TimeSpan.FromMinutes(5))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(StaffClaims.TokenScope, token.Scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
