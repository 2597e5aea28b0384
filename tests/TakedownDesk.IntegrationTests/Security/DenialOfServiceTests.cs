using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Rules;
using TakedownDesk.Infrastructure.Documents;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: one user cannot take the desk's capacity from everyone else.</summary>
public sealed class DenialOfServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_prints_by_one_person_queues_in_their_turns_the_surplus_is_told_to_wait_and_a_colleague_goes_first()
    {
        var printer = new HeldPrinter();
        await using var app = new WebTestApp(configure: services => services.Replace(ServiceDescriptor.Singleton<IDocumentRenderer>(
            provider => printer.Around(provider.GetRequiredService<LiquidDocumentRenderer>()))));
        var busy = await app.CreateUserAsync(StaffRoles.Caseworker);
        var colleague = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (busyApi, _) = await app.TokenClientAsync(busy);
        var (colleagueApi, _) = await app.TokenClientAsync(colleague);
        var busyRequest = await ReadyRequestAsync(app, busyApi);
        var colleagueRequest = await ReadyRequestAsync(app, colleagueApi);
        var turns = app.Services.GetRequiredService<PrintTurns>();
        var finished = new ConcurrentQueue<string>();

        async Task<HttpStatusCode> GenerateAsync(HttpClient client, Guid requestId, string who)
        {
            var response = await client.PostAsync($"/api/v1/requests/{requestId}/notices", null, Ct);
            finished.Enqueue(who);
            return response.StatusCode;
        }

        var burst = Enumerable.Range(0, PrinterBusyException.MaximumPerStaff).Select(_ => GenerateAsync(busyApi, busyRequest, "busy")).ToList();
        await Until(() => printer.Held >= 1 && turns.WaitingFor(busy.Id) == PrintTurns.WaitingPerStaff);
        var surplus = await busyApi.PostAsync($"/api/v1/requests/{busyRequest}/notices", null, Ct);
        var colleagues = GenerateAsync(colleagueApi, colleagueRequest, "colleague");
        await Task.Delay(200, Ct);
        printer.Release();

        Assert.Equal(HttpStatusCode.TooManyRequests, surplus.StatusCode);
        Assert.Equal("10", surplus.Headers.RetryAfter?.ToString());
        Assert.Contains("documents printing or waiting", await surplus.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, await colleagues);
        Assert.All(await Task.WhenAll(burst), status => Assert.Equal(HttpStatusCode.Created, status));

        // The colleague's notice waited for at most the burst's prints already under way, not for the whole burst.
        var order = finished.ToList();
        Assert.True(order.IndexOf("colleague") <= PrintTurns.InProgressPerStaff, string.Join(", ", order));
    }

    [Fact]
    public async Task A_request_lists_at_most_two_hundred_locations_and_a_case_holds_at_most_five_thousand()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var platformId = opened.Locations.Accepted[0].PlatformId!.Value;
        var pasted = new List<PasteResult>();
        for (var batch = 0; batch < 3; batch++)
        {
            var lines = Enumerable.Range(0, PastedUrls.MaximumLines).Select(i => $"https://x.com/someone/status/{(batch * PastedUrls.MaximumLines) + i + 10}");
            var response = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/locations", WebTestApp.Body(new { pastedUrls = string.Join('\n', lines) }), Ct);
            if (batch < 2)
            {
                pasted.Add(await WebTestApp.ReadAsync<PasteResult>(response));
                continue;
            }

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains($"at most {CasesHoldAFewThousandLocationsAtMost.Maximum} locations", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var onThePlatform = pasted.SelectMany(p => p.Accepted).Where(a => a.PlatformId == platformId).Select(a => a.LocationId).ToList();
        var tooMany = await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, platformId, RequestKind.StatutoryRemoval, onThePlatform.Take(RequestsListAFewHundredLocationsAtMost.Maximum + 1).ToList())), Ct);
        var enough = await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, platformId, RequestKind.StatutoryRemoval, onThePlatform.Take(RequestsListAFewHundredLocationsAtMost.Maximum).ToList())), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 200 locations", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, enough.StatusCode);
        var total = opened.Locations.AddedCount + (2 * PastedUrls.MaximumLines);
        var lastPage = (total + GetCaseDetailQuery.LocationsPerPage - 1) / GetCaseDetailQuery.LocationsPerPage;
        var first = await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}", WebTestApp.Json, Ct);
        var last = await api.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{opened.CaseId}?locationsPage={lastPage}", WebTestApp.Json, Ct);
        Assert.Equal(new LocationPaging(1, GetCaseDetailQuery.LocationsPerPage, total), first!.LocationPaging);
        Assert.Equal(GetCaseDetailQuery.LocationsPerPage, first.LocationsByPlatform.Sum(p => p.Locations.Count));
        Assert.Equal(total, first.Depictions.Sum(d => d.LocationCount));
        Assert.Equal(total - ((lastPage - 1) * GetCaseDetailQuery.LocationsPerPage), last!.LocationsByPlatform.Sum(p => p.Locations.Count));
        Assert.Equal("https://x.com/someone/status/4009", last.LocationsByPlatform.SelectMany(p => p.Locations).Last().Url);
    }

    [Fact]
    public async Task A_large_case_page_shows_one_page_of_locations_with_links_to_the_others()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var lines = Enumerable.Range(0, 450).Select(i => $"https://x.com/someone/status/{i + 10}");
        Assert.True((await api.PostAsync($"/api/v1/cases/{opened.CaseId}/locations", WebTestApp.Body(new { pastedUrls = string.Join('\n', lines) }), Ct)).IsSuccessStatusCode);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, user);

        var first = await browser.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        var third = await browser.GetStringAsync($"/Cases/{opened.CaseId}?locations=3", Ct);

        var total = opened.Locations.AddedCount + 450;
        Assert.Contains($"Showing locations 1–200 of {total}.", first, StringComparison.Ordinal);
        Assert.Equal(200, System.Text.RegularExpressions.Regex.Count(first, "name=\"Draft.LocationIds\""));
        Assert.Contains("locations=2", first, StringComparison.Ordinal);
        Assert.Contains($"Showing locations 401–{total} of {total}.", third, StringComparison.Ordinal);
        Assert.Equal(total - 400, System.Text.RegularExpressions.Regex.Count(third, "name=\"Draft.LocationIds\""));
    }

    private static async Task<Guid> ReadyRequestAsync(WebTestApp app, HttpClient api)
    {
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted[0];
        var draft = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests",
            WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])),
            Ct));
        var completed = await api.PostAsync($"/api/v1/requests/{draft.RequestId}/elements", WebTestApp.Body(Samples.Complete(draft.RequestId, app.Time.GetUtcNow())), Ct);
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync(Ct));
        return draft.RequestId;
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the prints to queue");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The real renderer and printer, with every PDF held until the test releases them, so that prints are in flight when it looks.</summary>
    private sealed class HeldPrinter
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int held;

        public int Held => Volatile.Read(ref held);

        public void Release() => released.TrySetResult();

        public IDocumentRenderer Around(IDocumentRenderer inner) => new Renderer(inner, this);

        private sealed class Renderer(IDocumentRenderer inner, HeldPrinter owner) : IDocumentRenderer
        {
            public Task<RenderedDocument> RenderAsync(DocumentRequest request, CancellationToken cancellationToken = default) =>
                inner.RenderAsync(request, cancellationToken);

            public async Task<byte[]> RenderPdfAsync(DocumentRequest request, CancellationToken cancellationToken = default) =>
                await PrintAsync(await inner.RenderAsync(request, cancellationToken), cancellationToken);

            public async Task<byte[]> PrintAsync(RenderedDocument document, CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref owner.held);
                await owner.released.Task.WaitAsync(cancellationToken);
                return await inner.PrintAsync(document, cancellationToken);
            }
        }
    }
}
