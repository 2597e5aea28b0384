using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Documents;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>A hub's policy clause kept in the directory travels through its export, its process, the model report form and the letter.</summary>
public sealed class PolicyClauseTests
{
    private const string Clause = "Terms 4.2: \"Do not upload models of real people without their consent.\" (read on the hub's terms page)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_policy_clause_saved_on_an_entry_is_exported_offered_in_a_model_report_and_quoted_in_its_pdf()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(caseworker);
        var administrator = await app.CreateUserAsync(StaffRoles.Administrator);
        var (admin, _) = await app.TokenClientAsync(administrator);
        var opened = await ApiFlows.OpenCaseAsync(api, now);
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var platformId = location.PlatformId!.Value;

        var view = await WebTestApp.ReadAsync<PlatformView>(await admin.GetAsync($"/api/v1/platforms/{platformId}", Ct));
        var saved = await admin.PutAsync($"/api/v1/platforms/{platformId}", WebTestApp.Body(new { entry = view.Entry with { PolicyClause = Clause }, expectedConcurrencyStamp = view.ConcurrencyStamp }), Ct);
        var tooLong = await admin.PutAsync($"/api/v1/platforms/{platformId}", WebTestApp.Body(new { entry = view.Entry with { PolicyClause = new string('x', 1001) } }), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var exported = await admin.GetStringAsync("/api/v1/platforms/export", Ct);
        var process = await WebTestApp.ReadAsync<PlatformProcess>(await api.GetAsync($"/api/v1/platforms/{platformId}/process", Ct));
        Assert.Contains("\"policyClause\"", exported, StringComparison.Ordinal);
        Assert.Equal(Clause, process.PolicyClause);
        using var adminBrowser = app.BrowserClient();
        await app.SignInAsync(adminBrowser, administrator);
        Assert.Contains(Clause + "</textarea>", WebUtility.HtmlDecode(await adminBrowser.GetStringAsync($"/Admin/Platforms/Edit/{platformId}", Ct)), StringComparison.Ordinal);
        Assert.Contains(Clause, WebUtility.HtmlDecode(await adminBrowser.GetStringAsync($"/Platforms/{platformId}", Ct)), StringComparison.Ordinal);

        // The model report's form offers the clause until one is saved; a removal request's form has no such field.
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, platformId, RequestKind.ModelLikenessReport, [location.LocationId])), Ct));
        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, caseworker);
        var form = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Requests/{drafted.RequestId}", Ct));
        Assert.Contains(Clause + "</textarea>", form, StringComparison.Ordinal);

        var elements = Samples.Complete(drafted.RequestId, now, RequestKind.ModelLikenessReport);
        elements = elements with { ModelReport = elements.ModelReport! with { PolicyClause = process.PolicyClause } };
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(elements), Ct)).StatusCode);
        var notice = await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/notices", null, Ct);
        Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
        var pdf = await (await api.GetAsync(notice.Headers.Location, Ct)).Content.ReadAsByteArrayAsync(Ct);
        Assert.Contains(PdfText.Squeezed([Clause]), PdfText.Squeezed(PdfText.Pages(pdf)), StringComparison.Ordinal);
    }
}
