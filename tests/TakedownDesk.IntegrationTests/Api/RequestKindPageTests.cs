using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>A non-statutory request through the API and the staff pages: its own fields, a follow-up date, never a statutory clock.</summary>
public sealed class RequestKindPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_delisting_request_page_shows_a_follow_up_date_no_deadline_and_every_document_version_to_download()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var requestId = await DraftAsync(api, app, RequestKind.SearchDelisting, Samples.FieldsOf(RequestKind.SearchDelisting));
        await api.PostAsync($"/api/v1/requests/{requestId}/elements", WebTestApp.Body(Samples.Complete(requestId, app.Time.GetUtcNow(), RequestKind.SearchDelisting)), Ct);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(
            $"/api/v1/requests/{requestId}/submission", WebTestApp.Body(new { Channel = ChannelKind.WebForm, WhyDesignated = "The engine's published removal form" }), Ct)).StatusCode);
        var notice = await WebTestApp.ReadAsync<GeneratedNotice>(await api.PostAsync($"/api/v1/requests/{requestId}/notices", null, Ct));

        var view = await WebTestApp.ReadAsync<RemovalRequestView>(await api.GetAsync($"/api/v1/requests/{requestId}", Ct));
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Requests/{requestId}", Ct));
        var board = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
        var download = await client.GetAsync($"/api/v1/documents/{notice.DocumentId}/pdf", Ct);

        Assert.Null(view.DeadlineAtUtc);
        Assert.Equal(view.Submission!.SubmittedAtUtc.AddDays(7), view.FollowUpOnUtc);
        Assert.Equal([Samples.SearchQuery, "sample person deepfake"], view.SearchDelisting!.SearchQueries);
        var followUp = new Web.Pages.StaffTime(TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Format(view.FollowUpOnUtc!.Value);
        Assert.Contains("id=\"follow-up\"", page, StringComparison.Ordinal);
        Assert.Contains(followUp, page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadline\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Statutory deadline", page, StringComparison.Ordinal);
        Assert.DoesNotContain("48 hours", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48-hour", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Section 3", page, StringComparison.Ordinal);
        Assert.Contains("Search delisting request", page, StringComparison.Ordinal);

        Assert.Contains($"href=\"/api/v1/documents/{notice.DocumentId}/pdf\"", page, StringComparison.Ordinal);
        Assert.Contains(notice.PdfSha256, page, StringComparison.Ordinal);
        Assert.Contains(notice.TemplateSha256, page, StringComparison.Ordinal);
        Assert.Contains("Removal notice", page, StringComparison.Ordinal);
        Assert.Contains("caseworker tester", page, StringComparison.Ordinal);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        Assert.Contains("id=\"follow-ups\"", board, StringComparison.Ordinal);
        Assert.Contains(view.Reference, board, StringComparison.Ordinal);
        Assert.Contains(followUp, board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_page_form_shows_only_its_kinds_fields_and_says_what_is_wrong_readably()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var requestId = await DraftAsync(api, app, RequestKind.ModelLikenessReport, KindFields.None);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var path = $"/Requests/{requestId}";

        var form = await client.GetStringAsync(path, Ct);
        var refused = await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Elements.ModelReportModelName"] = "Person LoRA",
            ["Elements.ModelReportRelatedRemovalRequestReference"] = "not a reference!",
        }, handler: "Elements");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Contains("name=\"Elements.ModelReportPolicyClause\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Elements.SearchDelistingSearchQueries\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Elements.GoodFaithStatement\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("48-hour", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Elements.ModelReportRelatedRemovalRequestReference\"[^>]*>A request reference holds letters, digits and hyphens only", html);
        Assert.Contains("value=\"Person LoRA\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_kind_fields_are_problem_details_naming_the_field()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var requestId = await DraftAsync(api, app, RequestKind.ModelLikenessReport, KindFields.None);
        var elements = Samples.Complete(requestId, app.Time.GetUtcNow(), RequestKind.ModelLikenessReport);

        var tooLong = await api.PostAsync(
            $"/api/v1/requests/{requestId}/elements", WebTestApp.Body(elements with { ModelReport = elements.ModelReport! with { ModelName = new string('m', 301) } }), Ct);
        var foreign = await api.PostAsync(
            $"/api/v1/requests/{requestId}/elements", WebTestApp.Body(elements with { SearchDelisting = new SearchDelistingDetails(["her name"]) }), Ct);
        var accepted = await WebTestApp.ReadAsync<ValidityCheck>(await api.PostAsync($"/api/v1/requests/{requestId}/elements", WebTestApp.Body(elements), Ct));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ModelReport.ModelName", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        var rule = await foreign.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("EachKindTakesOnlyItsOwnFields", rule.GetProperty("rule").GetString());
        Assert.Contains("SearchDelisting", rule.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(accepted.IsComplete);
        Assert.Equal(RequestKind.ModelLikenessReport, accepted.Kind);
    }

    private static async Task<Guid> DraftAsync(HttpClient api, WebTestApp app, RequestKind kind, KindFields fields)
    {
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, kind, [location.LocationId], fields.ModelReport, fields.SearchDelisting, fields.TrainingOptOut, fields.FaceSearchOptOut)), Ct));
        return drafted.RequestId;
    }
}
