using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Correspondence;

/// <summary>The same through the JSON API: send, read the replies, confirm one, the inbox; bad input is a problem, nothing sent.</summary>
public sealed class EmailApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_is_sent_and_a_reply_confirmed_through_the_api_and_bad_input_is_a_problem_that_sends_nothing()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        var settings = ReplyKit.Settings(smtp, imap);
        settings["Scheduling:Enabled"] = "false";
        await using var app = new WebTestApp(settings);
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Supervisor));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
            var platform = await db.Platforms.SingleAsync(p => p.Id == location.PlatformId, Ct);
            platform.Edit(platform.Profile with { Channels = [.. platform.Channels, new RemovalChannel(ChannelKind.Email, ReplyKit.Designated, "Designated address", true)] });
            await db.SaveChangesAsync(Ct);
        }

        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await client.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));
        var now = app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(new
        {
            signature = Samples.Signature(now),
            goodFaithStatement = "I believe in good faith.",
            contact = Samples.Contact(),
        }), Ct)).StatusCode);

        var notAnAddress = await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/email", WebTestApp.Body(new { to = "not an address" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notAnAddress.StatusCode);
        Assert.True((await notAnAddress.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("To", out _));
        var notDesignated = await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/email", WebTestApp.Body(new { to = "someone@elsewhere.example" }), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notDesignated.StatusCode);
        Assert.Equal("application/problem+json", notDesignated.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(app, db => db.OutboxMessages.CountAsync(m => m.RemovalRequestId == drafted.RequestId, Ct)));

        var accepted = await client.PostAsync($"/api/v1/requests/{drafted.RequestId}/email", WebTestApp.Body(new { to = ReplyKit.Designated }), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var queued = await WebTestApp.ReadAsync<QueuedRequestEmail>(accepted);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutboxCommand(), Ct)).Sent);
        }

        Assert.Equal(queued.MessageId, $"<{Assert.Single(smtp.Received).MessageId}>");
        var repliedAt = app.Time.GetUtcNow().AddMinutes(20);
        await imap.DeliverAsync(ReplyKit.Reply(queued.MessageId, repliedAt, "Re: your request", "Thank you for your report. Case number: XR-1234."));
        await imap.DeliverAsync(ReplyKit.Reply(null, repliedAt, "Unrelated", "Hello", from: "someone@unrelated.example"));
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new MailboxPass(1, 1, 0), await app.Services.GetRequiredService<ImapMailboxReader>().ReadOnceAsync(Ct));

        var correspondence = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{drafted.RequestId}/correspondence", WebTestApp.Json, Ct);
        var reply = correspondence.GetProperty("replies")[0];
        Assert.Equal("XR-1234", reply.GetProperty("suggestedRequestNumber").GetString());
        var unclear = await client.PostAsync($"/api/v1/replies/{reply.GetProperty("id").GetGuid()}/confirmation", WebTestApp.Body(new { meaning = "Unclear" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unclear.StatusCode);
        var confirmed = await client.PostAsync($"/api/v1/replies/{reply.GetProperty("id").GetGuid()}/confirmation", WebTestApp.Body(new { meaning = "Acknowledgment" }), Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var request = await WebTestApp.ReadAsync<RemovalRequestView>(await client.GetAsync($"/api/v1/requests/{drafted.RequestId}", Ct));
        Assert.Equal((RequestStatus.Acknowledged, "XR-1234", repliedAt.UtcDateTime), (request.Status, request.PlatformRequestNumber, request.AcknowledgedAtUtc));

        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox", WebTestApp.Json, Ct);
        Assert.Equal("Unrelated", Assert.Single(inbox.EnumerateArray()).GetProperty("subject").GetString());
        var dismissed = await client.PostAsync($"/api/v1/inbox/{inbox[0].GetProperty("id").GetGuid()}/dismissal", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox", WebTestApp.Json, Ct)).EnumerateArray());
    }

    private static async Task<int> CountAsync(WebTestApp app, Func<TakedownDeskDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
    }
}
