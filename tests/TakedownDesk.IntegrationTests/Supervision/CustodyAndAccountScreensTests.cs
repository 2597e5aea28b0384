using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Supervision;

/// <summary>
/// Issue #13: the screens for what existed only in code — a case's legal hold, access history and erasure for
/// supervisors; unlocking, resetting second factors and disabling accounts for administrators.
/// </summary>
public sealed class CustodyAndAccountScreensTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_sees_who_opened_the_case_and_erases_the_victim_only_after_typing_the_reference()
    {
        await using var app = new WebTestApp();
        var (caseId, reference) = await OpenCaseAsync(app);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, supervisor);
        var page = $"/Supervision/Cases/{caseId}";

        var custody = await browser.GetStringAsync(page, Ct);
        Assert.Contains($"Case {reference}: hold, access and erasure", custody, StringComparison.Ordinal);
        Assert.Contains("<td>caseworker tester</td>", custody, StringComparison.Ordinal);
        Assert.Contains("Open case", custody, StringComparison.Ordinal);

        var mistyped = await WebTestApp.PostFormAsync(browser, page, new Dictionary<string, string> { ["TypedReference"] = reference + "9" }, handler: "Erase");
        Assert.Contains($"Type the case reference {reference} to confirm the erasure. Nothing was erased.", WebUtility.HtmlDecode(await mistyped.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(1, await CaseCountAsync(app));

        var erased = await WebTestApp.PostFormAsync(browser, page, new Dictionary<string, string> { ["TypedReference"] = reference.ToLowerInvariant() }, handler: "Erase");
        Assert.Contains("Victim erased", await erased.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CaseCountAsync(app));
    }

    [Fact]
    public async Task A_legal_hold_set_on_the_screen_refuses_erasure_until_it_is_lifted()
    {
        await using var app = new WebTestApp();
        var (caseId, reference) = await OpenCaseAsync(app);
        var supervisor = await app.CreateUserAsync(StaffRoles.Supervisor);
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, supervisor);
        var page = $"/Supervision/Cases/{caseId}";

        var held = await WebTestApp.PostFormAsync(browser, page, new Dictionary<string, string> { ["onHold"] = "true" }, handler: "Hold");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var onHold = await browser.GetStringAsync(page, Ct);
        Assert.Contains("The case is on legal hold", onHold, StringComparison.Ordinal);
        Assert.Contains("lift the hold first", onHold, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase the victim</button>", onHold, StringComparison.Ordinal);

        // A crafted post gets the rule's answer, and nothing is erased.
        var refused = await WebTestApp.PostFormAsync(browser, page, new Dictionary<string, string> { ["TypedReference"] = reference }, handler: "Erase");
        Assert.Contains("legal hold", await refused.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await CaseCountAsync(app));

        await WebTestApp.PostFormAsync(browser, page, new Dictionary<string, string> { ["onHold"] = "false" }, handler: "Hold");
        Assert.Contains("Erase the victim</button>", await browser.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_cannot_open_the_custody_screen_even_for_their_own_case()
    {
        await using var app = new WebTestApp();
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker, email: "owner@helpline.example");
        var (api, _) = await app.TokenClientAsync(caseworker);
        var opened = await WebTestApp.ReadAsync<OpenCaseResult>(await api.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow())), Ct));
        var browser = app.BrowserClient();
        await app.SignInAsync(browser, caseworker);

        var custody = await browser.GetAsync($"/Supervision/Cases/{opened.CaseId}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, custody.StatusCode);
        Assert.StartsWith("/Account/Denied", custody.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("custody-link", await browser.GetStringAsync($"/Cases/{opened.CaseId}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_unlocks_an_account_and_resets_its_second_factors_which_ends_its_sessions()
    {
        await using var app = new WebTestApp();
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var administrator = await app.CreateUserAsync(StaffRoles.Administrator);
        var theirs = app.BrowserClient();
        await app.SignInAsync(theirs, caseworker);
        var admin = app.BrowserClient();
        await app.SignInAsync(admin, administrator);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), caseworker.Email, "wrong-guess-" + attempt);
        }

        Assert.Contains("Locked after failed sign-ins", await admin.GetStringAsync("/Admin/Staff", Ct), StringComparison.Ordinal);
        await WebTestApp.PostFormAsync(admin, "/Admin/Staff", new Dictionary<string, string> { ["StaffId"] = caseworker.Id }, handler: "Unlock");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(caseworker.Id))!;
            Assert.Equal((false, 0), (await users.IsLockedOutAsync(stored), await users.GetAccessFailedCountAsync(stored)));
        }

        var reset = await WebTestApp.PostFormAsync(admin, "/Admin/Staff", new Dictionary<string, string> { ["StaffId"] = caseworker.Id }, handler: "ResetSecondFactors");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("They enrol a new authenticator at their next sign-in", await admin.GetStringAsync("/Admin/Staff", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await theirs.GetAsync("/api/v1/cases", Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(caseworker.Id))!;
            Assert.False(await users.GetTwoFactorEnabledAsync(stored));
            Assert.NotEqual(caseworker.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(stored));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(stored));
        }

        var signIn = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), caseworker.Email, WebTestApp.Password);
        Assert.StartsWith("/Account/Enrol", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_disables_an_account_from_the_staff_page_but_not_their_own()
    {
        await using var app = new WebTestApp();
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker);
        var administrator = await app.CreateUserAsync(StaffRoles.Administrator);
        var admin = app.BrowserClient();
        await app.SignInAsync(admin, administrator);

        var own = await WebTestApp.PostFormAsync(admin, "/Admin/Staff", new Dictionary<string, string> { ["StaffId"] = administrator.Id }, handler: "Disable");
        Assert.Contains("You cannot disable your own account", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        await WebTestApp.PostFormAsync(admin, "/Admin/Staff", new Dictionary<string, string> { ["StaffId"] = caseworker.Id }, handler: "Disable");

        var staffPage = await admin.GetStringAsync("/Admin/Staff", Ct);
        Assert.Contains("The account is disabled", staffPage, StringComparison.Ordinal);
        Assert.Contains("Disabled", staffPage, StringComparison.Ordinal);
        var signIn = await WebTestApp.SubmitPasswordAsync(app.BrowserClient(), caseworker.Email, WebTestApp.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private static async Task<(Guid CaseId, string Reference)> OpenCaseAsync(WebTestApp app)
    {
        var caseworker = await app.CreateUserAsync(StaffRoles.Caseworker, email: "owner@helpline.example");
        var (api, _) = await app.TokenClientAsync(caseworker);
        var opened = await WebTestApp.ReadAsync<OpenCaseResult>(await api.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(app.Time.GetUtcNow())), Ct));
        return (opened.CaseId, opened.Reference);
    }

    private static async Task<int> CaseCountAsync(WebTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().Cases.CountAsync(Ct);
    }
}
