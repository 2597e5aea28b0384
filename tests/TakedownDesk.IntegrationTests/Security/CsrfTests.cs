using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Every POST handler of every page (discovered from the compiled pages) refuses a missing or foreign antiforgery token and writes nothing.</summary>
public sealed class CsrfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_post_handler_without_a_token_or_with_another_sessions_token_is_400_and_writes_nothing()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var (api, _) = await app.TokenClientAsync(admin);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));
        var values = new Dictionary<string, string> { ["/Cases/Detail"] = opened.CaseId.ToString(), ["/Requests/Detail"] = drafted.RequestId.ToString(), ["/Admin/PlatformEdit"] = location.PlatformId.Value.ToString() };

        using var victim = app.BrowserClient();
        await app.SignInAsync(victim, admin);
        using var attacker = app.BrowserClient();
        await app.SignInAsync(attacker, await app.CreateUserAsync(StaffRoles.Caseworker));
        var foreignToken = SecurityKit.AntiforgeryToken(await attacker.GetStringAsync("/Cases/New", Ct));
        Assert.NotEmpty(foreignToken);

        var before = await SecurityKit.RowCountsAsync(app);
        var handlers = SecurityKit.PostHandlers();
        var failures = new List<string>();
        var posts = 0;
        foreach (var page in SecurityKit.Endpoints(app).Where(e => e.IsPage).DistinctBy(e => e.PagePath))
        {
            var path = SecurityKit.Fill(page.Pattern, values.TryGetValue(page.PagePath!, out var id) ? new Dictionary<string, string> { ["id"] = id, ["code"] = "404" } : null);
            foreach (var handler in handlers.GetValueOrDefault(page.PagePath!, []))
            {
                var url = handler.Length == 0 ? path : $"{path}?handler={handler}";
                foreach (var (label, token) in new[] { ("no token", (string?)null), ("another session's token", foreignToken) })
                {
                    var form = new Dictionary<string, string>
                    {
                        ["Input.Email"] = "x@example.org",
                        ["Input.Password"] = "whatever-long-enough",
                        ["Code"] = "123456",
                        ["change"] = "Close",
                        ["Paste.PastedUrls"] = "https://x.com/a/status/1",
                        ["Input.Name"] = "Token",
                    };
                    if (token is not null)
                    {
                        form["__RequestVerificationToken"] = token;
                    }

                    var status = (await victim.PostAsync(url, new FormUrlEncodedContent(form), Ct)).StatusCode;
                    posts++;
                    if (status != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"POST {url} with {label}: {(int)status}");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(posts >= 40, $"only {posts} posts were checked");
        Assert.Equal(before, await SecurityKit.RowCountsAsync(app));
    }
}
