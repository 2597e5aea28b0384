using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Protection;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Cli;

/// <summary>Administrative commands that run instead of the web server: <c>dotnet TakedownDesk.Web.dll migrate</c>.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "rotate-master-key", "purge", "verify-audit"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        switch (args[0])
        {
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            case "rotate-master-key":
                {
                    var rotation = await SendAsync<MasterKeyRotation>(services, new RotateMasterKeyCommand());
                    await Console.Out.WriteLineAsync($"Master key {rotation.CurrentMasterKeyId} is current; {rotation.VictimKeysRewrapped} victim key(s) re-wrapped.");
                    return 0;
                }

            case "purge":
                {
                    var purged = await SendAsync<PurgeResult>(services, new PurgeExpiredCasesCommand());
                    await Console.Out.WriteLineAsync($"Erased {purged.VictimsErased} victim(s) with {purged.CasesErased} case(s) past retention.");
                    return 0;
                }

            case "verify-audit":
                {
                    var report = await SendAsync<AuditChainReport>(services, new VerifyAuditChainQuery());
                    await Console.Out.WriteLineAsync(report.Intact
                        ? $"OK: {report.EntriesChecked} audit entries verified."
                        : $"BROKEN at sequence {report.FirstBrokenSequence} (after {report.EntriesChecked} verified entries).");
                    return report.Intact ? 0 : 1;
                }

            default:
                await Console.Error.WriteLineAsync($"Unknown command {args[0]}.");
                return 2;
        }
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IMessage message)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return (T)(await mediator.Send(message, CancellationToken.None))!;
    }
}
