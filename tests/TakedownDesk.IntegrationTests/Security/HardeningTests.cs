using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14, the smaller items: unknown handlers, TRACE, HSTS, and return addresses that stay on the desk.</summary>
public sealed partial class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_page_handler_answers_404_and_TRACE_is_refused()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var unknown = await WebTestApp.PostFormAsync(client, "/Cases/New", new Dictionary<string, string>(), handler: "NoSuchHandler");
        using var trace = new HttpRequestMessage(HttpMethod.Trace, "/");
        var traced = await client.SendAsync(trace, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, traced.StatusCode);
    }

    [Fact]
    public async Task Over_https_every_response_carries_hsts()
    {
        await using var app = new WebTestApp();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/SignIn", Ct);

        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_enrolment_continue_link_goes_only_to_a_page_of_the_desk()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker, enrolled: false);
        var client = app.BrowserClient();
        await WebTestApp.PostFormAsync(client, "/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = WebTestApp.Password });
        var page = WebUtility.HtmlDecode(await (await client.GetAsync("/Account/Enrol?ReturnUrl=https%3A%2F%2Fevil.example%2F", Ct)).Content.ReadAsStringAsync(Ct));
        var secret = Regex.Match(page, "secret=([A-Z2-7]+)").Groups[1].Value;

        var enrolled = await WebTestApp.PostFormAsync(client, "/Account/Enrol?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(secret, Totp.TimeStepAt(app.Time.GetUtcNow())),
            ["ReturnUrl"] = "https://evil.example/",
        });

        var html = await enrolled.Content.ReadAsStringAsync(Ct);
        Assert.Contains("recovery-codes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", ContinueLink().Match(html).Value, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", ContinueLink().Match(html).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_with_bidi_or_control_characters_and_targets_or_display_names_with_line_breaks_are_refused_naming_the_field()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var (api, _) = await app.TokenClientAsync(admin);

        var reversed = await api.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = "Client\u202Egnp.exe" }), Ct);
        var twoLines = await api.PostAsync("/api/v1/staff", WebTestApp.Body(new { email = "x@helpline.example", displayName = "Sam\r\nBcc: all@example.org", role = StaffRoles.Caseworker, timeZoneId = "UTC", password = "a long enough passphrase" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("invisible or control characters", await reversed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("pseudonym", (await reversed.Content.ReadAsStringAsync(Ct)).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoLines.StatusCode);
        Assert.Contains("displayName", await twoLines.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_release_that_discloses_an_undefined_detail_is_refused_naming_the_field_and_nothing_is_opened()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Samples.OpenCase(app.Time.GetUtcNow()), WebTestApp.Json)!;
        body["release"]!["disclosable"] = new System.Text.Json.Nodes.JsonArray("LegalName", "Tattoos");

        var refused = await api.PostAsync("/api/v1/cases", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("disclosable", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("any of: LegalName, Email, Phone, PostalAddress, Signature.", problem, StringComparison.Ordinal);
        var cases = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/cases", WebTestApp.Json, Ct);
        Assert.Equal(0, cases.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_replayed_request_is_checked_again_and_a_caseworker_who_lost_the_case_gets_404()
    {
        await using var app = new WebTestApp();
        var first = await app.CreateUserAsync(StaffRoles.Caseworker);
        var second = await app.CreateUserAsync(StaffRoles.Caseworker);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var (api, _) = await app.TokenClientAsync(first);
        var (supervisorApi, _) = await app.TokenClientAsync(supervisor);
        var body = System.Text.Json.JsonSerializer.Serialize(Samples.OpenCase(app.Time.GetUtcNow()), WebTestApp.Json);
        HttpRequestMessage Open()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "open-once");
            return request;
        }

        var opened = await api.SendAsync(Open(), Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = System.Text.Json.JsonDocument.Parse(await opened.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var replayed = await api.SendAsync(Open(), Ct);
        Assert.Equal((HttpStatusCode.Created, "true"), (replayed.StatusCode, string.Join(",", replayed.Headers.GetValues("Idempotent-Replayed"))));

        Assert.Equal(HttpStatusCode.NoContent, (await supervisorApi.PostAsync($"/api/v1/cases/{caseId}/assignment", WebTestApp.Body(new { staffId = second.Id }), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisorApi.DeleteAsync($"/api/v1/cases/{caseId}/coworkers/{first.Id}", Ct)).StatusCode);
        var afterHandover = await api.SendAsync(Open(), Ct);

        Assert.Equal(HttpStatusCode.NotFound, afterHandover.StatusCode);
        Assert.DoesNotContain(caseId.ToString(), await afterHandover.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<a class=\"button\" href=\"[^\"]*\">Continue to TakedownDesk</a>")]
    private static partial Regex ContinueLink();
}
