using System.Net;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Domain.Cases;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The server-rendered pages through the real host: errors beside fields, nothing typed lost, per-case and per-role access.</summary>
public sealed class PageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_case_with_errors_is_shown_again_with_each_error_beside_its_field_and_everything_typed_kept()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var response = await WebTestApp.PostFormAsync(client, "/Cases/New", new Dictionary<string, string>
        {
            ["Input.Pseudonym"] = string.Empty,
            ["Input.LegalName"] = "Typed Legal Name",
            ["Input.Release.SignedBy"] = string.Empty,
            ["Input.Release.Capacity"] = "0",
            ["Input.Release.Method"] = "1",
            ["Input.Release.SignedAt"] = "2026-11-20",
            ["Input.Release.ExpiresAt"] = "2027-05-20",
            ["Input.Release.AllPlatforms"] = "true",
            ["Input.Release.Disclosable"] = "LegalName",
            ["Input.Incident.Kind"] = "1",
            ["Input.Incident.DiscoveredAt"] = "2026-11-20T09:30",
            ["Input.PastedUrls"] = "https://x.com/kept/status/1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Matches("data-valmsg-for=\"Input.Pseudonym\"[^>]*>[^<]+<", html);
        Assert.Matches("data-valmsg-for=\"Input.Release.SignedBy\"[^>]*>[^<]+<", html);
        Assert.Contains("value=\"Typed Legal Name\"", html, StringComparison.Ordinal);
        Assert.Contains("https://x.com/kept/status/1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_caseworkers_case_page_is_not_found_and_admin_pages_need_the_administrator_role()
    {
        await using var app = new WebTestApp();
        var (owner, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await ApiFlows.OpenCaseAsync(owner, app.Time.GetUtcNow());
        var other = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, other);

        var page = await client.GetAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("not assigned to you", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.Pseudonym, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var path in new[] { "/Admin/Staff", "/Admin/Platforms/Import", "/Admin/Platforms/Edit" })
        {
            var admin = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith("/Account/Denied", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Platforms", Ct)).StatusCode);
        var reference = await client.GetAsync("/scalar/", Ct);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("Scalar", await reference.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_a_staff_member_from_the_staff_page()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var client = app.BrowserClient();
        await app.SignInAsync(client, admin);

        var response = await WebTestApp.PostFormAsync(client, "/Admin/Staff", new Dictionary<string, string>
        {
            ["Input.Email"] = "jo@helpline.example",
            ["Input.DisplayName"] = "Jo",
            ["Input.Role"] = StaffRoles.Supervisor,
            ["Input.TimeZoneId"] = "America/Chicago",
            ["Input.Password"] = "Another-long-passw0rd",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Created jo@helpline.example as supervisor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_an_incident_on_the_case_page_adds_it_to_the_timeline_and_a_bad_release_keeps_the_form()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var incident = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string>
        {
            ["Incident.Kind"] = "2",
            ["Incident.DiscoveredAt"] = "2026-11-20T08:00",
            ["Incident.Description"] = "Threat received by text message",
        }, handler: "Incident");
        Assert.Equal(HttpStatusCode.Redirect, incident.StatusCode);
        var page = await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains("Threat received by text message", page, StringComparison.Ordinal);

        var release = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string>
        {
            ["Release.SignedBy"] = "Typed Signer",
            ["Release.Capacity"] = "0",
            ["Release.SignedAt"] = "2026-11-20",
            ["Release.ExpiresAt"] = "2026-11-01",
            ["Release.Disclosable"] = "LegalName",
        }, handler: "Release");
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        var html = WebUtility.HtmlDecode(await release.Content.ReadAsStringAsync(Ct));
        Assert.Contains("must expire after it was signed", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed Signer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_handed_to_a_colleague_from_the_case_page_stays_open_to_the_previous_caseworker_until_the_colleague_removes_them()
    {
        await using var app = new WebTestApp();
        var first = await app.CreateUserAsync(StaffRoles.Caseworker);
        var colleague = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(first);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var client = app.BrowserClient();
        await app.SignInAsync(client, first);

        var page = await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains($"<option value=\"{colleague.Id}\">", page, StringComparison.Ordinal);
        var handed = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string> { ["StaffId"] = colleague.Id }, handler: "Assign");

        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Contains("Previous caseworker, during the handover", WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases/{opened.CaseId}", Ct)), StringComparison.Ordinal);
        var theirs = app.BrowserClient();
        await app.SignInAsync(theirs, colleague);
        var theirPage = await theirs.GetStringAsync($"/Cases/{opened.CaseId}", Ct);
        Assert.Contains($"<option value=\"{colleague.Id}\" selected=\"selected\">", theirPage, StringComparison.Ordinal);
        var removed = await WebTestApp.PostFormAsync(theirs, $"/Cases/{opened.CaseId}", new Dictionary<string, string> { ["staffId"] = first.Id }, handler: "RemoveCoworker");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/{opened.CaseId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_location_check_is_recorded_from_the_case_page_and_one_without_a_reason_is_refused_readably()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First();
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var refused = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string> { ["locationId"] = location.Id.ToString(), ["status"] = "2", ["reason"] = " " }, handler: "LocationStatus");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must not be empty", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var recorded = await WebTestApp.PostFormAsync(client, $"/Cases/{opened.CaseId}", new Dictionary<string, string> { ["locationId"] = location.Id.ToString(), ["status"] = "2", ["reason"] = "Checked: the post shows as deleted" }, handler: "LocationStatus");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var after = await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        Assert.Equal(LocationStatus.Removed, after.LocationsByPlatform.SelectMany(p => p.Locations).Single(l => l.Id == location.Id).Status);
    }

    [Fact]
    public async Task The_request_page_records_acknowledgment_and_outcome_and_a_dispute_leads_to_a_resubmission()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<Application.Features.Requests.DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new Application.Features.Requests.DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, Domain.Requests.RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var path = $"/Requests/{drafted.RequestId}";

        var elements = await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Elements.SignatureSignedName"] = "Alex Advocate",
            ["Elements.SignatureCapacity"] = "1",
            ["Elements.SignatureAuthorityBasis"] = "Written release",
            ["Elements.GoodFaithStatement"] = "I have a good-faith belief that this depiction was published without consent.",
            ["Elements.ContactName"] = "Alex Advocate",
            ["Elements.ContactEmail"] = "not-an-email",
        }, handler: "Elements");
        Assert.Equal(HttpStatusCode.OK, elements.StatusCode);
        var html = WebUtility.HtmlDecode(await elements.Content.ReadAsStringAsync(Ct));
        Assert.Matches("data-valmsg-for=\"Elements.ContactEmail\"[^>]*>[^<]+<", html);
        Assert.Contains("value=\"Alex Advocate\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Elements.SignatureSignedName"] = "Alex Advocate",
            ["Elements.SignatureCapacity"] = "1",
            ["Elements.SignatureAuthorityBasis"] = "Written release",
            ["Elements.GoodFaithStatement"] = "I have a good-faith belief that this depiction was published without consent.",
            ["Elements.ContactName"] = "Alex Advocate",
            ["Elements.ContactEmail"] = "advocate@helpline.example",
        }, handler: "Elements")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Submission.Channel"] = "0",
            ["Submission.WhyDesignated"] = "The platform's published form",
            ["Submission.Confirmed"] = "true",
        }, handler: "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Acknowledgment.PlatformRequestNumber"] = "TID-555",
            ["Acknowledgment.AcknowledgedAt"] = "2026-11-20T10:00",
        }, handler: "Acknowledge")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Dispute.Reason"] = "The platform asks for a photo ID",
        }, handler: "Dispute")).StatusCode);

        var resubmitted = await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>(), handler: "Resubmit");
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var next = await client.GetStringAsync(resubmitted.Headers.Location, Ct);
        Assert.Contains("-R2", next, StringComparison.Ordinal);
        Assert.Contains("Resubmission of", next, StringComparison.Ordinal);
        var first = await client.GetStringAsync(path, Ct);
        Assert.Contains("TID-555", first, StringComparison.Ordinal);
        Assert.Contains("Validity disputed", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_are_recorded_per_location_from_the_request_page()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<Application.Features.Requests.DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new Application.Features.Requests.DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, Domain.Requests.RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())), Ct);
        await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/submission", WebTestApp.Body(Samples.Submit(drafted.RequestId)), Ct);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);

        var outcome = await WebTestApp.PostFormAsync(client, $"/Requests/{drafted.RequestId}", new Dictionary<string, string>
        {
            ["LocationId"] = location.LocationId.ToString(),
            ["Outcome"] = "Removed",
        }, handler: "Outcome");

        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        var page = await client.GetStringAsync($"/Requests/{drafted.RequestId}", Ct);
        Assert.Contains("Resolved", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_submission_needs_a_confirmation_and_takes_the_time_it_was_sent()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<Application.Features.Requests.DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new Application.Features.Requests.DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, Domain.Requests.RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        await api.PostAsync($"/api/v1/requests/{drafted.RequestId}/elements", WebTestApp.Body(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow())), Ct);
        app.Time.Advance(TimeSpan.FromHours(3));
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var path = $"/Requests/{drafted.RequestId}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        string Local(TimeSpan ago) => TimeZoneInfo.ConvertTimeFromUtc(app.Time.GetUtcNow().UtcDateTime - ago, zone).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(string sentAt, bool confirmed) => new()
        {
            ["Submission.Channel"] = "0",
            ["Submission.WhyDesignated"] = "The platform's published form",
            ["Submission.SubmittedAt"] = sentAt,
            ["Submission.Confirmed"] = confirmed ? "true" : "false",
        };

        var unconfirmed = await WebTestApp.PostFormAsync(client, path, Form(Local(TimeSpan.FromHours(1)), confirmed: false), handler: "Submit");
        var future = await WebTestApp.PostFormAsync(client, path, Form(Local(TimeSpan.FromHours(-2)), confirmed: true), handler: "Submit");
        var beforeRelease = await WebTestApp.PostFormAsync(client, path, Form(Local(TimeSpan.FromDays(30)), confirmed: true), handler: "Submit");

        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("That time is in the future.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("No release in force covers this platform", WebUtility.HtmlDecode(await beforeRelease.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal("Ready", await StatusAsync(api, drafted.RequestId));

        var sentAt = app.Time.GetUtcNow().UtcDateTime.AddHours(-1);
        var recorded = await WebTestApp.PostFormAsync(client, path, Form(Local(TimeSpan.FromHours(1)), confirmed: true), handler: "Submit");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        using var view = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/api/v1/requests/{drafted.RequestId}", Ct));
        var submittedAt = view.RootElement.GetProperty("submission").GetProperty("submittedAt").GetDateTime().ToUniversalTime();
        var minute = new DateTime(sentAt.Ticks - (sentAt.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        Assert.Equal(minute, submittedAt);
        Assert.Equal(minute.AddHours(48), view.RootElement.GetProperty("deadlineAt").GetDateTime().ToUniversalTime());
    }

    private static async Task<string> StatusAsync(HttpClient api, Guid requestId)
    {
        using var view = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/api/v1/requests/{requestId}", Ct));
        return view.RootElement.GetProperty("status").GetString()!;
    }
}
