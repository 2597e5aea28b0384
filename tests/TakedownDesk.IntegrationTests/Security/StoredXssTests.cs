using System.Net;
using System.Text.RegularExpressions;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Hostile text typed through the API into every free-text field comes back HTML-encoded on every page that shows it.
/// The rendered notice HTML and PDF text are covered field by field in Documents/HostileDataTests.
/// </summary>
public sealed partial class StoredXssTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";
    private const string Js = "javascript:alert(1)";
    private const string Liquid = "{{7*7}}";
    private const string All = Script + Img + Js + Liquid;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payloads_in_every_typed_field_are_encoded_on_every_page_that_shows_them()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var urls = $"""
            https://x.com/someone/status/1234567890/{Uri.EscapeDataString(Script)}
            https://x.com/a/status/1?q="><img src=x onerror=alert(1)>
            {Js}
            """;
        var sample = Samples.OpenCase(now, urls);
        var command = sample with
        {
            Pseudonym = "P" + Script + Liquid,
            LegalName = All,
            Notes = All,
            ContactChannels = [new ContactChannelInput(Domain.Victims.ContactChannelKind.Email, "x@example.org", true, All)],
            Release = sample.Release with { SignedBy = All },
            Incident = new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-1), All),
        };
        var opened = await WebTestApp.ReadAsync<OpenCaseResult>(await api.PostAsync("/api/v1/cases", WebTestApp.Body(command), Ct));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/cases/{opened.CaseId}/incidents", WebTestApp.Body(new IncidentInput(IncidentKind.DigitalForgery, now, All)), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/cases/{opened.CaseId}/locations", WebTestApp.Body(new { pastedUrls = urls, newDepictionLabel = All }), Ct)).StatusCode);
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/cases/{opened.CaseId}/locations/{location.Id}/status", WebTestApp.Body(new { status = LocationStatus.Live, reason = All }), Ct)).StatusCode);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));
        var elements = await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(new
        {
            signature = new SignatureInput(All, RequesterCapacity.AuthorizedPerson, All, now),
            goodFaithStatement = All,
            supportingFacts = All,
            contact = new ContactInput(All, All, "advocate@helpline.example", "+1 555 0100", All),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, elements.StatusCode);

        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);
        var shown = await AssertNoLiveMarkupAsync(browser, ["/", "/Cases", $"/Cases/{opened.CaseId}", $"/Requests/{drafted.RequestId}", "/Platforms"]);

        Assert.True(shown >= 2, "the payloads should be shown (encoded) on the case and request pages");
    }

    [Fact]
    public async Task Payloads_in_every_platform_directory_field_are_encoded_on_the_directory_edit_case_and_request_pages()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var administrator = await app.CreateUserAsync(StaffRoles.Administrator);
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (adminApi, _) = await app.TokenClientAsync(administrator);
        var (api, _) = await app.TokenClientAsync(caseworker);
        var entry = new PlatformEntry(
            "xss-platform",
            "Platform" + All,
            PlatformKind.Platform,
            ["xss-platform.example"],
            Coverage.Covered,
            All,
            [new ChannelEntry(ChannelKind.Email, "takedown@xss-platform.example", All, true), new ChannelEntry(ChannelKind.Other, All, All, true)],
            [All],
            All,
            All,
            Verification.Unverified,
            All,
            null,
            Warnings: [All]);
        var created = await adminApi.PostAsync("/api/v1/platforms", WebTestApp.Body(new { entry }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var platformId = (await WebTestApp.ReadAsync<Web.Api.Cases.CreatedId>(created)).Id;
        var opened = await WebTestApp.ReadAsync<OpenCaseResult>(await api.PostAsync(
            "/api/v1/cases", WebTestApp.Body(Samples.OpenCase(now, "https://xss-platform.example/p/1")), Ct));
        var location = Assert.Single(opened.Locations.Accepted);
        Assert.Equal(platformId, location.PlatformId);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, platformId, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));

        using var caseworkerBrowser = app.BrowserClient();
        await app.SignInAsync(caseworkerBrowser, caseworker);
        using var adminBrowser = app.BrowserClient();
        await app.SignInAsync(adminBrowser, administrator);
        var shown = await AssertNoLiveMarkupAsync(caseworkerBrowser, ["/Platforms", $"/Platforms/{platformId}", $"/Cases/{opened.CaseId}", $"/Requests/{drafted.RequestId}"])
                    + await AssertNoLiveMarkupAsync(adminBrowser, ["/Platforms", $"/Admin/Platforms/Edit/{platformId}"]);

        Assert.True(shown >= 3, "the payloads should be shown (encoded) in the directory, on the request page and in the edit form");
    }

    /// <summary>Fetches each page (200), fails on any live payload markup, and counts the pages that show the payload encoded.</summary>
    private static async Task<int> AssertNoLiveMarkupAsync(HttpClient browser, string[] pages)
    {
        var failures = new List<string>();
        var shown = 0;
        foreach (var path in pages)
        {
            var response = await browser.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            foreach (var live in LiveMarkup().Matches(QuotedValue().Replace(html, "\"\"")).Where(m => !m.Value.Contains("nonce=", StringComparison.Ordinal) || m.Value.Contains("alert", StringComparison.Ordinal)))
            {
                failures.Add($"{path} contains live markup {live.Value}");
            }

            shown += html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return shown;
    }

    /// <summary>A tag carrying the payload, an event-handler attribute, a javascript: link, or the template expression evaluated.</summary>
    [GeneratedRegex(@"<script>alert|<img\s+src=x|<[a-z][^<>]*\son[a-z]+\s*=|(?:href|src|action|formaction)\s*=\s*[""']?\s*javascript:|>\s*49\s*<", RegexOptions.IgnoreCase)]
    private static partial Regex LiveMarkup();

    /// <summary>Double-quoted attribute values: Razor encodes a quote inside them, so a payload that broke out would leave the value and still be seen.</summary>
    [GeneratedRegex("\"[^\"<>]*\"")]
    private static partial Regex QuotedValue();
}
