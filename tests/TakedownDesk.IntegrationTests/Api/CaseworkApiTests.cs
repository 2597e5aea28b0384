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
}
