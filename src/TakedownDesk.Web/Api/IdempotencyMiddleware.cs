using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Web.Api;

/// <summary>
/// Honours <c>Idempotency-Key</c> on API POSTs. The key is claimed (unique per staff member) before the command runs,
/// so a retry replays the first response and never runs the command again; the same key with another body is refused.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, TakedownDeskDbContext db, TimeProvider time, IProblemDetailsService problems, ReplaySeal seal)
    {
        var key = context.Request.Headers[Header].ToString();
        var staffId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key) || staffId is null
            || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (key.Length > 200)
        {
            await Problem(context, problems, StatusCodes.Status400BadRequest, "The Idempotency-Key header is longer than 200 characters.");
            return;
        }

        context.Request.EnableBuffering();
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.Path + context.Request.QueryString + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            hasher.AppendData(buffer, 0, read);
        }

        context.Request.Body.Position = 0;
        var hash = Convert.ToHexString(hasher.GetHashAndReset());

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key && r.StaffId == staffId, context.RequestAborted);
        if (existing is not null && ExpiredReplays.IsExpired(existing, time.GetUtcNow().UtcDateTime))
        {
            // Past its window but not yet swept (ExpiredReplaysJob): gone, as the sweep would have left it.
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }

        if (existing is null)
        {
            var record = new IdempotencyRecord { Key = key, StaffId = staffId, RequestHash = hash, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // Another attempt with the same key won the race.
                db.Entry(record).State = EntityState.Detached;
                existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key && r.StaffId == staffId, context.RequestAborted);
            }

            if (existing is null)
            {
                db.Entry(record).State = EntityState.Detached;
                await RunAndStoreAsync(context, db, seal, record.Id);
                return;
            }
        }

        if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problem(context, problems, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used with a different request.");
            return;
        }

        if (existing.StatusCode == 0)
        {
            await Problem(context, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }

        var body = existing.ResponseBody is null ? null : seal.Open(existing.ResponseBody, existing.Id);
        if (!await StillVisibleAsync(context, db, existing.Location, body))
        {
            // The first answer may hold the case's data; whoever lost access since gets what any other stranger gets.
            await Problem(context, problems, StatusCodes.Status404NotFound, "Not found.");
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (body is not null)
        {
            context.Response.ContentType = existing.ContentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>
    /// A replay is checked again like a first request: the case it concerns (named in the path or in the Location of the
    /// first answer, directly or through a request, or as the answer's <c>caseId</c>) must still be visible to the caller.
    /// </summary>
    private static async Task<bool> StillVisibleAsync(HttpContext context, TakedownDeskDbContext db, string? location, string? body)
    {
        var caseId = await CaseOfAsync(context.Request.Path, db, context.RequestAborted)
                     ?? (location is null ? null : await CaseOfAsync(new PathString(location), db, context.RequestAborted))
                     ?? CaseIdIn(body);
        if (caseId is not { } id)
        {
            return true;
        }

        var staff = context.RequestServices.GetRequiredService<ICurrentStaff>();
        return await db.Cases.AsNoTracking().VisibleTo(staff).AnyAsync(c => c.Id == id, context.RequestAborted);
    }

    private static async Task<Guid?> CaseOfAsync(PathString path, TakedownDeskDbContext db, CancellationToken cancellationToken)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (!Guid.TryParse(segments[i + 1], out var id))
            {
                continue;
            }

            if (string.Equals(segments[i], "cases", StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }

            if (string.Equals(segments[i], "requests", StringComparison.OrdinalIgnoreCase))
            {
                return await db.RemovalRequests.Where(r => r.Id == id).Select(r => (Guid?)r.CaseId).SingleOrDefaultAsync(cancellationToken);
            }
        }

        return null;
    }

    private static Guid? CaseIdIn(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && json.RootElement.TryGetProperty("caseId", out var caseId)
                   && caseId.TryGetGuid(out var id)
                ? id
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task RunAndStoreAsync(HttpContext context, TakedownDeskDbContext db, ReplaySeal seal, long recordId)
    {
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status >= 500)
        {
            // A failure the client may retry: free the key.
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var body = seal.Seal(System.Text.Encoding.UTF8.GetString(captured.ToArray()), recordId);
            var contentType = context.Response.ContentType;
            var location = context.Response.Headers.Location.ToString();
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(r => r.StatusCode, status)
                    .SetProperty(r => r.ResponseBody, body)
                    .SetProperty(r => r.ContentType, contentType)
                    .SetProperty(r => r.Location, string.IsNullOrEmpty(location) ? null : location),
                CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task Problem(HttpContext context, IProblemDetailsService problems, int status, string title)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Title = title } });
    }
}
