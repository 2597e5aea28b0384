using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

public sealed class NoticeApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_notice_is_previewed_in_a_sandbox_then_stored_and_downloaded_as_pdf()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted[0];
        var draft = await WebTestApp.ReadAsync<DraftedRequest>(await client.PostAsync(
            "/api/v1/requests",
            WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])),
            Ct));

        var refused = await client.PostAsync($"/api/v1/requests/{draft.RequestId}/notices", null, Ct);
        var preview = await client.GetAsync($"/api/v1/requests/{draft.RequestId}/notice-preview", Ct);
        var elements = Samples.Complete(draft.RequestId, app.Time.GetUtcNow());
        await client.PostAsync($"/api/v1/requests/{draft.RequestId}/elements", WebTestApp.Body(elements), Ct);
        var created = await client.PostAsync($"/api/v1/requests/{draft.RequestId}/notices", null, Ct);
        var notice = await WebTestApp.ReadAsync<GeneratedNotice>(created);
        var pdf = await client.GetAsync(created.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(location.Url, await preview.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(notice.PdfSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

        var (other, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(created.Headers.Location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/requests/{draft.RequestId}/notice-preview", Ct)).StatusCode);
    }
}
