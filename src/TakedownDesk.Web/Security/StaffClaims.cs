using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>Claims the pages need without another database read: the name to greet and the time zone to show times in.</summary>
public static class StaffClaims
{
    public const string DisplayName = "td:name";
    public const string TimeZone = "td:tz";

    /// <summary>Present while the account still has a password someone else chose (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePassword = "td:must-change-password";

    /// <summary>On a principal authenticated by a personal access token: the token's <c>AccessTokenScope</c>.</summary>
    public const string TokenScope = "td:token-scope";

    public static TimeZoneInfo TimeZoneOf(ClaimsPrincipal user) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(user.FindFirstValue(TimeZone) ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;
}

public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(StaffClaims.TimeZone, user.TimeZoneId));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
