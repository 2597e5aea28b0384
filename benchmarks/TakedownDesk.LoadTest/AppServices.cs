using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.LoadTest;

/// <summary>The web host's own composition (AddTakedownDesk) on a given database, so seeded rows are what the app writes.</summary>
public static class AppServices
{
    public static IHost Build(DatabaseTarget target)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });

        // Environment first, so the command's own options win (e.g. over a Database__Provider left in the shell).
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = target.Provider,
            ["Database:ConnectionString"] = target.ConnectionString,
            [DataDirectory.Key] = target.DataDirectory,
            ["Scheduling:Enabled"] = "false",
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTakedownDesk(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}

/// <summary>The database and data directory (master key, victim key store) of one app installation.</summary>
public sealed record DatabaseTarget(string Provider, string? ConnectionString, string DataDirectory);
