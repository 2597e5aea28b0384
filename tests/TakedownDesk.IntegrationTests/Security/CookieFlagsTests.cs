using Microsoft.AspNetCore.Mvc.Testing;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// The cookie flags as the raw Set-Cookie header carries them (what a browser or a scanner sees), not as the options
/// say: the antiforgery and session cookies are HttpOnly and SameSite=Strict, and Secure whenever the request is HTTPS.
/// </summary>
public sealed class CookieFlagsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_antiforgery_and_session_cookies_are_HttpOnly_and_SameSite_Strict_and_Secure_over_https(string baseAddress, bool secure)
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

        var signInPage = await client.GetAsync("/Account/SignIn", Ct);
        var verified = await app.SignInAsync(client, user);

        foreach (var cookie in new[] { SetCookie(signInPage, "td.antiforgery"), SetCookie(verified, "td.session") })
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
            Assert.Equal(secure, attributes.Contains("secure"));
        }
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [], v => v.StartsWith(name + "=", StringComparison.Ordinal));
}
