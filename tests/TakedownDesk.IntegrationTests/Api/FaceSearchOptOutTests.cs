using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>A face-search opt-out: the directory names the main engines (unverified, dated), the request takes its own fields and gets a follow-up date, never a deadline.</summary>
public sealed class FaceSearchOptOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_directory_names_the_main_face_search_engines_unverified_and_dated_with_nothing_claimed_as_checked()
    {
        await using var app = new WebTestApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITakedownDeskDb>();

        var engines = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.FaceSearchEngine).OrderBy(p => p.Slug).ToListAsync(Ct);

        Assert.Equal(["facecheck-id", "lenso-ai", "pimeyes"], engines.Select(e => e.Slug));
        Assert.All(engines, e => Assert.Equal(Verification.Unverified, e.Verification));
        Assert.All(engines, e => Assert.Equal(new DateOnly(2026, 12, 4), e.LastCheckedOn));
        Assert.All(engines, e => Assert.Contains("nothing checked on the service's own page", e.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_face_search_opt_out_is_completed_with_its_own_fields_submitted_and_given_a_follow_up_date_and_no_deadline()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var pimEyes = (await WebTestApp.ReadAsync<List<Application.Features.Platforms.PlatformListItem>>(await api.GetAsync("/api/v1/platforms", Ct))).Single(p => p.Slug == "pimeyes");
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, pimEyes.Id, RequestKind.FaceSearchOptOut, [location.LocationId])), Ct));
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var form = await client.GetStringAsync($"/Requests/{drafted.RequestId}", Ct);
        var completed = await WebTestApp.ReadAsync<ValidityCheck>(await api.PostAsync(
            $"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow(), RequestKind.FaceSearchOptOut)), Ct));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(
            $"/api/v1/requests/{drafted.RequestId}/submission", WebTestApp.Body(new { Channel = ChannelKind.WebForm, WhyDesignated = "The engine's own opt-out form" }), Ct)).StatusCode);
        var view = await WebTestApp.ReadAsync<RemovalRequestView>(await api.GetAsync($"/api/v1/requests/{drafted.RequestId}", Ct));

        Assert.Contains("name=\"Elements.FaceSearchOptOutRemoval\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Elements.FaceSearchOptOutResultReferences\"", form, StringComparison.Ordinal);
        Assert.Empty(completed.Missing);
        Assert.Equal(Samples.FieldsOf(RequestKind.FaceSearchOptOut).FaceSearchOptOut, view.FaceSearchOptOut);
        Assert.Null(view.DeadlineAtUtc);
        Assert.NotNull(view.FollowUpOnUtc);
        Assert.True(view.FollowUpOnUtc > view.Submission!.SubmittedAtUtc);
    }
}
