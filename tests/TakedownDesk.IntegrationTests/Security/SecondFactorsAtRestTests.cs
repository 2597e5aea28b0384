using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: a copy of the database alone holds no authenticator secret and no recovery code.</summary>
public sealed class SecondFactorsAtRestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_authenticator_secret_is_sealed_and_recovery_codes_are_kept_only_as_hmacs_and_both_still_work()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        List<string> codes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!];
        }

        var stored = await StoredTokensAsync(app, user.Id);
        Assert.Equal(2, stored.Count);
        foreach (var secret in codes.Append(user.AuthenticatorKey!))
        {
            Assert.All(stored, value => Assert.DoesNotContain(secret, value, StringComparison.OrdinalIgnoreCase));
        }

        var totp = app.BrowserClient();
        await app.SignInAsync(totp, user);
        Assert.Equal(HttpStatusCode.OK, (await totp.GetAsync("/api/v1/cases", Ct)).StatusCode);

        var recovery = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(recovery, user.Email, WebTestApp.Password);
        var used = await WebTestApp.PostFormAsync(recovery, "/Account/Verify", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Equal(9, await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!));
        }
    }

    [Fact]
    public async Task A_secret_and_codes_stored_in_clear_before_the_upgrade_still_work()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker, enrolled: false);
        const string clearKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = clearKey });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "OLDCODE-00001;OLDCODE-00002" });
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var staff = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal(clearKey, await users.GetAuthenticatorKeyAsync(staff));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(staff, "OLDCODE-00002")).Succeeded);
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(staff, "OLDCODE-00002")).Succeeded);
            Assert.Equal(1, await users.CountRecoveryCodesAsync(staff));
        }
    }

    private static async Task<List<string>> StoredTokensAsync(WebTestApp app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        return await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.Value ?? string.Empty).ToListAsync(Ct);
    }
}
