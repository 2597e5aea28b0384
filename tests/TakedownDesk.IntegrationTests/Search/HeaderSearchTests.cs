using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Search;

/// <summary>Issue #13: the header's search, case-insensitive, over references, pseudonyms and URLs (by the keyed index), within the cases one may see.</summary>
public sealed class HeaderSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_finds_a_case_by_any_part_of_its_reference_or_pseudonym_in_any_case_a_request_by_its_reference_and_a_location_by_its_url()
    {
        await using var app = new WebTestApp();
        var owner = await app.CreateUserAsync(StaffRoles.Caseworker, email: "owner@helpline.example");
        var (api, _) = await app.TokenClientAsync(owner);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, owner);

        var byReference = await SearchAsync(browser, opened.Reference[^6..].ToLowerInvariant());
        var byPseudonym = await SearchAsync(browser, Samples.Pseudonym.ToUpperInvariant()[..5]);
        var byRequest = await SearchAsync(browser, drafted.Reference.ToLowerInvariant());
        var byUrl = await SearchAsync(browser, ApiFlows.Urls.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]);

        Assert.Contains($"/Cases/{opened.CaseId}", byReference, StringComparison.Ordinal);
        Assert.Contains("Case reference", byReference, StringComparison.Ordinal);
        Assert.Contains("Pseudonym</td>", byPseudonym, StringComparison.Ordinal);
        Assert.Contains($"/Requests/{drafted.RequestId}", byRequest, StringComparison.Ordinal);
        Assert.Contains("Request reference", byRequest, StringComparison.Ordinal);
        Assert.Contains("A location&#x27;s URL", byUrl, StringComparison.Ordinal);
        Assert.Contains($"/Cases/{opened.CaseId}", byUrl, StringComparison.Ordinal);
        Assert.Contains("Nothing found", await SearchAsync(browser, "https://elsewhere.example/not-recorded"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_caseworker_finds_nothing_of_a_case_that_is_not_theirs_and_one_letter_asks_for_more()
    {
        await using var app = new WebTestApp();
        var owner = await app.CreateUserAsync(StaffRoles.Caseworker, email: "owner@helpline.example");
        var (api, _) = await app.TokenClientAsync(owner);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var other = await app.CreateUserAsync(StaffRoles.Caseworker, email: "other@helpline.example");
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, other);

        var byReference = await SearchAsync(browser, opened.Reference);
        var byPseudonym = await SearchAsync(browser, Samples.Pseudonym);
        var tooShort = await SearchAsync(browser, "R");

        Assert.Contains("Nothing found", byReference, StringComparison.Ordinal);
        Assert.Contains("Nothing found", byPseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.CaseId.ToString(), byPseudonym, StringComparison.Ordinal);
        Assert.Contains("Type at least 2 characters to search.", tooShort, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_search_is_a_post_so_no_searched_url_lands_in_an_address()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var board = await browser.GetStringAsync("/", Ct);

        Assert.Matches("<form method=\"post\" role=\"search\" class=\"site-search\" action=\"/Search\">", board);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Search", Ct)).StatusCode);
    }

    private static async Task<string> SearchAsync(HttpClient browser, string text)
    {
        var response = await WebTestApp.PostFormAsync(browser, "/Search", new Dictionary<string, string> { ["Text"] = text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
