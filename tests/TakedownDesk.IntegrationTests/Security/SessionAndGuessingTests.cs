using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: sessions that end when they are ended, and sign-in steps that resist guessing.</summary>
public sealed class SessionAndGuessingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_session_cookie_stops_working_at_sign_out_for_pages_the_api_and_token_creation()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var jar = new CookieContainer();
        var browser = app.CreateDefaultClient(new CookieContainerHandler(jar));
        await app.SignInAsync(browser, user);
        var saved = jar.GetCookieHeader(app.Server.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await Replay(app, saved).GetAsync("/api/v1/cases", Ct)).StatusCode);

        var signedOut = await WebTestApp.PostFormAsync(browser, "/", new Dictionary<string, string>(), postTo: "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("\"cache\", \"cookies\", \"storage\"", string.Join(", ", signedOut.Headers.GetValues("Clear-Site-Data")));
        var replayed = Replay(app, saved);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replayed.GetAsync("/api/v1/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replayed.PostAsync("/api/v1/tokens", WebTestApp.Body(new { name = "after sign-out", expiresInDays = 365 }), Ct)).StatusCode);
        var page = await replayed.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_change_ends_the_accounts_sessions_from_the_next_request()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/cases", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IStaffAccounts>().SetRoleAsync(user.Id, StaffRoles.Supervisor, Ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_accounts_other_sessions()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var here = app.BrowserClient();
        var elsewhere = app.BrowserClient();
        await app.SignInAsync(here, user);
        app.Time.Advance(TimeSpan.FromSeconds(30)); // each authenticator code signs in once
        await app.SignInAsync(elsewhere, user);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/cases", Ct)).StatusCode);

        var wrong = await WebTestApp.PostFormAsync(here, "/Account/Password", Passwords("not-my-password", "a-brand-new-passphrase"));
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/cases", Ct)).StatusCode);

        var changed = await WebTestApp.PostFormAsync(here, "/Account/Password", Passwords(WebTestApp.Password, "a-brand-new-passphrase"));

        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/cases", Ct)).StatusCode);
        var newPassword = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), user.Email, "a-brand-new-passphrase");
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Theory]
    [InlineData("Password1234")]
    [InlineData("zzzzzzzzzzzzzz")]
    [InlineData("my-caseworker-password")]
    public async Task A_long_but_guessable_new_password_is_refused_and_a_long_phrase_without_digits_is_accepted(string guessable)
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker, email: "caseworker@helpline.example");
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var refused = await WebTestApp.PostFormAsync(client, "/Account/Password", Passwords(WebTestApp.Password, guessable));
        var accepted = await WebTestApp.PostFormAsync(client, "/Account/Password", Passwords(WebTestApp.Password, "river otter lantern autumn"));

        Assert.Contains("among the first ones guessed", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Your password is changed.", await accepted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_attempts_from_one_address_beyond_the_limit_are_refused_with_429_and_a_readable_answer()
    {
        await using var app = new WebTestApp(new Dictionary<string, string?> { ["SignIn:AttemptsPerAddressPerMinute"] = "10" });
        var client = app.BrowserClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 14; attempt++)
        {
            var response = await WebTestApp.SubmitPasswordAsync(client, $"guess-{attempt}@helpline.example", "not-the-password");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)), statuses);
        Assert.Equal("60", string.Join(",", refused!.Headers.GetValues("Retry-After")));
        Assert.Equal(SignInThrottle.TooManyAttempts, await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn", Ct)).StatusCode);
    }

    [Fact]
    public async Task Thirty_parallel_wrong_passwords_for_one_account_check_the_password_only_until_the_lockout()
    {
        var hasher = new CountingHasher();
        await using var app = new WebTestApp(
            new Dictionary<string, string?> { ["SignIn:AttemptsPerAddressPerMinute"] = "100", ["SignIn:AttemptsPerAccountPer15Minutes"] = "100" },
            services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<StaffUser>>(hasher)));
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        hasher.Reset();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => WebTestApp.SubmitPasswordAsync(app.BrowserClient(), user.Email, "wrong-" + i)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // Five real checks reach the threshold; the other 25 find the account locked and do the same work on a dummy hash.
        Assert.Equal(5, hasher.ChecksOf(user.Id));
        Assert.Equal(25, hasher.Total - hasher.ChecksOf(user.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_lockout()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await WebTestApp.PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["RecoveryCode"] = $"WRONG-{attempt:D5}" }, handler: "Recovery");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal((4, false), (await users.GetAccessFailedCountAsync(stored), await users.IsLockedOutAsync(stored)));
        }

        await WebTestApp.PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["RecoveryCode"] = "WRONG-99999" }, handler: "Recovery");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        }
    }

    [Fact]
    public async Task Locking_an_account_by_wrong_passwords_leaves_its_api_tokens_working()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), user.Email, "anonymous-guess-" + attempt);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    private static Dictionary<string, string> Passwords(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = next,
    };

    private static HttpClient Replay(WebTestApp app, string cookieHeader)
    {
        var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    /// <summary>The real hasher, counting verifications per user id (unknown and locked accounts check a dummy user's hash).</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> real = new();
        private readonly ConcurrentDictionary<string, int> checks = new(StringComparer.Ordinal);

        public string HashPassword(StaffUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            checks.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public int ChecksOf(string userId) => checks.GetValueOrDefault(userId);

        public int Total => checks.Values.Sum();

        public void Reset() => checks.Clear();
    }
}
