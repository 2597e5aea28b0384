using System.Net;
using System.Text.RegularExpressions;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The platform's process on the request page, the page per platform and the administrators' structured edit form, through the real host.</summary>
public sealed partial class PlatformPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_request_page_shows_the_platforms_process_and_the_submission_form_offers_its_designated_web_form()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(user);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync("/api/v1/requests", WebTestApp.Body(
            new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var path = $"/Requests/{drafted.RequestId}";

        var draft = WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));

        var panel = Section().Match(draft).Value;
        Assert.Contains("How to send it to X (formerly Twitter)", panel, StringComparison.Ordinal);
        Assert.Contains("<a class=\"channel-link\" href=\"https://help.x.com/forms/safety-and-sensitive-content/take-it-down\" target=\"_blank\" rel=\"noopener noreferrer\">", panel, StringComparison.Ordinal);
        Assert.Contains("<strong>Report in the app</strong>", panel, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"steps\">", panel, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Platforms/{location.PlatformId}\"", panel, StringComparison.Ordinal);
        Assert.Contains("Covered by the Act", panel, StringComparison.Ordinal);
        Assert.Matches("name=\"Elements.SignatureSignedName\" value=\"[^\"]+ tester\"", draft);
        Assert.Matches("name=\"Elements.ContactEmail\" value=\"[^\"]+@", draft);
        Assert.Contains("id=\"vetted-statements\"", draft, StringComparison.Ordinal);
        Assert.Contains("is a digital forgery", draft, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebTestApp.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["Elements.SignatureSignedName"] = "Alex Advocate",
            ["Elements.SignatureCapacity"] = "1",
            ["Elements.SignatureAuthorityBasis"] = "Written release",
            ["Elements.GoodFaithStatement"] = "I have a good-faith belief that this depiction was published without consent.",
            ["Elements.ContactName"] = "Alex Advocate",
            ["Elements.ContactEmail"] = "advocate@helpline.example",
        }, handler: "Elements")).StatusCode);
        var ready = WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));
        Assert.Matches("<option (selected=\"selected\" value=\"0\"|value=\"0\" selected=\"selected\")>Web form</option>", ready);
        Assert.Contains("value=\"https://help.x.com/forms/safety-and-sensitive-content/take-it-down\"", ready, StringComparison.Ordinal);
        Assert.Contains("Designated channels: Report in the app, Web form https://help.x.com/", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_platform_has_a_page_in_words_linked_from_the_directory_with_its_warnings()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var client = app.BrowserClient();
        await app.SignInAsync(client, user);
        var directory = WebUtility.HtmlDecode(await client.GetStringAsync("/Platforms", Ct));
        var cloudflare = Guid.Parse(DirectoryLink().Match(directory, directory.IndexOf(">Cloudflare<", StringComparison.Ordinal) - 60).Groups[1].Value);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Platforms/{cloudflare}", Ct));

        Assert.Contains("Content delivery network", directory, StringComparison.Ordinal);
        Assert.Contains("<h1>Cloudflare <span class=\"hint\">· Content delivery network</span></h1>", page, StringComparison.Ordinal);
        Assert.Contains("Lumen archive", page, StringComparison.Ordinal);
        Assert.Contains("Not yet known", page, StringComparison.Ordinal);
        Assert.Contains("CDN in front of many sites", page, StringComparison.Ordinal);
        Assert.Contains("not the designated Take It Down Act process", page, StringComparison.Ordinal);
        Assert.Contains("pages.dev", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit-platform\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Platforms/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_api_gives_a_platforms_process_and_an_unknown_platform_as_problem_details()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker), AccessTokenScope.ReadOnly);
        var x = (await WebTestApp.ReadAsync<List<PlatformListItem>>(await api.GetAsync("/api/v1/platforms", Ct))).Single(p => p.Slug == "x");

        var process = await WebTestApp.ReadAsync<PlatformProcess>(await api.GetAsync($"/api/v1/platforms/{x.Id}/process", Ct));
        var missing = await api.GetAsync($"/api/v1/platforms/{Guid.NewGuid()}/process", Ct);

        Assert.True(process.Designated);
        Assert.Contains(process.Channels, c => c.Target == "https://help.x.com/forms/safety-and-sensitive-content/take-it-down" && c.Steps.Count == 1);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_administrator_edits_a_platform_with_the_structured_form_adds_a_channel_row_and_a_refused_save_keeps_what_was_typed()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var (api, _) = await app.TokenClientAsync(admin);
        var discord = (await WebTestApp.ReadAsync<List<PlatformListItem>>(await api.GetAsync("/api/v1/platforms", Ct))).Single(p => p.Slug == "discord");
        var before = await WebTestApp.ReadAsync<PlatformView>(await api.GetAsync($"/api/v1/platforms/{discord.Id}", Ct));
        var client = app.BrowserClient();
        await app.SignInAsync(client, admin);
        var path = $"/Admin/Platforms/Edit/{discord.Id}";

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));
        Assert.Contains("name=\"Form.Name\" value=\"Discord\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"https://discord.com/report\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Channels[2].Target\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Channels[3].Target\"", form, StringComparison.Ordinal);

        var typed = Typed(before.ConcurrencyStamp, name: string.Empty, target: "discord.com/report", receipt: "Typed receipt, kept");
        var added = await WebTestApp.PostFormAsync(client, path, typed, handler: "AddChannel");
        var withRow = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("name=\"Form.Channels[3].Target\"", withRow, StringComparison.Ordinal);
        Assert.Contains("Typed receipt, kept", withRow, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"error-summary\"", withRow, StringComparison.Ordinal);

        var refused = await WebTestApp.PostFormAsync(client, path, typed);
        var shown = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was saved", shown, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Form.Name\"[^>]*>Enter the platform's name.<", shown);
        Assert.Matches("data-valmsg-for=\"Form.Channels\\[0\\].Target\"[^>]*>Enter the web form's full address, starting with https://", shown);
        Assert.Contains("<a href=\"#Form_Channels_0__Target\">", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"discord.com/report\"", shown, StringComparison.Ordinal);
        Assert.Contains("Typed receipt, kept", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Entry.", shown, StringComparison.Ordinal);

        var saved = await WebTestApp.PostFormAsync(client, path, Typed(before.ConcurrencyStamp, name: "Discord", target: "https://discord.com/report", receipt: "E-mail status updates."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Platforms/{discord.Id}", saved.Headers.Location!.OriginalString);
        var after = await WebTestApp.ReadAsync<PlatformView>(await api.GetAsync($"/api/v1/platforms/{discord.Id}", Ct));
        Assert.Equal(["Reports go to a team outside the United States."], after.Entry.Warnings);
        Assert.Equal(2, after.Entry.Channels.Count);
        Assert.Equal(before.Entry.EscalationPath!.Count, after.Entry.EscalationPath!.Count);
        Assert.Equal(["discord.com", "discord.gg"], after.Entry.Domains);
    }

    /// <summary>The edit form as a browser posts it: the Discord entry with a second channel, a blank third row and the given values.</summary>
    private static Dictionary<string, string> Typed(Guid stamp, string name, string target, string receipt) => new()
    {
        ["Form.Slug"] = "discord",
        ["Form.Name"] = name,
        ["Form.Kind"] = "0",
        ["Form.Domains"] = "discord.com\nwww.discord.gg\n",
        ["Form.Coverage"] = "1",
        ["Form.CoverageNote"] = string.Empty,
        ["Form.Channels[0].Kind"] = "0",
        ["Form.Channels[0].Target"] = target,
        ["Form.Channels[0].Instructions"] = "Choose the report type.\nAttach the message links.",
        ["Form.Channels[0].Designated"] = "true",
        ["Form.Channels[1].Kind"] = "1",
        ["Form.Channels[1].Target"] = "abuse@discord.example",
        ["Form.Channels[1].Instructions"] = string.Empty,
        ["Form.Channels[1].Designated"] = "false",
        ["Form.Channels[2].Kind"] = "0",
        ["Form.Channels[2].Target"] = string.Empty,
        ["Form.Channels[2].Instructions"] = string.Empty,
        ["Form.Channels[2].Designated"] = "false",
        ["Form.AsksFor"] = "legal name\nmessage links",
        ["Form.Receipt"] = receipt,
        ["Form.Warnings"] = "Reports go to a team outside the United States.",
        ["Form.Notes"] = string.Empty,
        ["Form.Source"] = "platform page: support.discord.com",
        ["Form.ExpectedConcurrencyStamp"] = stamp.ToString(),
    };

    [GeneratedRegex("<section aria-labelledby=\"process-heading\"[\\s\\S]*?</section>")]
    private static partial Regex Section();

    [GeneratedRegex("href=\"/Platforms/([0-9a-f-]{36})\"")]
    private static partial Regex DirectoryLink();
}
