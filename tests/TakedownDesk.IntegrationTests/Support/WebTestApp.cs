using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Api.Contract;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>The real web host (same Program, same pipeline) on a fresh SQLite file, with a fake clock.</summary>
/// <param name="settings">Extra configuration (e.g. an SMTP server, scheduling off), applied after the defaults.</param>
/// <param name="configure">Service replacements, applied after the host's registration.</param>
public sealed partial class WebTestApp(IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configure = null) : WebApplicationFactory<Program>
{
    public const string Password = "Correct-horse-battery-9";

    /// <summary>The API's own JSON settings, so that what a test sends and reads is named as a client would see it.</summary>
    public static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly ConcurrentDictionary<string, ApiContractCheck> ContractChecks = new(StringComparer.Ordinal);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "takedowndesk-tests", "web-" + Guid.NewGuid().ToString("N"));

    private readonly ApiResponseRecorder recorder = new();

    public FakeTimeProvider Time { get; } = new(TestApp.Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "app.db")};Default Timeout=30");
        builder.UseSetting(DataDirectory.Key, folder);
        // The sample URLs are real sites: no test asks them unless it runs its own server and turns checks on.
        builder.UseSetting("LocationChecks:Enabled", "false");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            services.AddSingleton<IStartupFilter>(recorder);
            configure?.Invoke(services);
        });
    }

    /// <summary>Creates a staff member straight through UserManager, with an authenticator already enrolled unless told otherwise.</summary>
    public async Task<TestUser> CreateUserAsync(string role, bool enrolled = true, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        email ??= $"{role}-{Guid.NewGuid():N}@helpline.example";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role + " tester", TimeZoneId = "America/New_York", LockoutEnabled = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (enrolled)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, email, key);
    }

    /// <summary>A client authenticated with a new personal access token of the user.</summary>
    public async Task<(HttpClient Client, CreatedAccessToken Token)> TokenClientAsync(TestUser user, AccessTokenScope tokenScope = AccessTokenScope.ReadWrite)
    {
        await using var scope = Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IStaffAccounts>();
        var token = await directory.CreateTokenAsync(user.Id, "tests", tokenScope, Time.GetUtcNow().UtcDateTime.AddDays(30), CancellationToken.None);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return (client, token);
    }

    public async Task<int> AccessFailedCountAsync(TestUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetAccessFailedCountAsync(await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException(user.Id));
    }

    public HttpClient BrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public string CurrentCode(TestUser user) => Totp.Code(user.AuthenticatorKey!, Totp.TimeStepAt(Time.GetUtcNow()));

    /// <summary>Posts a page's form with the antiforgery token the page carries; <c>postTo</c> names the target when it is not the page itself (e.g. the layout's sign-out form).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? handler = null, string? postTo = null)
    {
        var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var target = postTo ?? path;
        return await client.PostAsync(handler is null ? target : $"{target}?handler={handler}", new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SubmitPasswordAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, TestUser user)
    {
        var password = await SubmitPasswordAsync(client, user.Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        return await PostFormAsync(client, "/Account/Verify", new Dictionary<string, string> { ["Code"] = CurrentCode(user) });
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static JsonContent Body(object value) => JsonContent.Create(value, options: Json);

    /// <summary>Every answer the API gave in this host, checked against the OpenAPI document before the host stops.</summary>
    public override async ValueTask DisposeAsync()
    {
        var disagreements = recorder.Observations.Count == 0 ? [] : await ContractDisagreementsAsync();
        await base.DisposeAsync();
        Assert.True(disagreements.Count == 0, "The API answered otherwise than its OpenAPI document says:\n" + string.Join('\n', disagreements));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file on some platforms; the temp folder is cleaned by the OS.
        }
    }

    private async Task<List<string>> ContractDisagreementsAsync()
    {
        var observed = recorder.Observations.ToList();
        var (client, _) = await TokenClientAsync(await CreateUserAsync(StaffRoles.Caseworker));
        var document = await client.GetStringAsync("/openapi/v1.json");
        var check = ContractChecks.GetOrAdd(document, text => new ApiContractCheck(text));
        return observed.SelectMany(check.Disagreements).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed record TestUser(string Id, string Email, string? AuthenticatorKey);
