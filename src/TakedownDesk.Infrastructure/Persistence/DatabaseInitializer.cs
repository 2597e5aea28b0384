using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;

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
