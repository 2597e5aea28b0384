using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Web.Cli;
using TakedownDesk.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });

// The framework's request lines carry the query string (return addresses, search terms): below Warning they never print.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
builder.Services.AddTakedownDesk(builder.Configuration, builder.Environment);
builder.Services.AddTakedownDeskWeb();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, app.Services);
}

var database = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
var lockPath = SqliteInstanceLock.LockPathFor(
    database.Provider, ProviderSetup.ResolveConnectionString(database, DataDirectory.Resolve(builder.Configuration, builder.Environment)));

// Held until the process ends; the OS drops it even after kill -9.
using var instanceLock = lockPath is null ? null : SqliteInstanceLock.TryAcquire(lockPath);
if (lockPath is not null && instanceLock is null)
{
    await Console.Error.WriteLineAsync(SqliteInstanceLock.AlreadyRunningMessage(lockPath));
    return 3;
}

if (database.MigrateAtStartup)
{
    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
}

app.MapTakedownDesk();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
