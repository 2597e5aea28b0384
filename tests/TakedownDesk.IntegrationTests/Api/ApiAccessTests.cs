using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>Who may call what, through the real host: roles, per-case visibility, tokens.</summary>
public sealed class ApiAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_endpoint_group_and_health_stays_open_and_empty()
    {
        await using var app = new WebTestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var id = Guid.NewGuid();
        string[] gets = ["/api/v1/cases", $"/api/v1/cases/{id}", $"/api/v1/requests/{id}", "/api/v1/deadlines", "/api/v1/platforms", "/api/v1/platforms/export",
            "/api/v1/tokens", "/api/v1/staff", "/openapi/v1.json", "/scalar"];
        foreach (var path in gets)
        {
            var status = (await client.GetAsync(path, Ct)).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"GET {path} gave {status}");
        }

        string[] posts = ["/api/v1/cases", "/api/v1/requests", "/api/v1/platforms", "/api/v1/platforms/import", "/api/v1/tokens", "/api/v1/staff"];
        foreach (var path in posts)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(path, WebTestApp.Body(new { }), Ct)).StatusCode);
        }

        var page = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_authorization_matrix_holds_for_each_role_and_another_caseworkers_case_is_404()
    {
        await using var app = new WebTestApp();
        var (owner, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var (other, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var (supervisor, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Supervisor));
        var (admin, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Administrator));

        var opened = await ApiFlows.OpenCaseAsync(owner, app.Time.GetUtcNow());
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await owner.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await owner.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));
        var platformId = location.PlatformId.Value;

        var caseGets = new[]
        {
            $"/api/v1/cases/{opened.CaseId}", $"/api/v1/cases/{opened.CaseId}/confidential",
            $"/api/v1/requests/{drafted.RequestId}", $"/api/v1/requests/{drafted.RequestId}/validity",
        };
        var failures = new List<string>();
        async Task Expect(HttpClient client, string who, HttpMethod method, string path, object? body, params HttpStatusCode[] expected)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : WebTestApp.Body(body) };
            var status = (await client.SendAsync(request, Ct)).StatusCode;
            if (!expected.Contains(status))
            {
                failures.Add($"{who} {method} {path}: {status}, expected {string.Join("/", expected)}");
            }
        }

        foreach (var path in caseGets)
        {
            await Expect(owner, "owner", HttpMethod.Get, path, null, HttpStatusCode.OK);
            await Expect(other, "other caseworker", HttpMethod.Get, path, null, HttpStatusCode.NotFound);
            await Expect(supervisor, "supervisor", HttpMethod.Get, path, null, HttpStatusCode.OK);
            await Expect(admin, "administrator", HttpMethod.Get, path, null, HttpStatusCode.OK);
        }

        // Writes on another caseworker's case or request are 404 too, and change nothing.
        await Expect(other, "other caseworker", HttpMethod.Post, $"/api/v1/cases/{opened.CaseId}/status", new { change = "Close" }, HttpStatusCode.NotFound);
        await Expect(other, "other caseworker", HttpMethod.Post, $"/api/v1/cases/{opened.CaseId}/locations", new { pastedUrls = "https://x.com/a/status/9" }, HttpStatusCode.NotFound);
        await Expect(other, "other caseworker", HttpMethod.Post, "/api/v1/requests",
            new DraftRemovalRequestCommand(opened.CaseId, platformId, RequestKind.StatutoryRemoval, [location.Id]), HttpStatusCode.NotFound);
        await Expect(other, "other caseworker", HttpMethod.Post, $"/api/v1/requests/{drafted.RequestId}/elements", new { goodFaithStatement = "x" }, HttpStatusCode.NotFound);
        await Expect(other, "other caseworker", HttpMethod.Post, $"/api/v1/requests/{drafted.RequestId}/dispute", new { reason = "x" }, HttpStatusCode.NotFound);

        // Lists show only what the caller may see.
        var otherList = await WebTestApp.ReadAsync<Paged<CaseSummary>>(await other.GetAsync("/api/v1/cases", Ct));
        Assert.Equal(0, otherList.TotalCount);
        var supervisorList = await WebTestApp.ReadAsync<Paged<CaseSummary>>(await supervisor.GetAsync("/api/v1/cases", Ct));
        Assert.Equal(1, supervisorList.TotalCount);

        // Directory reads for everyone; writes and account management for administrators only.
        var entry = (await WebTestApp.ReadAsync<PlatformView>(await admin.GetAsync($"/api/v1/platforms/{platformId}", Ct))).Entry;
        foreach (var (client, who) in new[] { (owner, "caseworker"), (supervisor, "supervisor") })
        {
            await Expect(client, who, HttpMethod.Get, "/api/v1/platforms", null, HttpStatusCode.OK);
            await Expect(client, who, HttpMethod.Get, "/api/v1/deadlines", null, HttpStatusCode.OK);
            await Expect(client, who, HttpMethod.Get, "/api/v1/platforms/export", null, HttpStatusCode.OK);
            await Expect(client, who, HttpMethod.Post, "/api/v1/platforms", new { entry = entry with { Slug = "new-one" } }, HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Put, $"/api/v1/platforms/{platformId}", new { entry }, HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Post, $"/api/v1/platforms/{platformId}/verification", new { source = "x" }, HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Post, "/api/v1/platforms/import", Array.Empty<object>(), HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Get, "/api/v1/staff", null, HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Post, "/api/v1/staff", new { email = "x@example.org" }, HttpStatusCode.Forbidden);
            await Expect(client, who, HttpMethod.Get, "/openapi/v1.json", null, HttpStatusCode.OK);
        }

        await Expect(admin, "administrator", HttpMethod.Post, "/api/v1/platforms", new { entry = entry with { Slug = "new-one" } }, HttpStatusCode.Created);
        await Expect(admin, "administrator", HttpMethod.Post, $"/api/v1/platforms/{platformId}/verification", new { source = "checked today" }, HttpStatusCode.NoContent);
        await Expect(admin, "administrator", HttpMethod.Get, "/api/v1/staff", null, HttpStatusCode.OK);
        await Expect(admin, "administrator", HttpMethod.Post, "/api/v1/staff",
            new { email = "new.caseworker@helpline.example", displayName = "New Caseworker", role = "caseworker", password = "A-long-enough-passw0rd" }, HttpStatusCode.Created);

        Assert.Empty(failures);
        var status = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<TakedownDeskDbContext>()
            .Cases.Where(c => c.Id == opened.CaseId).Select(c => c.Status).SingleAsync(Ct);
        Assert.Equal(Domain.Cases.CaseStatus.Open, status);
    }

    [Fact]
    public async Task A_personal_access_token_works_until_it_is_revoked_and_only_its_hash_is_stored()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (client, token) = await app.TokenClientAsync(user);

        Assert.StartsWith("td_", token.Token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().PersonalAccessTokens.SingleAsync(Ct);
            Assert.NotEqual(token.Token, stored.SecretHash);
            Assert.DoesNotContain(token.Token, stored.SecretHash, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{token.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "td_made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_caseworker_cannot_revoke_another_staff_members_token()
    {
        await using var app = new WebTestApp();
        var (mine, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var (theirs, theirToken) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        Assert.Equal(HttpStatusCode.NotFound, (await mine.DeleteAsync($"/api/v1/tokens/{theirToken.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_for_signed_in_staff()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/cases", out _));
        Assert.True(paths.TryGetProperty("/api/v1/requests/{requestId}/submission", out _));
    }
}
