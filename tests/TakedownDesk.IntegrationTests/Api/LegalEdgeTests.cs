using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The clock's edges as staff and API clients see them: excluded platforms, requests without a deadline, receipts before the draft.</summary>
public sealed class LegalEdgeTests
{
    private const string OutsideCoverage = "is outside the TAKE IT DOWN Act's coverage: no 48-hour removal duty applies";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_the_api_say_an_excluded_platform_is_outside_coverage_and_offer_no_clock()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ExcludedPlatformSlices.ExcludeXAsync(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
        }

        var requestId = await ReadyRequestOnXAsync(app, api);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var draftPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Requests/{requestId}", Ct));
        var draftView = await ViewAsync(api, requestId);
        var submitted = await api.PostAsync($"/api/v1/requests/{requestId}/submission", WebTestApp.Body(Samples.Submit(requestId)), Ct);
        var submittedPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Requests/{requestId}", Ct));
        var submittedView = await ViewAsync(api, requestId);

        Assert.Contains(draftView.GetProperty("platformName").GetString() + " " + OutsideCoverage, draftPage, StringComparison.Ordinal);
        Assert.Contains(StatutoryDeadline.OutsideCoverageNote, draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain("48-hour clock", draftPage, StringComparison.Ordinal);
        Assert.Contains("Record submission (schedules the follow-up reminders)", draftPage, StringComparison.Ordinal);
        Assert.Equal("Excluded", draftView.GetProperty("platformCoverage").GetString());
        Assert.Equal(StatutoryDeadline.OutsideCoverageNote, draftView.GetProperty("deadlineNote").GetString());

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(JsonValueKind.Null, submittedView.GetProperty("deadlineAt").ValueKind);
        Assert.Equal(StatutoryDeadline.OutsideCoverageNote, submittedView.GetProperty("deadlineNote").GetString());
        Assert.Contains(OutsideCoverage, submittedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadline\"", submittedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("48 hours is the latest", submittedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"follow-up\"", submittedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_request_with_a_deadline_is_told_48_hours_is_the_latest()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var requestId = await ReadyRequestOnXAsync(app, api);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var draft = await ViewAsync(api, requestId);
        var draftPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Requests/{requestId}", Ct));
        await api.PostAsync($"/api/v1/requests/{requestId}/submission", WebTestApp.Body(Samples.Submit(requestId)), Ct);
        var submitted = await ViewAsync(api, requestId);

        Assert.Equal(JsonValueKind.Null, draft.GetProperty("deadlineAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("deadlineNote").ValueKind);
        Assert.DoesNotContain("48 hours is the latest", draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideCoverage, draftPage, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, submitted.GetProperty("deadlineAt").ValueKind);
        Assert.Equal(StatutoryDeadline.AsSoonAsPossibleNote, submitted.GetProperty("deadlineNote").GetString());
    }

    [Fact]
    public async Task A_receipt_before_the_request_was_drafted_is_refused_through_the_api_and_the_page()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var requestId = await ReadyRequestOnXAsync(app, api);
        var draftedAt = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromHours(3));
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTimeFromUtc(at.UtcDateTime, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var apiEarly = await api.PostAsync(
            $"/api/v1/requests/{requestId}/submission", WebTestApp.Body(Samples.Submit(requestId) with { RecordedReceiptAt = draftedAt.AddMinutes(-1) }), Ct);
        var formPage = await browser.GetStringAsync($"/Requests/{requestId}", Ct);
        var pageEarly = await WebTestApp.PostFormAsync(browser, $"/Requests/{requestId}", new Dictionary<string, string>
        {
            ["Submission.Channel"] = "0",
            ["Submission.WhyDesignated"] = "The platform's published form",
            ["Submission.SubmittedAt"] = Local(draftedAt.AddMinutes(-30)),
            ["Submission.Confirmed"] = "true",
        }, handler: "Submit");
        var statusAfterRefusals = (await ViewAsync(api, requestId)).GetProperty("status").GetString();
        var accepted = await api.PostAsync(
            $"/api/v1/requests/{requestId}/submission", WebTestApp.Body(Samples.Submit(requestId) with { RecordedReceiptAt = draftedAt.AddHours(1) }), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, apiEarly.StatusCode);
        Assert.Equal("application/problem+json", apiEarly.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await apiEarly.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal("ReceiptCannotPrecedeTheDraft", problem.RootElement.GetProperty("rule").GetString());
        }

        Assert.Contains($"min=\"{Local(draftedAt)}\"", formPage, StringComparison.Ordinal);
        Assert.Contains("before it was drafted here", WebUtility.HtmlDecode(await pageEarly.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal("Ready", statusAfterRefusals);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var deadline = (await ViewAsync(api, requestId)).GetProperty("deadlineAt").GetDateTime().ToUniversalTime();
        Assert.Equal(draftedAt.UtcDateTime.AddHours(49), deadline);
    }

    /// <summary>A complete Sec. 3 request to X for the case's X location, drafted now.</summary>
    private static async Task<Guid> ReadyRequestOnXAsync(WebTestApp app, HttpClient api)
    {
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.Single(a => a.Url.Contains("x.com", StringComparison.Ordinal));
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        var completed = await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())), Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        return drafted.RequestId;
    }

    private static async Task<JsonElement> ViewAsync(HttpClient api, Guid requestId)
    {
        using var view = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/requests/{requestId}", Ct));
        return view.RootElement.Clone();
    }
}
