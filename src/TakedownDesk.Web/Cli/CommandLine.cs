using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Cli;

/// <summary>Administrative commands that run instead of the web server, e.g. <c>dotnet TakedownDesk.Web.dll migrate</c>.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "templates"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        switch (args[0])
        {
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            case "templates":
                return await TemplatesCommand.RunAsync(args, services);
            default:
                await Console.Error.WriteLineAsync($"Unknown command {args[0]}.");
                return 2;
        }
    }
}
