using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Issue #14, passkeys: the server side of both ceremonies without a browser (the journey with Chromium's virtual
/// authenticator is in the browser tests). Forged answers count like wrong codes; adding one needs the password and a fresh code.
/// </summary>
public sealed class PasskeyTests
{
    private const string ForgedAssertion =
        """{"id":"AAECAwQ","rawId":"AAECAwQ","type":"public-key","response":{"authenticatorData":"AAAA","clientDataJSON":"e30","signature":"AAAA"},"clientExtensionResults":{}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forged_passkey_answer_counts_as_a_failed_attempt_and_leaves_the_code_step_working()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);

        var token = await VerifyPageTokenAsync(client);
        var options = await PostVerifyAsync(client, token, "PasskeyOptions", []);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.True(JsonDocument.Parse(await options.Content.ReadAsStringAsync(Ct)).RootElement.TryGetProperty("challenge", out _));

        // As the page's script does: the answer follows the options without a page load between them.
        var forged = await PostVerifyAsync(client, token, "Passkey", new() { ["PasskeyCredential"] = ForgedAssertion });

        Assert.Contains("That passkey was not accepted", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await app.AccessFailedCountAsync(user));
        var code = await WebTestApp.PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["Code"] = app.CurrentCode(user) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Five_forged_or_malformed_passkey_answers_lock_the_account()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(client, user.Email, WebTestApp.Password);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var token = await VerifyPageTokenAsync(client);
            await PostVerifyAsync(client, token, "PasskeyOptions", []);
            await PostVerifyAsync(client, token, "Passkey", new() { ["PasskeyCredential"] = attempt % 2 == 0 ? ForgedAssertion : "not json" });
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        var code = await WebTestApp.PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["Code"] = app.CurrentCode(user) });
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
    }

    [Fact]
    public async Task The_passkey_step_needs_the_password_step_first()
    {
        await using var app = new WebTestApp();
        await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();

        var options = await WebTestApp.PostFormAsync(client, "/Account/SignIn", new Dictionary<string, string>(), handler: "PasskeyOptions", postTo: "/Account/Verify");
        var answer = await WebTestApp.PostFormAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["PasskeyCredential"] = ForgedAssertion }, handler: "Passkey", postTo: "/Account/Verify");

        Assert.Equal(HttpStatusCode.Unauthorized, options.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/Account/SignIn", answer.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_passkey_asks_for_the_password_and_a_fresh_code_and_counts_a_wrong_one()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        // The code that signed in is spent.
        var spent = await CreationOptionsAsync(client, "Office key", WebTestApp.Password, app.CurrentCode(user));
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        Assert.Equal("application/problem+json", spent.Content.Headers.ContentType?.MediaType);
        Assert.Contains("password or the code was not accepted", await spent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await app.AccessFailedCountAsync(user));

        // A name that would read as something else is refused before the password is checked, and counts nothing.
        app.Time.Advance(TimeSpan.FromSeconds(31));
        var disguised = await CreationOptionsAsync(client, "Office\u202Eyek", WebTestApp.Password, app.CurrentCode(user));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains(TextRules.NotPlainName, await disguised.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await app.AccessFailedCountAsync(user));

        var confirmed = await CreationOptionsAsync(client, "Office key", WebTestApp.Password, app.CurrentCode(user));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var creation = JsonDocument.Parse(await confirmed.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("localhost", creation.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(user.Email, creation.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(0, await app.AccessFailedCountAsync(user));

        // An answer the browser did not make for that challenge keeps nothing.
        var forged = await WebTestApp.PostFormAsync(client, "/Account/Passkeys", new Dictionary<string, string> { ["Name"] = "Office key", ["Credential"] = ForgedAssertion });
        Assert.Contains("The passkey was not created", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await PasskeyCountAsync(app, user));
    }

    [Fact]
    public async Task Removing_an_unknown_passkey_answers_404()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var unknown = await WebTestApp.PostFormAsync(client, "/Account/Passkeys", new Dictionary<string, string> { ["id"] = "AAECAwQ" }, handler: "Remove");
        var malformed = await WebTestApp.PostFormAsync(client, "/Account/Passkeys", new Dictionary<string, string> { ["id"] = "%%%" }, handler: "Remove");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    private static async Task<string> VerifyPageTokenAsync(HttpClient client) =>
        SecurityKit.AntiforgeryToken(await client.GetStringAsync("/Account/Verify", Ct));

    private static Task<HttpResponseMessage> PostVerifyAsync(HttpClient client, string token, string handler, Dictionary<string, string> fields) =>
        client.PostAsync($"/Account/Verify?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }), Ct);

    private static Task<HttpResponseMessage> CreationOptionsAsync(HttpClient client, string name, string password, string code) =>
        WebTestApp.PostFormAsync(
            client,
            "/Account/Passkeys",
            new Dictionary<string, string> { ["Name"] = name, ["CurrentPassword"] = password, ["AuthenticatorCode"] = code },
            handler: "CreationOptions");

    private static async Task<int> PasskeyCountAsync(WebTestApp app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.GetPasskeysAsync((await users.FindByIdAsync(user.Id))!)).Count;
    }
}
