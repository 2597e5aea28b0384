using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Protection;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Application.Features.Staff;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Cli;

/// <summary>Administrative commands that run instead of the web server, e.g. <c>dotnet TakedownDesk.Web.dll migrate</c>.</summary>
/// <remarks>
/// There is no default account or password. <c>create-admin EMAIL</c> and <c>add-staff EMAIL ROLE</c> print a generated
/// one-time password, or read one from standard input with <c>--password-stdin</c>; MFA enrolment follows at first sign-in.
/// </remarks>
public static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "templates", "create-admin", "add-staff", "rotate-master-key", "purge", "verify-audit", "backup", "restore"];

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
            case "create-admin" when args.Length >= 2:
                return await AddStaffAsync(services, args[1], StaffRoles.Administrator, args);
            case "add-staff" when args.Length >= 3:
                return await AddStaffAsync(services, args[1], args[2], args);
            case "create-admin":
            case "add-staff":
                await Console.Error.WriteLineAsync(
                    "Usage: create-admin EMAIL [--name NAME] [--time-zone ZONE] [--password-stdin]\n" +
                    "       add-staff EMAIL caseworker|supervisor|administrator [--name NAME] [--time-zone ZONE] [--password-stdin]");
                return 2;
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
                return await VerifyAuditAsync(services, args);

            case "backup" when args.Length >= 2:
                return await BackupAsync(services, args[1]);
            case "restore" when args.Length >= 2:
                return await RestoreAsync(services, args[1]);
            case "backup":
            case "restore":
                await Console.Error.WriteLineAsync("Usage: backup FILE   (while the app runs)\n       restore FILE  (with the app stopped)");
                return 2;

            default:
                await Console.Error.WriteLineAsync($"Unknown command {args[0]}.");
                return 2;
        }
    }

    private static async Task<int> AddStaffAsync(IServiceProvider services, string email, string role, string[] args)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        var fromStdin = args.Contains("--password-stdin", StringComparer.Ordinal);
        var password = fromStdin ? (await Console.In.ReadLineAsync())?.Trim() ?? string.Empty : NewPassword();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            var account = await mediator.Send(new CreateStaffAccountCommand(
                email, Option(args, "--name") ?? email.Split('@')[0], role, Option(args, "--time-zone"), password));
            await Console.Out.WriteLineAsync($"Created {account.Role} {account.Email}.");
            if (!fromStdin)
            {
                await Console.Out.WriteLineAsync($"One-time password (hand it over in person; it is not stored in clear): {password}");
            }

            await Console.Out.WriteLineAsync("An authenticator app is set up at first sign-in.");
            return 0;
        }
        catch (RequestValidationException exception)
        {
            foreach (var (field, messages) in exception.Errors)
            {
                await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string[] args)
    {
        AuditAnchor? anchor = null;
        var anchorAt = Array.IndexOf(args, "--anchor");
        if (anchorAt >= 0 && (anchorAt + 1 >= args.Length || !AuditAnchor.TryParse(args[anchorAt + 1], out anchor)))
        {
            await Console.Error.WriteLineAsync("Usage: verify-audit [--anchor SEQUENCE:HASH]   (a head printed by an earlier verify-audit)");
            return 2;
        }

        // What the desk has appended until now is sealed and its head signed first, so the report covers all of it.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(signHead: true, CancellationToken.None);
        }

        var report = await SendAsync<AuditChainReport>(services, new VerifyAuditChainQuery(anchor));
        await Console.Out.WriteLineAsync(report switch
        {
            { Intact: true } => $"OK: {report.EntriesChecked} audit entries verified, {report.CheckpointsVerified} signed checkpoints match{(anchor is null ? string.Empty : $", anchor {anchor.Sequence} present")}.",
            { ForgedCheckpoints: > 0 } => $"BROKEN: {report.ForgedCheckpoints} checkpoint(s) carry a signature this desk did not make; the checkpoint table was written to.",
            { AnchorMissing: true } => $"BROKEN: the anchored entry {anchor!.Sequence} is missing or changed; entries from sequence {report.FirstBrokenSequence} on were removed or rewritten.",
            { CheckpointMismatch: true } => $"BROKEN: a signed checkpoint does not match the chain; entries from sequence {report.FirstBrokenSequence} on were removed or rewritten.",
            _ => $"BROKEN at sequence {report.FirstBrokenSequence} (after {report.EntriesChecked} verified entries).",
        });
        if (report.AwaitingSeal > 0)
        {
            await Console.Out.WriteLineAsync($"{report.AwaitingSeal} entries appended meanwhile are waiting to be sealed; the next run covers them.");
        }

        if (report.Head is { } head)
        {
            // Kept outside the database (a ticket, a signed e-mail), it lets a later run detect entries removed from the end.
            await Console.Out.WriteLineAsync($"Head: {head}   (record it elsewhere; check later with: verify-audit --anchor {head})");
        }

        return report.Intact ? 0 : 1;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        if (await SqliteConnectionStringAsync(services) is not { } connectionString)
        {
            return 2;
        }

        try
        {
            SqliteBackup.Backup(connectionString, file);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Backup failed: {e.Message}");
            return 2;
        }

        var logger = Logger(services);
        var bytes = new FileInfo(file).Length;
        OperationsLog.BackupWritten(logger, bytes);
        await Console.Out.WriteLineAsync($"Backed up the case database to {Path.GetFullPath(file)}.");
        await Console.Out.WriteLineAsync("The victim key store and the master key are not in it: back them up separately (docs/OPERATIONS.md).");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file)
    {
        if (await SqliteConnectionStringAsync(services) is not { } connectionString)
        {
            return 2;
        }

        var lockPath = SqliteInstanceLock.LockPathFor(DatabaseProvider.Sqlite, connectionString)!;
        using var instanceLock = SqliteInstanceLock.TryAcquire(lockPath);
        if (instanceLock is null)
        {
            await Console.Error.WriteLineAsync(SqliteInstanceLock.AlreadyRunningMessage(lockPath) + " Stop it before restoring.");
            return 3;
        }

        string? kept;
        try
        {
            kept = SqliteBackup.Restore(connectionString, file, services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"Restore failed: {e.Message}");
            return 2;
        }

        var logger = Logger(services);
        OperationsLog.BackupRestored(logger, kept is not null);
        await Console.Out.WriteLineAsync($"Restored the case database from {Path.GetFullPath(file)}.");
        if (kept is not null)
        {
            await Console.Out.WriteLineAsync($"The replaced database was kept as {kept}.");
        }

        return 0;
    }

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandLine));

    private static async Task<string?> SqliteConnectionStringAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync(
                "backup and restore handle the embedded SQLite database; use pg_dump/pg_restore or BACKUP/RESTORE DATABASE (docs/OPERATIONS.md).");
            return null;
        }

        return db.Database.GetConnectionString();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string NewPassword() =>
        "Td1-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static async Task<T> SendAsync<T>(IServiceProvider services, IMessage message)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return (T)(await mediator.Send(message, CancellationToken.None))!;
    }
}
