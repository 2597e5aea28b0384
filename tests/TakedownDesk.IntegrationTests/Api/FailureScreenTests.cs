using System.Net;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The supervisors' failures screen and its API through the real host: who may see it, retries, problem details.</summary>
public sealed class FailureScreenTests
{
    private const string Page = "/Supervision/Failures";

    /// <summary>The sweep and the dispatcher run only when a test sends them, so nothing runs a retried row behind its back.</summary>
    private static readonly KeyValuePair<string, string?> NoScheduling = new("Scheduling:Enabled", "false");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caseworker_gets_403_from_the_failure_api_and_cannot_open_the_page_or_see_its_link()
    {
        await using var app = new WebTestApp([NoScheduling]);
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(caseworker);
        var id = Guid.NewGuid();

        foreach (var path in new[] { "/api/v1/failures/steps", "/api/v1/failures/emails" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(path, Ct)).StatusCode);
        }

        foreach (var path in new[] { $"/api/v1/failures/steps/{id}/retry", $"/api/v1/failures/emails/{id}/retry" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(path, WebTestApp.Body(new { confirmedNotDelivered = true }), Ct)).StatusCode);
        }

        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, caseworker);
        var page = await browser.GetAsync(Page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(Page, await browser.GetStringAsync("/", Ct), StringComparison.Ordinal);

        foreach (var role in new[] { StaffRoles.Supervisor, StaffRoles.Administrator })
        {
            using var supervisor = app.BrowserClient();
            await app.SignInAsync(supervisor, await app.CreateUserAsync(role));
            Assert.Contains($"href=\"{Page}\"", await supervisor.GetStringAsync("/", Ct), StringComparison.Ordinal);
            var html = await supervisor.GetStringAsync(Page, Ct);
            Assert.Contains("Nothing has failed: every escalation step ran or is waiting to run.", html, StringComparison.Ordinal);
            Assert.Contains("Nothing has failed: no e-mail is waiting for staff.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failed_step_is_shown_in_the_staff_time_zone_without_victim_data_and_retried_from_the_page_then_a_second_retry_is_409()
    {
        await using var app = new WebTestApp([NoScheduling]);
        var requestId = await SubmittedRequestAsync(app);
        var stepId = await PoisonFirstStepAsync(app, requestId);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var (api, _) = await app.TokenClientAsync(supervisor);
        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, supervisor);

        var listed = Assert.Single(await WebTestApp.ReadAsync<List<FailedEscalationStep>>(await api.GetAsync("/api/v1/failures/steps", Ct)));
        Assert.Equal((stepId, requestId, EscalationKind.Reminder12hBefore, 5), (listed.StepId, listed.RequestId, listed.Kind, listed.Attempts));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(Page, Ct));
        // Submitted at 15:00 UTC on 20 Nov, due 36 h later: 03:00 UTC on the 22nd is 22:00 the day before in New York.
        Assert.Contains("Sat 21 Nov 2026 22:00 America/New_York", html, StringComparison.Ordinal);
        Assert.Contains(listed.CaseReference, html, StringComparison.Ordinal);
        Assert.Contains(listed.RequestReference, html, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: template store unavailable", html, StringComparison.Ordinal);
        foreach (var secret in new[] { Samples.LegalName, Samples.Pseudonym, "marker.victim@example.org", "x.com/poster" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }

        var retried = await WebTestApp.PostFormAsync(browser, Page, new Dictionary<string, string> { ["stepId"] = stepId.ToString() }, handler: "RetryStep");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await browser.GetStringAsync(retried.Headers.Location!.OriginalString, Ct);
        Assert.Contains("The step is pending again", after, StringComparison.Ordinal);
        Assert.Contains("Nothing has failed: every escalation step ran or is waiting to run.", after, StringComparison.Ordinal);
        var step = await WithDbAsync(app, db => db.EscalationSteps.AsNoTracking().SingleAsync(s => s.Id == stepId, Ct));
        Assert.Equal((EscalationState.Pending, 0, app.Time.GetUtcNow().UtcDateTime), (step.State, step.Attempts, step.NextRunAtUtc));

        var again = await api.PostAsync($"/api/v1/failures/steps/{stepId}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await WebTestApp.ReadAsync<JsonElement>(again);
        Assert.Equal("This escalation step has not failed: it is already waiting to run.", problem.GetProperty("detail").GetString());
        Assert.Equal("OnlyFailedStepsCanBeRetried", problem.GetProperty("rule").GetString());

        var unknown = await api.PostAsync($"/api/v1/failures/steps/{Guid.NewGuid()}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/failures/emails/{Guid.NewGuid()}/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_dead_lettered_e_mail_is_listed_and_sent_again_to_the_smtp_server_and_an_outcome_unknown_one_needs_a_confirmed_check()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = new WebTestApp([.. smtp.Settings, NoScheduling]);
        var deadLetter = await QueueAsync(app, "request:dead");
        smtp.ReplyCode = 554;
        Assert.Equal(1, (await DispatchAsync(app)).DeadLettered);
        var unknown = await QueueAsync(app, "request:unknown");
        smtp.ReplyCode = SmtpTestServer.DropAfterData;
        Assert.Equal(1, (await DispatchAsync(app)).Unknown);
        smtp.ReplyCode = 250;
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var (api, _) = await app.TokenClientAsync(supervisor);
        using var browser = app.BrowserClient();
        await app.SignInAsync(browser, supervisor);

        var listed = await WebTestApp.ReadAsync<List<JsonElement>>(await api.GetAsync("/api/v1/failures/emails", Ct));
        Assert.Equal(
            [(deadLetter.ToString(), "DeadLettered", false), (unknown.ToString(), "OutcomeUnknown", true)],
            listed.Select(m => (m.GetProperty("id").GetString(), m.GetProperty("state").GetString(), m.GetProperty("checkBeforeResending").GetBoolean())));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(Page, Ct));
        Assert.Contains("takeitdown@x.example", html, StringComparison.Ordinal);
        Assert.Contains("Check with the recipient before sending it again.", html, StringComparison.Ordinal);
        Assert.Contains("554", html, StringComparison.Ordinal);

        var unconfirmed = await WebTestApp.PostFormAsync(browser, Page, new Dictionary<string, string> { ["messageId"] = unknown.ToString() }, handler: "RetryEmail");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Check with the recipient first, then confirm to send it again.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync($"/api/v1/failures/emails/{unknown}/retry", null, Ct)).StatusCode);
        Assert.Equal(OutboxState.OutcomeUnknown, await StateAsync(app, unknown));

        var retried = await WebTestApp.PostFormAsync(browser, Page, new Dictionary<string, string> { ["messageId"] = deadLetter.ToString() }, handler: "RetryEmail");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(1, (await DispatchAsync(app)).Sent);
        Assert.Equal(OutboxMessage.MessageIdFor("request:dead"), $"<{Assert.Single(smtp.Received).MessageId}>");
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/failures/emails/{deadLetter}/retry", null, Ct)).StatusCode);

        var confirmed = await api.PostAsync($"/api/v1/failures/emails/{unknown}/retry", WebTestApp.Body(new { confirmedNotDelivered = true }), Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(OutboxState.Pending, await StateAsync(app, unknown));
    }

    /// <summary>Opens a case on X and submits a request to it, as the system actor (no HTTP request in scope).</summary>
    private static async Task<Guid> SubmittedRequestAsync(WebTestApp app)
    {
        var now = app.Time.GetUtcNow();
        var opened = await SendAsync(app, m => m.Send(Samples.OpenCase(now, "https://x.com/poster/status/1001"), Ct));
        var location = opened.Locations.Accepted[0];
        var drafted = await SendAsync(app, m => m.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]), Ct));
        await SendAsync(app, m => m.Send(Samples.Complete(drafted.RequestId, now), Ct));
        await SendAsync(app, m => m.Send(Samples.Submit(drafted.RequestId), Ct));
        return drafted.RequestId;
    }

    /// <summary>Leaves the request's first step as the sweep leaves a poisoned one (the sweep itself is covered by FailureSlices).</summary>
    private static Task<Guid> PoisonFirstStepAsync(WebTestApp app, Guid requestId) => WithDbAsync(app, async db =>
    {
        var id = await db.EscalationSteps.Where(s => s.RequestId == requestId).OrderBy(s => s.DueAtUtc).Select(s => s.Id).FirstAsync(Ct);
        await db.EscalationSteps.Where(s => s.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.State, EscalationState.Failed)
                .SetProperty(s => s.Attempts, ExecuteDueEscalationsHandler.MaxAttempts)
                .SetProperty(s => s.LastError, "InvalidOperationException: template store unavailable"),
            Ct);
        return id;
    });

    private static Task<Guid> QueueAsync(WebTestApp app, string key) => WithDbAsync(app, async db =>
    {
        var message = new OutboxMessage(key, "takeitdown@x.example", "TAKE IT DOWN Act removal request R-TEST", "<p>notice</p>", "notice", app.Time.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(Ct);
        return message.Id;
    });

    private static Task<OutboxState> StateAsync(WebTestApp app, Guid id) =>
        WithDbAsync(app, db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.State).SingleAsync(Ct));

    private static Task<OutboxDispatchResult> DispatchAsync(WebTestApp app) => SendAsync(app, m => m.Send(new DispatchOutboxCommand(), Ct));

    private static async Task<T> SendAsync<T>(WebTestApp app, Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private static async Task<T> WithDbAsync<T>(WebTestApp app, Func<TakedownDeskDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
    }
}
