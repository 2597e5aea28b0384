using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>Password then authenticator code; single-use codes, lockout, no account enumeration, session limits, headers.</summary>
public sealed partial class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_takes_a_password_and_an_authenticator_code_and_gives_a_session_cookie()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();

        var password = await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);
        Assert.Equal("/Account/Verify", password.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);

        var verified = await WebTestApp.PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["Code"] = app.CurrentCode(user) });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_cannot_be_used_twice()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var code = app.CurrentCode(user);
        var first = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(first, user.Email, WebTestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(first, "/Account/Verify", new Dictionary<string, string> { ["Code"] = code })).StatusCode);

        var second = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(second, user.Email, WebTestApp.Password);
        var replay = await WebTestApp.PostFormAsync(second, "/Account/Verify", new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("not accepted", await replay.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/cases", Ct)).StatusCode);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        var next = await WebTestApp.PostFormAsync(second, "/Account/Verify", new Dictionary<string, string> { ["Code"] = app.CurrentCode(user) });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_then_fails_the_same_way()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await WebTestApp.SubmitPasswordAsync(client, user.Email, "not-the-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("is not right, or the account is locked", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task An_unknown_account_and_a_wrong_password_get_the_same_answer()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);

        var unknown = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), "nobody@helpline.example", "whatever-password-1");
        var wrong = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), user.Email, "whatever-password-1");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(Normalize(await unknown.Content.ReadAsStringAsync(Ct), "nobody@helpline.example"), Normalize(await wrong.Content.ReadAsStringAsync(Ct), user.Email));
        Assert.Equal(unknown.Headers.Select(h => h.Key).Order(), wrong.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task A_first_sign_in_enrols_an_authenticator_from_the_shown_key_and_gives_recovery_codes()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker, enrolled: false);
        var client = app.BrowserClient();

        var password = await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);
        Assert.Equal("/Account/Enrol", password.Headers.Location?.OriginalString.Split('?')[0]);
        var page = WebUtility.HtmlDecode(await (await client.GetAsync("/Account/Enrol", Ct)).Content.ReadAsStringAsync(Ct));
        var uri = WebUtility.HtmlDecode(OtpAuthUri().Match(page).Value);
        Assert.StartsWith("otpauth://totp/TakedownDesk", uri, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", page, StringComparison.Ordinal);
        var secret = Regex.Match(uri, "secret=([A-Z2-7]+)").Groups[1].Value;

        var enrolled = await WebTestApp.PostFormAsync(client, "/Account/Enrol", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(secret, Totp.TimeStepAt(app.Time.GetUtcNow())),
        });

        var html = await enrolled.Content.ReadAsStringAsync(Ct);
        Assert.Contains("recovery-codes", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.First();
        }

        var first = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(first, user.Email, WebTestApp.Password);
        var used = await WebTestApp.PostFormAsync(first, "/Account/Verify", new Dictionary<string, string> { ["RecoveryCode"] = code }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);

        var second = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(second, user.Email, WebTestApp.Password);
        var reused = await WebTestApp.PostFormAsync(second, "/Account/Verify", new Dictionary<string, string> { ["RecoveryCode"] = code }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_sign_out_button_on_every_page_ends_the_session()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var signedOut = await WebTestApp.PostFormAsync(client, "/", new Dictionary<string, string>(), postTo: "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_20_idle_minutes_and_after_8_hours_whatever_the_activity()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var idle = app.BrowserClient();
        await app.SignInAsync(idle, user);
        app.Time.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/cases", Ct)).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var busy = app.BrowserClient();
        await app.SignInAsync(busy, user);
        for (var minutes = 0; minutes < 8 * 60 - 15; minutes += 15)
        {
            app.Time.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/cases", Ct)).StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_forms_carry_an_antiforgery_token()
    {
        await using var app = new WebTestApp();
        var client = app.BrowserClient();

        foreach (var path in new[] { "/Account/SignIn", "/api/v1/cases", "/health" })
        {
            var response = await client.GetAsync(path, Ct);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var html = await client.GetStringAsync("/Account/SignIn", Ct);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);

        var forged = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private static string Normalize(string html, string email) =>
        AntiforgeryValue().Replace(html, "TOKEN").Replace(email, "EMAIL", StringComparison.Ordinal);

    [GeneratedRegex("otpauth://[^<\"]+")]
    private static partial Regex OtpAuthUri();

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}
