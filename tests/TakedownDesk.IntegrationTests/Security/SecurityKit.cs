using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>One mapped route of the real host, as the suite sees it.</summary>
public sealed record DiscoveredEndpoint(string Pattern, IReadOnlyList<string> Methods, bool IsPage, string? PagePath)
{
    /// <summary>Scalar's own script and icon files: public static assets, like wwwroot.</summary>
    public bool IsStaticAsset => Path.HasExtension(Pattern) && !Pattern.Contains('{', StringComparison.Ordinal) && !Pattern.EndsWith(".json", StringComparison.Ordinal);

    public bool IsApi => Pattern.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || Pattern.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{string.Join("|", Methods)} {Pattern}";
}

/// <summary>Discovery and bookkeeping shared by the security suite.</summary>
public static partial class SecurityKit
{
    /// <summary>Pages and endpoints anyone may reach: signing in, the status pages, the health check.</summary>
    public static readonly string[] AnonymousPatterns =
        ["/Account/SignIn", "/Account/Verify", "/Account/Enrol", "/Account/Denied", "/Account/SignOut", "/Status/{code:int}", "/health", "/health/live", "/health/ready"];

    /// <summary>Every route endpoint the host maps, read from its EndpointDataSource, so a new endpoint cannot escape the suite.</summary>
    public static IReadOnlyList<DiscoveredEndpoint> Endpoints(WebTestApp app)
    {
        _ = app.Server;
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Select(e =>
            {
                var page = e.Metadata.GetMetadata<PageActionDescriptor>();
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"];
                return new DiscoveredEndpoint("/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), methods, page is not null, page?.ViewEnginePath);
            })
            .DistinctBy(e => e.ToString())
            .ToList();
    }

    /// <summary>Fills the route's parameters: named values first, then a fresh GUID or a number by constraint.</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string>? values = null) =>
        RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            if (values is not null && values.TryGetValue(name, out var value))
            {
                return value;
            }

            return m.Groups["constraint"].Value switch
            {
                ":guid" => Guid.NewGuid().ToString(),
                ":int" => "404",
                _ => "v1",
            };
        });

    /// <summary>The POST handlers of every compiled page's model, by page path ("/Cases/Detail" → ["", "Release", …]).</summary>
    public static IReadOnlyDictionary<string, string[]> PostHandlers() =>
        typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page" && item.Type.GetProperty("Model")?.PropertyType.IsSubclassOf(typeof(PageModel)) == true)
            .ToDictionary(
                item => item.Identifier["/Pages".Length..^".cshtml".Length],
                item => item.Type.GetProperty("Model")!.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                    .Select(m => m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.Ordinal);

    /// <summary>Row counts of every table a staff action can write; "nothing written" means these are unchanged.</summary>
    public static async Task<string> RowCountsAsync(WebTestApp app, bool withAudit = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var counts = new List<string>
        {
            $"victims={await db.Victims.CountAsync(ct)}",
            $"cases={await db.Cases.CountAsync(ct)}",
            $"requests={await db.RemovalRequests.CountAsync(ct)}",
            $"timeline={await db.Timeline.CountAsync(ct)}",
            $"notes={await db.CaseNotes.CountAsync(ct)}",
            $"tasks={await db.CaseTasks.CountAsync(ct)}/{await db.CaseTasks.CountAsync(t => t.DoneAtUtc != null, ct)}",
            $"photoSources={string.Join(",", await db.PhotoSources.OrderBy(p => p.Id).Select(p => p.Status.ToString()).ToListAsync(ct))}",
            $"possibleMinors={await db.Victims.CountAsync(v => v.MayHaveBeenMinorWhenDepicted, ct)}",
            $"platforms={await db.Platforms.CountAsync(ct)}",
            $"tokens={await db.PersonalAccessTokens.CountAsync(ct)}",
            $"steps={await db.EscalationSteps.CountAsync(ct)}",
            $"outbox={await db.OutboxMessages.CountAsync(ct)}",
            $"users={await db.Users.CountAsync(ct)}",
            $"statuses={string.Join(",", await db.Cases.OrderBy(c => c.Id).Select(c => c.Status.ToString()).ToListAsync(ct))}",
            $"requestStatuses={string.Join(",", await db.RemovalRequests.OrderBy(r => r.Id).Select(r => r.Status.ToString()).ToListAsync(ct))}",
        };
        if (withAudit)
        {
            counts.Add($"audit={await db.AuditEntries.CountAsync(ct)}");
        }

        return string.Join(" ", counts);
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex(@"\{(?<star>\*{0,2})(?<name>\w+)(?<constraint>:[a-z]+)?(?:\([^)]*\))?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
