using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Api.Cases;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Every mapped route, discovered from the host (not hand-listed): anonymous callers are turned away, and another
/// caseworker's case or request id in any route is 404 and writes nothing. Extends <see cref="ApiAccessTests"/>,
/// which checks the role matrix by hand.
/// </summary>
public sealed class AccessCoverageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_discovered_endpoint_refuses_anonymous_callers_except_sign_in_status_and_health()
    {
        await using var app = new WebTestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var endpoints = SecurityKit.Endpoints(app);
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/cases/{caseId:guid}");
        Assert.Contains(endpoints, e => e.IsPage && e.PagePath == "/Cases/Detail");

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints.Where(e => !e.IsStaticAsset && !SecurityKit.AnonymousPatterns.Contains(e.Pattern, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var method in endpoint.Methods)
            {
                var path = SecurityKit.Fill(endpoint.Pattern);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = endpoint.IsApi ? WebTestApp.Body(new { }) : new FormUrlEncodedContent([]);
                }

                var response = await client.SendAsync(request, Ct);
                checkedCount++;
                var ok = endpoint.IsApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect
                      && SignInPath(response.Headers.Location!).StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase);
                if (!ok)
                {
                    failures.Add($"{method} {path} ({endpoint.Pattern}): {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedCount > 30, $"only {checkedCount} requests were checked");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn", Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_caseworkers_case_or_request_id_in_any_route_is_404_and_writes_nothing()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var ownerUser = await app.CreateUserAsync(StaffRoles.Caseworker);
        var otherUser = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (owner, _) = await app.TokenClientAsync(ownerUser);
        var (other, _) = await app.TokenClientAsync(otherUser);
        var opened = await ApiFlows.OpenCaseAsync(owner, now);
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await owner.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await owner.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));

        var task = await WebTestApp.ReadAsync<CreatedId>(await owner.PostAsync(
            $"/api/v1/cases/{opened.CaseId}/tasks", WebTestApp.Body(new { title = "Call back", dueAt = now.AddDays(1) }), Ct));
        var source = await WebTestApp.ReadAsync<CreatedId>(await owner.PostAsync(
            $"/api/v1/cases/{opened.CaseId}/prevention/sources", WebTestApp.Body(new { platform = "Instagram", url = "https://www.instagram.com/someone" }), Ct));
        var ids = new Dictionary<string, string>
        {
            ["sourceId"] = source.Id.ToString(),
            ["caseId"] = opened.CaseId.ToString(),
            ["taskId"] = task.Id.ToString(),
            ["requestId"] = drafted.RequestId.ToString(),
            ["releaseId"] = opened.ReleaseId.ToString(),
            ["locationId"] = location.Id.ToString(),
            ["incidentId"] = detail.Incidents[0].Id.ToString(),
        };
        var pageIds = new Dictionary<string, string> { ["/Cases/Detail"] = opened.CaseId.ToString(), ["/Requests/Detail"] = drafted.RequestId.ToString() };

        // A valid body for each write, so the refusal is the access check and not validation. A new route without one fails here.
        var bodies = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["POST /api/v1/cases/{caseId:guid}/status"] = new { change = "Close" },
            ["POST /api/v1/cases/{caseId:guid}/assignment"] = new { staffId = otherUser.Id },
            ["POST /api/v1/cases/{caseId:guid}/releases"] = Samples.ReleaseForAllPlatforms(now),
            ["POST /api/v1/cases/{caseId:guid}/releases/{releaseId:guid}/revocation"] = new { reason = "withdrawn" },
            ["POST /api/v1/cases/{caseId:guid}/incidents"] = new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-1), "reposted"),
            ["POST /api/v1/cases/{caseId:guid}/incidents/{incidentId:guid}/mirrors"] = new { url = "https://huggingface.co/someone/mirror" },
            ["POST /api/v1/cases/{caseId:guid}/incidents/{incidentId:guid}/model-reports"] = new { locationId = location.Id },
            ["POST /api/v1/cases/{caseId:guid}/locations"] = new { pastedUrls = "https://x.com/a/status/9" },
            ["POST /api/v1/cases/{caseId:guid}/locations/{locationId:guid}/status"] = new { status = LocationStatus.Removed, reason = "checked" },
            ["POST /api/v1/cases/{caseId:guid}/location-checks"] = new { on = false },
            ["POST /api/v1/cases/{caseId:guid}/possible-minor"] = new { possibleMinor = true },
            ["PUT /api/v1/cases/{caseId:guid}/victim"] = new { pseudonym = "Wren-3" },
            ["POST /api/v1/cases/{caseId:guid}/coworkers"] = new { staffId = otherUser.Id },
            ["DELETE /api/v1/cases/{caseId:guid}/coworkers/{staffId}"] = null,
            ["POST /api/v1/cases/{caseId:guid}/locations/{locationId:guid}/platform"] = new { platformId = location.PlatformId },
            ["POST /api/v1/cases/{caseId:guid}/notes"] = new { text = "A note" },
            ["POST /api/v1/cases/{caseId:guid}/tasks"] = new { title = "A task", dueAt = now.AddDays(1) },
            ["POST /api/v1/cases/{caseId:guid}/tasks/{taskId:guid}/done"] = new { done = true },
            ["POST /api/v1/cases/{caseId:guid}/prevention/sources"] = new { platform = "TikTok", url = "https://www.tiktok.com/@someone" },
            ["POST /api/v1/cases/{caseId:guid}/prevention/sources/{sourceId:guid}/status"] = new { status = "Removed" },
            ["POST /api/v1/cases/{caseId:guid}/prevention/hash-matching"] = new { service = "StopNcii", caseNumber = "SN-1", consentGivenBy = "the person", consentGivenAt = now, consentMethod = "InWriting" },
            ["POST /api/v1/requests/{requestId:guid}/elements"] = new
            {
                signature = Samples.Signature(now),
                goodFaithStatement = "I believe in good faith.",
                supportingFacts = "Facts.",
                contact = Samples.Contact(),
            },
            ["POST /api/v1/requests/{requestId:guid}/submission"] = new
            {
                channel = ChannelKind.WebForm,
                channelTarget = "https://help.x.com/forms/take-it-down",
                whyDesignated = "The published form",
                confirmationNumber = "X-1",
            },
            ["POST /api/v1/requests/{requestId:guid}/acknowledgment"] = new { platformRequestNumber = "P-1", acknowledgedAt = now },
            ["POST /api/v1/requests/{requestId:guid}/outcomes"] = new { locationId = location.Id, outcome = LocationOutcome.Removed, at = now },
            ["POST /api/v1/requests/{requestId:guid}/dispute"] = new { reason = "not theirs" },
            ["POST /api/v1/requests/{requestId:guid}/email"] = new { to = "takeitdown@x.example" },
            ["POST /api/v1/requests/{requestId:guid}/resubmission"] = null,
            ["POST /api/v1/requests/{requestId:guid}/notices"] = null,
            ["POST /api/v1/requests/{requestId:guid}/ftc-report/filing"] = new { ftcReferenceNumber = "FTC-1", filedAt = now },
        };

        var before = await SecurityKit.RowCountsAsync(app, withAudit: false);
        var failures = new List<string>();
        var apiRoutes = SecurityKit.Endpoints(app).Where(e => e.IsApi && (e.Pattern.Contains("{caseId", StringComparison.Ordinal) || e.Pattern.Contains("{requestId", StringComparison.Ordinal)));
        var checkedRoutes = 0;
        foreach (var endpoint in apiRoutes)
        {
            foreach (var method in endpoint.Methods)
            {
                var key = $"{method} {endpoint.Pattern}";
                using var request = new HttpRequestMessage(new HttpMethod(method), SecurityKit.Fill(endpoint.Pattern, ids));
                if (method != "GET")
                {
                    if (!bodies.TryGetValue(key, out var body))
                    {
                        failures.Add($"{key}: no sample body; add one so the route is covered");
                        continue;
                    }

                    request.Content = body is null ? null : WebTestApp.Body(body);
                }

                var status = (await other.SendAsync(request, Ct)).StatusCode;
                checkedRoutes++;
                if (status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{key}: {(int)status}");
                }
            }
        }

        // The pages that take a case or request id: the page itself and each of its POST handlers, with a valid antiforgery token.
        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, otherUser);
        var token = SecurityKit.AntiforgeryToken(await browser.GetStringAsync("/Cases/New", Ct));
        var handlers = SecurityKit.PostHandlers();
        foreach (var page in SecurityKit.Endpoints(app).Where(e => e.IsPage && e.Pattern.Contains("{id:guid}", StringComparison.Ordinal) && pageIds.ContainsKey(e.PagePath!)))
        {
            var path = SecurityKit.Fill(page.Pattern, new Dictionary<string, string> { ["id"] = pageIds[page.PagePath!] });
            var get = (await browser.GetAsync(path, Ct)).StatusCode;
            checkedRoutes++;
            if (get != HttpStatusCode.NotFound)
            {
                failures.Add($"GET {path}: {(int)get}");
            }

            foreach (var handler in handlers[page.PagePath!])
            {
                var form = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["releaseId"] = opened.ReleaseId.ToString(),
                    ["locationId"] = location.Id.ToString(),
                    ["change"] = "Close",
                    ["outcome"] = "Removed",
                    ["staffId"] = otherUser.Id,
                    ["status"] = "Removed",
                    ["reason"] = "checked",
                    ["taskId"] = task.Id.ToString(),
                    ["sourceId"] = source.Id.ToString(),
                    ["done"] = "true",
                    ["confirmed"] = "true",
                };
                var url = handler.Length == 0 ? path : $"{path}?handler={handler}";
                var status = (await browser.PostAsync(url, new FormUrlEncodedContent(form), Ct)).StatusCode;
                checkedRoutes++;
                if (status != HttpStatusCode.NotFound)
                {
                    failures.Add($"POST {url}: {(int)status}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} routes were checked");
        Assert.Equal(before, await SecurityKit.RowCountsAsync(app, withAudit: false));
    }

    private static string SignInPath(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
