using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Victims;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>Case work after intake through the API: the person's details, a release for named platforms.</summary>
public sealed class CaseworkApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_persons_details_are_replaced_with_a_put_and_a_stale_stamp_or_a_blank_pseudonym_is_a_problem()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        var stamp = (await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct))).Victim.ConcurrencyStamp;
        var body = new
        {
            pseudonym = "Wren-3",
            legalName = "Jo Example",
            contactChannels = new[] { new { kind = "Phone", value = "+1 555 0100", safeToContact = false, safetyNote = "Texts only" } },
            expectedConcurrencyStamp = stamp,
        };

        var saved = await client.PutAsync($"/api/v1/cases/{opened.CaseId}/victim", WebTestApp.Body(body), Ct);
        var stale = await client.PutAsync($"/api/v1/cases/{opened.CaseId}/victim", WebTestApp.Body(body), Ct);
        var blank = await client.PutAsync($"/api/v1/cases/{opened.CaseId}/victim", WebTestApp.Body(new { pseudonym = " " }), Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (saved.StatusCode, stale.StatusCode, blank.StatusCode));
        Assert.Contains("Pseudonym", await blank.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var details = await WebTestApp.ReadAsync<ConfidentialDetailsView>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}/confidential", Ct));
        Assert.Equal("Jo Example", details.LegalName);
        Assert.Equal(new ContactChannelView(ContactChannelKind.Phone, "+1 555 0100", false, "Texts only"), Assert.Single(details.ContactChannels));
        Assert.Equal("Wren-3", (await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct))).Victim.Pseudonym);
    }

    [Fact]
    public async Task An_unmatched_location_is_assigned_to_a_platform_through_the_api_and_a_matched_one_is_a_422()
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(client, app.Time.GetUtcNow());
        await client.PostAsync($"/api/v1/cases/{opened.CaseId}/locations", WebTestApp.Body(new { pastedUrls = "https://unknown-host.example/page?id=7" }), Ct);
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var locations = detail.LocationsByPlatform.SelectMany(g => g.Locations).ToList();
        var matched = locations.First(l => l.PlatformId is not null);
        var unmatched = locations.First(l => l.PlatformId is null);

        var assigned = await client.PostAsync($"/api/v1/cases/{opened.CaseId}/locations/{unmatched.Id}/platform", WebTestApp.Body(new { platformId = matched.PlatformId }), Ct);
        var refused = await client.PostAsync($"/api/v1/cases/{opened.CaseId}/locations/{matched.Id}/platform", WebTestApp.Body(new { platformId = matched.PlatformId }), Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.UnprocessableEntity), (assigned.StatusCode, refused.StatusCode));
        var after = await WebTestApp.ReadAsync<CaseDetail>(await client.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        Assert.DoesNotContain(after.LocationsByPlatform, g => g.PlatformId is null);
        Assert.Contains(after.LocationsByPlatform.Single(g => g.PlatformId == matched.PlatformId).Locations, l => l.Id == unmatched.Id);
    }

    [Fact]
    public async Task A_coworker_added_through_the_api_opens_the_case_and_once_removed_gets_404()
    {
        await using var app = new WebTestApp();
        var (owner, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var coworkerUser = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (coworker, _) = await app.TokenClientAsync(coworkerUser);
        var opened = await ApiFlows.OpenCaseAsync(owner, app.Time.GetUtcNow());

        var before = await coworker.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct);
        var added = await owner.PostAsync($"/api/v1/cases/{opened.CaseId}/coworkers", WebTestApp.Body(new { staffId = coworkerUser.Id }), Ct);
        var during = await coworker.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct);
        var byCoworker = await coworker.PostAsync($"/api/v1/cases/{opened.CaseId}/coworkers", WebTestApp.Body(new { staffId = coworkerUser.Id }), Ct);
        var removed = await owner.DeleteAsync($"/api/v1/cases/{opened.CaseId}/coworkers/{coworkerUser.Id}", Ct);
        var after = await coworker.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NoContent, HttpStatusCode.NotFound),
            (before.StatusCode, added.StatusCode, during.StatusCode, byCoworker.StatusCode, removed.StatusCode, after.StatusCode));
        var line = Assert.Single((await WebTestApp.ReadAsync<CaseDetail>(await owner.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct))).Coworkers);
        Assert.Equal((coworkerUser.Id, false), (line.StaffId, line.Active));
    }
}
