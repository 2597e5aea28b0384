using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.LocationChecks;

/// <summary>The switch through the API and the case page: default on, off and on again, and a body without a value is a problem document.</summary>
public sealed class LocationCheckApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_switch_checks_off_and_on_and_a_body_without_on_is_refused_as_a_problem()
    {
        await using var app = new WebTestApp();
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(caseworker);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var path = $"/api/v1/cases/{opened.CaseId}/location-checks";
        Assert.True((await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}", WebTestApp.Json, Ct))!.LocationChecksOn);

        var empty = await api.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("On", out _));
        Assert.True((await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}", WebTestApp.Json, Ct))!.LocationChecksOn);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync(path, WebTestApp.Body(new { on = false }), Ct)).StatusCode);
        Assert.False((await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}", WebTestApp.Json, Ct))!.LocationChecksOn);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync(path, WebTestApp.Body(new { on = true }), Ct)).StatusCode);
        var detail = (await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}", WebTestApp.Json, Ct))!;
        Assert.True(detail.LocationChecksOn);
        Assert.Contains(detail.Timeline, t => t.Kind == "LocationChecksOff");
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/location-checks", WebTestApp.Body(new { on = false }), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_case_page_shows_the_switch_and_turns_checks_off()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var page = await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains("Switch automatic checks off", page, StringComparison.Ordinal);
        Assert.Contains("Not checked yet", page, StringComparison.Ordinal);

        var off = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string> { ["on"] = "false" }, handler: "LocationChecks");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Automatic checks are off for this case", await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct), StringComparison.Ordinal);
        Assert.False((await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct))).LocationChecksOn);
    }
}
