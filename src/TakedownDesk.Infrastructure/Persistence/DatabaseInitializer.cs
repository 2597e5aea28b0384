using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>Brings a database to the current schema and, when the directory is empty, loads the shipped platform directory.</summary>
public sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets the web requests read while a job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(pending.Count);
        await KeepOnlyRegistrableDomainsAsync(db, cancellationToken);

        var roles = scope.ServiceProvider.GetService<RoleManager<IdentityRole>>();
        foreach (var role in roles is null ? [] : StaffRoles.All)
        {
            if (!await roles!.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.Platforms.AnyAsync(cancellationToken))
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = await mediator.Send(new ImportPlatformsCommand(ReadSeed()), cancellationToken);
            LogSeeded(result.Added);
        }
    }

    /// <summary>
    /// Locations stored before only the registrable domain was kept readable still carry their full host (a sub-domain
    /// can name the person). Reduced by value, without opening any sealed column; idempotent, so a crash midway is finished
    /// at the next start. SQLite overwrites the old values in the file (secure_delete) rather than leaving them in free pages.
    /// </summary>
    private static async Task KeepOnlyRegistrableDomainsAsync(TakedownDeskDbContext db, CancellationToken cancellationToken)
    {
        var locations = db.Set<Location>().IgnoreQueryFilters();
        var candidates = await locations.Where(l => EF.Functions.Like(l.Domain, "%.%.%")).Select(l => l.Domain).Distinct().ToListAsync(cancellationToken);
        var reductions = candidates.Select(domain => (Stored: domain, Kept: DomainName.Registrable(domain))).Where(pair => pair.Kept != pair.Stored).ToList();
        if (reductions.Count == 0)
        {
            return;
        }

        // One connection throughout: SQLite's secure_delete is a setting of the connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);
            }

            foreach (var (stored, kept) in reductions)
            {
                await locations.Where(l => l.Domain == stored).ExecuteUpdateAsync(set => set.SetProperty(l => l.Domain, kept), cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string ReadSeed()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TakedownDesk.platforms.json")
                           ?? throw new InvalidOperationException("The platform directory seed is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = LogEvents.DatabaseMigrated, Level = LogLevel.Information, Message = "Database migrated ({Count} migration(s) applied)")]
    private partial void LogMigrated(int count);

    [LoggerMessage(EventId = LogEvents.PlatformsSeeded, Level = LogLevel.Information, Message = "Platform directory seeded with {Count} entries")]
    private partial void LogSeeded(int count);
}
