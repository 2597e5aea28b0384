using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Cli;

namespace TakedownDesk.IntegrationTests.Api;

[Collection(ConsoleOutputCollection.Name)]
public sealed partial class CommandLineAndBoardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in_to_mfa_enrolment()
    {
        await using var app = new WebTestApp();
        _ = app.Services;
        var output = new StringWriter();
        var original = Console.Out;
        int exit;
        try
        {
            Console.SetOut(output);
            exit = await CommandLine.RunAsync(["create-admin", "first.admin@helpline.example", "--name", "First Admin"], app.Services);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, exit);
        var password = OneTimePassword().Match(output.ToString()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), output.ToString());
        var client = app.BrowserClient();
        var response = await WebTestApp.SubmitPasswordAsync(client, "first.admin@helpline.example", password);
        Assert.Equal("/Account/Enrol", response.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_retried_draft_creates_one_request()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var command = new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]);

        var ids = new List<Guid>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = WebTestApp.Body(command) };
            request.Headers.Add("Idempotency-Key", "draft-x-1");
            var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await WebTestApp.ReadAsync<DraftedRequest>(response)).RequestId);
        }

        Assert.Single(ids.Distinct());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().RemovalRequests.CountAsync(Ct));
    }

    [Fact]
    public async Task The_home_page_lists_overdue_requests_first_with_how_long_overdue_then_those_due_within_12_hours()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var first = await SubmitAsync(app, api);
        app.Time.Advance(TimeSpan.FromHours(10));
        var second = await SubmitAsync(app, api);
        app.Time.Advance(TimeSpan.FromHours(40));

        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var html = await client.GetStringAsync("/", Ct);

        var overdue = html[html.IndexOf("id=\"overdue\"", StringComparison.Ordinal)..html.IndexOf("id=\"within-12h-heading\"", StringComparison.Ordinal)];
        Assert.Contains(first, overdue, StringComparison.Ordinal);
        Assert.Contains("2 h 0 min overdue", overdue, StringComparison.Ordinal);
        var soon = html[html.IndexOf("id=\"within-12h\"", StringComparison.Ordinal)..];
        Assert.Contains(second, soon, StringComparison.Ordinal);
        Assert.Contains("in 8 h 0 min", soon, StringComparison.Ordinal);
        Assert.Contains("America/New_York", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_has_a_due_in_the_next_48_hours_bucket_with_the_pseudonym_the_location_count_and_the_next_action()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var reference = await SubmitAsync(app, api);
        app.Time.Advance(TimeSpan.FromHours(1));

        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var html = await client.GetStringAsync("/", Ct);

        var start = html.IndexOf("id=\"within-48h-heading\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no \"Due in the next 48 hours\" section");
        var within48 = html[start..html.IndexOf("id=\"later-heading\"", StringComparison.Ordinal)];
        Assert.Contains("Due in the next 48 hours (1)", within48, StringComparison.Ordinal);
        Assert.Contains(reference, within48, StringComparison.Ordinal);
        Assert.Contains("in 1 d 23 h", within48, StringComparison.Ordinal);
        Assert.Contains($"<td>{Samples.Pseudonym}</td>", within48, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", within48, StringComparison.Ordinal);
        Assert.Contains("Wait for and record the platform&#x27;s acknowledgment", within48, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.LegalName, html, StringComparison.Ordinal);
        Assert.Contains("Nothing is due in the next 12 hours.", html, StringComparison.Ordinal);
    }

    private static async Task<string> SubmitAsync(WebTestApp app, HttpClient client)
    {
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await client.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())), Ct);
        var submitted = await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/submission", WebTestApp.Body(Samples.Submit(drafted.RequestId)), Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return drafted.Reference;
    }

    [GeneratedRegex("One-time password[^:]*: (\\S+)")]
    private static partial Regex OneTimePassword();
}
