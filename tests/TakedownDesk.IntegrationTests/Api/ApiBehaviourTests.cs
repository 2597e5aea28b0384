using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>Idempotent POSTs, problem details for each kind of failure, concurrency conflicts.</summary>
public sealed class ApiBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_first_response_and_opens_one_case()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        var first = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-1");
        var retry = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-1");

        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.Equal(first.Reference, retry.Reference);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().Cases.CountAsync(Ct));
    }

    [Fact]
    public async Task The_kept_response_is_sealed_at_rest_and_a_retry_after_the_replay_window_runs_again()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var first = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-2");
        Assert.Contains(first.Locations.Accepted, l => l.Url.Contains("someone/status", StringComparison.Ordinal));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var kept = await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().IdempotencyRecords.AsNoTracking().SingleAsync(Ct);
            Assert.False(string.IsNullOrEmpty(kept.ResponseBody));
            foreach (var secret in new[] { "someone/status", "not a url", first.CaseId.ToString() })
            {
                Assert.DoesNotContain(secret, kept.ResponseBody, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(first.CaseId, (await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-2")).CaseId);
        app.Time.Advance(TimeSpan.FromHours(25));
        Assert.NotEqual(first.CaseId, (await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-2")).CaseId);
    }

    [Fact]
    public async Task Kept_responses_past_the_replay_window_are_swept_without_another_post()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-old");
        app.Time.Advance(TimeSpan.FromHours(23));
        await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "open-robin-new");
        app.Time.Advance(TimeSpan.FromHours(2));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        await ExpiredReplays.PurgeAsync(db, app.Time.GetUtcNow().UtcDateTime, Ct);

        Assert.Equal(["open-robin-new"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_refused_with_422()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow(), "key-7");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/other/status/1")),
        };
        request.Headers.Add("Idempotency-Key", "key-7");
        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().Cases.CountAsync(Ct));
    }

    [Fact]
    public async Task Keys_are_per_staff_member_so_two_people_may_use_the_same_key()
    {
        await using var app = new WebTestApp();
        var (one, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var (two, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        var a = await ApiFlows.OpenCaseAsync(one, app.Time.GetUtcNow(), "shared");
        var b = await ApiFlows.OpenCaseAsync(two, app.Time.GetUtcNow(), "shared");

        Assert.NotEqual(a.CaseId, b.CaseId);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_validation_problem_naming_each_field()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var command = Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = string.Empty };
        command = command with { Release = command.Release with { SignedBy = string.Empty } };

        var response = await client.PostAsync("/api/v1/cases", WebTestApp.Body(command), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Pseudonym", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("Release.SignedBy", out _), problem.ToString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        var response = await client.PostAsync("/api/v1/cases", new StringContent("{\"pseudonym\": ", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_broken_business_rule_is_a_422_problem_with_the_rule_name_and_an_unknown_id_is_404()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var drafted = await DraftAsync(app, client);

        var response = await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/submission", WebTestApp.Body(new
        {
            channel = "WebForm",
            whyDesignated = "The platform's published form",
        }), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("rule").GetString()));
        Assert.Contains("good-faith", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_a_409_problem()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var seen = (await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct))).ConcurrencyStamp;

        var first = await client.PostAsync($"/api/v1/cases/{opened.CaseId}/status", WebTestApp.Body(new { change = "StartMonitoring", expectedConcurrencyStamp = seen }), Ct);
        var second = await client.PostAsync($"/api/v1/cases/{opened.CaseId}/status", WebTestApp.Body(new { change = "Close", expectedConcurrencyStamp = seen }), Ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_request_goes_through_the_api_from_draft_to_the_deadline_board()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var drafted = await DraftAsync(app, client);

        var check = await WebTestApp.ReadAsync<ValidityCheck>(await client.PostAsync(
            $"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())), Ct));
        Assert.True(check.IsComplete);
        var submitted = await WebTestApp.ReadAsync<RemovalRequestView>(await client.PostAsync(
            $"/api/v1/requests/{drafted.RequestId}/submission", WebTestApp.Body(Samples.Submit(drafted.RequestId)), Ct));
        Assert.Equal((drafted.RequestId, RequestStatus.Submitted), (submitted.Id, submitted.Status));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddHours(48), submitted.DeadlineAtUtc);

        app.Time.Advance(TimeSpan.FromHours(40));
        var board = await client.GetFromJsonAsync<JsonElement>("/api/v1/deadlines?withinHours=12", WebTestApp.Json, Ct);
        Assert.Equal(drafted.RequestId, board.GetProperty("dueSoon")[0].GetProperty("requestId").GetGuid());
    }

    private static async Task<DraftedRequest> DraftAsync(WebTestApp app, HttpClient client)
    {
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var response = await client.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await WebTestApp.ReadAsync<DraftedRequest>(response);
    }
}
