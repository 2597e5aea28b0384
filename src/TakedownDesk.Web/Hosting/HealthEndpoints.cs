using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TakedownDesk.Infrastructure.Documents;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Hosting;

/// <summary>
/// <c>/health</c> and <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database, the SMTP relay (when
/// one is configured) and the Chromium executable. Anonymous, so every answer is a status name and nothing else: no
/// host names, paths or error texts.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
        .AddCheck<SmtpHealthCheck>("smtp", tags: [ReadyTag])
        .AddCheck<ChromiumHealthCheck>("chromium", tags: [ReadyTag]);

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false };
        app.MapHealthChecks("/health", live).AllowAnonymous();
        app.MapHealthChecks("/health/live", live).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteStatusNamesAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteStatusNamesAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString(), StringComparer.Ordinal),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>The case database answers a connection.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception stays in the server log (health check logging), never in the anonymous answer.
            return HealthCheckResult.Unhealthy(exception: e);
        }
    }
}

/// <summary>A TCP connection to the configured SMTP relay opens within a short timeout; healthy when e-mail goes to the drop folder.</summary>
public sealed class SmtpHealthCheck(IOptions<EmailOptions> options) : IHealthCheck
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var email = options.Value;
        if (string.IsNullOrWhiteSpace(email.Host))
        {
            return HealthCheckResult.Healthy();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(email.Host, email.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(exception: e);
        }
    }
}

/// <summary>The Chromium executable that prints PDFs is present.</summary>
public sealed class ChromiumHealthCheck(IOptions<DocumentOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(options.Value.ChromiumPath) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
}
