using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Sign-in does not tell known from unknown accounts, by answer or by time. There is no self-service password reset
/// (administrators set passwords), so sign-in is the only place to enumerate. Same-answer is also in SignInTests; this adds timing.
/// </summary>
public sealed partial class EnumerationTests
{
    private const int Attempts = 20;

    [Fact]
    public async Task Unknown_and_known_accounts_get_the_same_answer_in_comparable_time()
    {
        // 41 attempts from one address: above the per-address limit, which SessionAndGuessingTests covers.
        await using var app = new WebTestApp(new Dictionary<string, string?> { ["SignIn:AttemptsPerAddressPerMinute"] = "100" });
        var known = await app.CreateUserAsync(StaffRoles.Caseworker);
        // Lockout would change the known account's answer after five tries; the failures here must stay below it, so each try uses a fresh known account.
        var knownEmails = new List<string>();
        for (var i = 0; i < Attempts; i++)
        {
            knownEmails.Add((await app.CreateUserAsync(StaffRoles.Caseworker)).Email);
        }

        using var warm = app.BrowserClient();
        await WebTestApp.SubmitPasswordAsync(warm, known.Email, "wrong-password-123");
        await WebTestApp.SubmitPasswordAsync(warm, "nobody@helpline.example", "wrong-password-123");

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        string? knownBody = null;
        string? unknownBody = null;
        for (var i = 0; i < Attempts; i++)
        {
            // Alternate so machine noise hits both series alike.
            (knownBody, var kt) = await TimedAsync(app, knownEmails[i]);
            (unknownBody, var ut) = await TimedAsync(app, $"nobody-{i}@helpline.example");
            knownTimes.Add(kt);
            unknownTimes.Add(ut);
        }

        Assert.Equal(Normalise(knownBody!), Normalise(unknownBody!));
        var (k, u) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(Math.Max(k, u) / Math.Min(k, u) < 3, $"median known {k:F1} ms vs unknown {u:F1} ms");
    }

    private static async Task<(string Body, double Ms)> TimedAsync(WebTestApp app, string email)
    {
        using var client = app.BrowserClient();
        var page = await client.GetStringAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "wrong-password-123",
            ["__RequestVerificationToken"] = SecurityKit.AntiforgeryToken(page),
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/Account/SignIn", form, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (body, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The page differs only in its per-request antiforgery token, the CSP nonce and the e-mail typed back.</summary>
    private static string Normalise(string html) =>
        EmailValue().Replace(Volatile().Replace(html, "\"X\""), "value=\"EMAIL\"");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2] + sorted[(sorted.Count - 1) / 2]) / 2;
    }

    [GeneratedRegex("\"(CfDJ8[^\"]+|[A-Za-z0-9+/=]{16,})\"")]
    private static partial Regex Volatile();

    [GeneratedRegex("value=\"[^\"]*@helpline\\.example\"")]
    private static partial Regex EmailValue();
}
