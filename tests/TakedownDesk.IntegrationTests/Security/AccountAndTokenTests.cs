using System.Net;
using System.Net.Http.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Staff.Rules;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: tokens that cannot multiply, and accounts an administrator can switch off.</summary>
public sealed class AccountAndTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_cannot_create_tokens_and_nothing_is_written()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);

        var refused = await api.PostAsync("/api/v1/tokens", WebTestApp.Body(new { name = "successor", validForDays = 365 }), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cannot create tokens", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await api.GetFromJsonAsync<List<AccessTokenView>>("/api/v1/tokens", WebTestApp.Json, Ct) ?? []);
    }

    [Fact]
    public async Task A_session_may_hold_ten_active_tokens_and_revoking_one_makes_room()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var created = new List<CreatedAccessToken>();
        for (var i = 0; i < ActiveAccessTokensAreCapped.Maximum; i++)
        {
            var response = await CreateTokenAsync(app, browser, user, $"client {i}");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add(await WebTestApp.ReadAsync<CreatedAccessToken>(response));
        }

        var eleventh = await CreateTokenAsync(app, browser, user, "one too many");
        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Contains("Revoke one you no longer use", await eleventh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/tokens/{created[0].Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateTokenAsync(app, browser, user, "replacement")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_token_needs_the_password_and_a_code_not_used_before_and_failures_count_towards_lockout()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var withoutSecrets = await browser.PostAsync("/api/v1/tokens", WebTestApp.Body(new { name = "client" }), Ct);
        var codeUsedAtSignIn = await browser.PostAsync(
            "/api/v1/tokens", WebTestApp.Body(new { name = "client", currentPassword = WebTestApp.Password, authenticatorCode = app.CurrentCode(user) }), Ct);
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var wrongPassword = await browser.PostAsync(
            "/api/v1/tokens", WebTestApp.Body(new { name = "client", currentPassword = "not my password at all", authenticatorCode = app.CurrentCode(user) }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutSecrets.StatusCode);
        var missing = await withoutSecrets.Content.ReadAsStringAsync(Ct);
        Assert.Contains("currentPassword", missing, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("authenticatorCode", missing, StringComparison.OrdinalIgnoreCase);
        foreach (var refused in new[] { codeUsedAtSignIn, wrongPassword })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("was not accepted", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Empty(await browser.GetFromJsonAsync<List<AccessTokenView>>("/api/v1/tokens", WebTestApp.Json, Ct) ?? []);
        Assert.Equal(2, await app.AccessFailedCountAsync(user));

        app.Time.Advance(TimeSpan.FromSeconds(30));
        var confirmed = await CreateTokenAsync(app, browser, user, "client");
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(0, await app.AccessFailedCountAsync(user));
    }

    [Fact]
    public async Task A_token_is_read_only_unless_asked_otherwise_and_a_read_only_token_changes_nothing()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);
        var (writer, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(writer, app.Time.GetUtcNow());
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var created = await WebTestApp.ReadAsync<CreatedAccessToken>(await CreateTokenAsync(app, browser, user, "dashboard", scope: null));
        using var reader = app.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);

        var read = await reader.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct);
        var write = await reader.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow())), Ct);
        var delete = await reader.DeleteAsync($"/api/v1/tokens/{created.Id}", Ct);

        Assert.Equal(AccessTokenScope.ReadOnly, created.Scope);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var refused in new[] { write, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("This token is read-only.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var cases = await writer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/cases", WebTestApp.Json, Ct);
        Assert.Equal(1, cases.GetProperty("totalCount").GetInt32());
        var tokens = await browser.GetFromJsonAsync<List<AccessTokenView>>("/api/v1/tokens", WebTestApp.Json, Ct) ?? [];
        Assert.Null(Assert.Single(tokens, t => t.Id == created.Id).RevokedAtUtc);
    }

    private static Task<HttpResponseMessage> CreateTokenAsync(WebTestApp app, HttpClient browser, TestUser user, string name, string? scope = "ReadWrite")
    {
        // Each authenticator code is accepted once: the next token waits for the next code.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        object body = scope is null
            ? new { name, currentPassword = WebTestApp.Password, authenticatorCode = app.CurrentCode(user) }
            : new { name, scope, currentPassword = WebTestApp.Password, authenticatorCode = app.CurrentCode(user) };
        return browser.PostAsync("/api/v1/tokens", WebTestApp.Body(body), Ct);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_revokes_its_tokens_and_refuses_its_sign_in()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var session = app.BrowserClient();
        await app.SignInAsync(session, user);
        var (api, _) = await app.TokenClientAsync(user);
        var (adminApi, _) = await app.TokenClientAsync(admin);

        Assert.Equal(HttpStatusCode.NoContent, (await adminApi.PostAsync($"/api/v1/staff/{user.Id}/disable", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases", Ct)).StatusCode);
        var again = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), user.Email, WebTestApp.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("is not right, or the account is locked", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account_and_only_administrators_may_disable()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var (adminApi, _) = await app.TokenClientAsync(admin);
        var (supervisorApi, _) = await app.TokenClientAsync(supervisor);

        var self = await adminApi.PostAsync($"/api/v1/staff/{admin.Id}/disable", null, Ct);
        var bySupervisor = await supervisorApi.PostAsync($"/api/v1/staff/{admin.Id}/disable", null, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("cannot disable your own account", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminApi.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_account_created_with_someone_elses_password_reaches_only_the_password_page_until_it_is_changed()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var (adminApi, _) = await app.TokenClientAsync(admin);
        const string handedOver = "one-time-password-from-admin";
        var created = await adminApi.PostAsync("/api/v1/staff", WebTestApp.Body(new { email = "new.caseworker@helpline.example", displayName = "New Caseworker", role = StaffRoles.Caseworker, timeZoneId = "UTC", password = handedOver }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var client = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(client, "new.caseworker@helpline.example", handedOver);
        var enrol = WebUtility.HtmlDecode(await (await client.GetAsync("/Account/Enrol", Ct)).Content.ReadAsStringAsync(Ct));
        var secret = System.Text.RegularExpressions.Regex.Match(enrol, "secret=([A-Z2-7]+)").Groups[1].Value;
        await WebTestApp.PostFormAsync(client, "/Account/Enrol", new Dictionary<string, string> { ["Code"] = Infrastructure.Identity.Totp.Code(secret, Infrastructure.Identity.Totp.TimeStepAt(app.Time.GetUtcNow())) });

        var board = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.Equal("/Account/Password", board.Headers.Location?.OriginalString);
        var api = await client.GetAsync("/api/v1/cases", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Change your one-time password first.", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var changed = await WebTestApp.PostFormAsync(client, "/Account/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = handedOver,
            ["Input.NewPassword"] = "my own quiet harbour phrase",
            ["Input.ConfirmPassword"] = "my own quiet harbour phrase",
        });

        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_case_is_assigned_only_to_active_staff()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var leaver = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (adminApi, _) = await app.TokenClientAsync(admin);
        var (api, _) = await app.TokenClientAsync(supervisor);
        Assert.Equal(HttpStatusCode.NoContent, (await adminApi.PostAsync($"/api/v1/staff/{leaver.Id}/disable", null, Ct)).StatusCode);

        var toNobody = await api.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow()) with { AssignedStaffId = "no-such-staff" }), Ct);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var toLeaver = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/assignment", WebTestApp.Body(new { staffId = leaver.Id }), Ct);
        var toColleague = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/assignment", WebTestApp.Body(new { staffId = admin.Id }), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, toNobody.StatusCode);
        Assert.Contains("does not exist or their account is disabled", await toNobody.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toLeaver.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, toColleague.StatusCode);
    }
}
