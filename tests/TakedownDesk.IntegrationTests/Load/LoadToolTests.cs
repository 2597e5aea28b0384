using System.Net;
using System.Net.Http.Headers;
using TakedownDesk.IntegrationTests.Operations;
using TakedownDesk.LoadTest;
using TakedownDesk.LoadTest.Running;
using TakedownDesk.LoadTest.Seeding;

namespace TakedownDesk.IntegrationTests.Load;

/// <summary>The load test's seeder and client at a tiny scale against the real host, so the tools keep working.</summary>
public sealed class LoadToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeded_cases_decrypt_on_their_page_and_every_staff_action_runs_without_errors()
    {
        var folder = Path.Combine(Path.GetTempPath(), "takedowndesk-tests", "load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var staffFile = Path.Combine(folder, "staff.json");
        var seeded = await new Seeder(
                new SeedOptions(new DatabaseTarget("Sqlite", null, folder), Cases: 50, Requests: 500, Staff: 3, staffFile, CasesPerBatch: 20),
                TimeProvider.System,
                TextWriter.Null)
            .RunAsync(Ct);
        var staff = await StaffFile.ReadAsync(staffFile, Ct);
        Assert.Equal(500, seeded.Requests);
        Assert.Equal(3, staff.Staff.Count);
        Assert.Equal(50, staff.Staff.Sum(s => s.CaseIds.Count));
        Assert.Equal(seeded.ReadyDrafts, staff.Staff.Sum(s => s.ReadyDraftIds.Count));
        Assert.All(staff.Staff.Select(s => s.ReadyDraftIds.Count), drafts => Assert.True(drafts >= 1, "each staff member has a draft for the load to submit"));

        var port = HostProcess.FreePort();
        using var host = HostProcess.Start(HostProcess.Settings(folder, port));
        try
        {
            await HostProcess.WaitUntilLiveAsync(host, port, TimeSpan.FromSeconds(30));
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");

            using var client = new HttpClient { BaseAddress = baseUrl };
            using var page = new HttpRequestMessage(HttpMethod.Get, $"api/v1/cases/{staff.Staff[0].CaseIds[0]}");
            page.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff.Staff[0].Token);
            using var response = await client.SendAsync(page, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(CaseHistory.IncidentDescription, body, StringComparison.Ordinal);
            Assert.Contains($"/{CaseHistory.UrlMarker}/", body, StringComparison.Ordinal);

            // Each user takes every action in turn (a fixed count, not a time window), so a slow CI machine still covers them all.
            var report = await new LoadRun(new LoadOptions([baseUrl], staff, Users: 3, Duration: TimeSpan.FromMinutes(2), Warmup: TimeSpan.Zero, ActionsPerUser: 5)).RunAsync(Ct);

            Assert.All(report.Actions, action =>
            {
                Assert.Equal(3, action.Count);
                Assert.True(action.Errors == 0, $"{action.Action}: {action.Errors} errors{action.ErrorStatuses}");
            });
            Assert.Equal(Enum.GetValues<StaffAction>().Length, report.Actions.Count);
        }
        finally
        {
            await HostProcess.KillAsync(host);
        }
    }
}
