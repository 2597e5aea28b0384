using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>The shared key ring in the database is sealed, and every form a signed-in page renders can actually be posted.</summary>
public sealed partial class KeyRingAndFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_sealed_under_the_master_key()
    {
        await using var app = new WebTestApp();
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        await app.SignInAsync(app.BrowserClient(), user);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync(Ct);

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("<sealedKey masterKeyId=\"", key.Xml, StringComparison.Ordinal);
            // The plaintext key element of ASP.NET Core's XML format would sit inside <masterKey><value>.
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Every_post_form_on_every_page_a_staff_member_opens_carries_an_antiforgery_token()
    {
        await using var app = new WebTestApp();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var (api, _) = await app.TokenClientAsync(admin);
        var opened = await ApiFlows.OpenCaseAsync(api, app.Time.GetUtcNow());
        var detail = await WebTestApp.ReadAsync<CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.Id])), Ct));
        var ids = new Dictionary<string, string> { ["/Cases/Detail"] = opened.CaseId.ToString(), ["/Requests/Detail"] = drafted.RequestId.ToString(), ["/Admin/PlatformEdit"] = location.PlatformId.Value.ToString() };
        var client = app.BrowserClient();
        await app.SignInAsync(client, admin);
        var pages = SecurityKit.Endpoints(app)
            .Where(e => e.IsPage && e.Methods.Contains("GET") && (!e.Pattern.Contains('{', StringComparison.Ordinal) || ids.ContainsKey(e.PagePath!)))
            .Select(e => SecurityKit.Fill(e.Pattern, ids.TryGetValue(e.PagePath!, out var id) ? new Dictionary<string, string> { ["id"] = id } : null))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/", pages);
        Assert.Contains($"/Cases/{opened.CaseId}", pages);

        var failures = new List<string>();
        var checkedPages = new List<string>();
        foreach (var page in pages)
        {
            // Pages that redirect a signed-in staff member (sign-in, enrolment) render no form for them.
            var response = await client.GetAsync(page, Ct);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                continue;
            }

            checkedPages.Add(page);
            var html = await response.Content.ReadAsStringAsync(Ct);
            failures.AddRange(PostForms().Matches(html)
                .Where(form => !form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                .Select(form => $"{page}: {form.Value[..Math.Min(120, form.Value.Length)]}"));
        }

        Assert.Contains($"/Cases/{opened.CaseId}", checkedPages);
        Assert.Contains($"/Requests/{drafted.RequestId}", checkedPages);
        Assert.True(failures.Count == 0, "forms without an antiforgery token:\n" + string.Join("\n", failures));
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForms();
}
