using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.IntegrationTests.Documents;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The prevention plan on the case page and through the API: a source added, its status changed, the guidance downloaded as a PDF.</summary>
public sealed class PreventionPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_profile_is_added_and_made_private_on_the_case_page_and_a_bad_address_keeps_the_form_with_its_error()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var refused = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string>
        {
            ["PhotoSource.Platform"] = "Typed platform",
            ["PhotoSource.Url"] = "not an address",
        }, handler: "PhotoSource");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Give the profile's web address", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed platform\"", html, StringComparison.Ordinal);

        var added = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string>
        {
            ["PhotoSource.Platform"] = "Instagram",
            ["PhotoSource.Url"] = "https://www.instagram.com/page-test-profile",
        }, handler: "PhotoSource");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var plan = await WebTestApp.ReadAsync<PreventionPlan>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}/prevention", Ct));
        var source = Assert.Single(plan.Sources);

        var changed = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string>
        {
            ["sourceId"] = source.Id.ToString(),
            ["status"] = nameof(PhotoSourceStatus.MadePrivate),
        }, handler: "PhotoSourceStatus");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains("https://www.instagram.com/page-test-profile", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{nameof(PhotoSourceStatus.MadePrivate)}\" selected=\"selected\">Made private</option>", page, StringComparison.Ordinal);

        var pdf = await client.GetAsync($"/Cases/{opened.CaseId}?handler=Guidance&language=es", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Ahora es privado", string.Join(' ', PdfText.Pages(await pdf.Content.ReadAsByteArrayAsync(Ct))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hash_matching_case_number_is_kept_from_the_case_page_and_one_with_a_pin_beside_it_is_refused_beside_its_field()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var fields = new Dictionary<string, string>
        {
            ["HashMatching.Service"] = nameof(HashMatchingService.StopNcii),
            ["HashMatching.CaseNumber"] = "SN-88341 PIN 4471",
            ["HashMatching.ConsentGivenBy"] = "the person herself",
            ["HashMatching.ConsentGivenAt"] = "2026-11-20T08:00",
            ["HashMatching.ConsentMethod"] = nameof(ConsentMethod.InWriting),
        };

        var refused = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", fields, handler: "HashMatching");
        fields["HashMatching.CaseNumber"] = "SN-88341";
        var kept = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", fields, handler: "HashMatching");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Never the PIN: it stays with the person.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var page = await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains("<td>SN-88341</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PIN 4471", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_creates_a_source_with_201_changes_its_status_and_serves_the_guidance_pdf()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());

        var created = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/prevention/sources", WebTestApp.Body(new { platform = "Old blog", url = "https://blog.example/api-test" }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/cases/{opened.CaseId}/prevention", created.Headers.Location?.OriginalString);
        var id = (await WebTestApp.ReadAsync<Web.Api.Cases.CreatedId>(created)).Id;
        var status = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/prevention/sources/{id}/status", WebTestApp.Body(new { status = "Removed" }), Ct);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);

        var guidance = await api.GetAsync($"/api/v1/cases/{opened.CaseId}/prevention/guidance", Ct);
        Assert.Equal("application/pdf", guidance.Content.Headers.ContentType?.MediaType);
        var text = string.Join(' ', PdfText.Pages(await guidance.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Contains("Keeping your photos safer online", text, StringComparison.Ordinal);
        Assert.Contains("Removed", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/cases/{opened.CaseId}/prevention/guidance?language=de", Ct)).StatusCode);
    }
}
