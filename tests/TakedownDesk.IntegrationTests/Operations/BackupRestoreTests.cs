using Microsoft.EntityFrameworkCore;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Slices;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Cli;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>The backup and restore commands on the embedded SQLite database, with the key store carried over separately.</summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_cases_are_written_restores_into_a_fresh_data_directory_and_reads_back()
    {
        var folder = Directory.CreateTempSubdirectory("takedowndesk-backup-").FullName;
        var backup = Path.Combine(folder, "backups", "case-db.sqlite");
        var caseIds = new List<Guid>();
        int countBefore, countAfter;
        await using (var app = await TestApp.StartOnAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "takedowndesk.db")};Default Timeout=30", folder))
        {
            app.Staff.SeesAllCases = true;
            for (var i = 0; i < 5; i++)
            {
                caseIds.Add((await app.Send(Markers.OpenCase(app.Time.GetUtcNow()))).CaseId);
            }

            countBefore = await app.WithDb(db => db.Cases.CountAsync(Ct));
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(
                async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
                    }
                },
                Ct);
            await Task.Delay(200, Ct);
            Assert.Equal(0, await CommandLine.RunAsync(["backup", backup], app.Services));
            await Task.Delay(200, Ct);
            await stop.CancelAsync();
            await writer;
            countAfter = await app.WithDb(db => db.Cases.CountAsync(Ct));

            Assert.Equal(2, await CommandLine.RunAsync(["backup", backup], app.Services)); // never overwrites
        }

        Assert.True(File.Exists(backup));
        Assert.True(countAfter > countBefore, "the writer ran during the backup");

        // A fresh data directory with the same master key and victim key store (backed up on their own schedule).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var restored = Directory.CreateTempSubdirectory("takedowndesk-restored-").FullName;
        foreach (var keyFile in Directory.EnumerateFiles(folder, "*").Where(f => Path.GetFileName(f) is "master.key" or "keys.db" or "keys.db-wal"))
        {
            File.Copy(keyFile, Path.Combine(restored, Path.GetFileName(keyFile)));
        }

        var restoredDb = $"Data Source={Path.Combine(restored, "takedowndesk.db")};Default Timeout=30";
        await using var again = await TestApp.StartOnAsync(DatabaseProvider.Sqlite, restoredDb, restored);
        again.Staff.SeesAllCases = true;

        // Refused while an instance holds the database.
        var lockPath = SqliteInstanceLock.LockPathFor(DatabaseProvider.Sqlite, restoredDb)!;
        using (SqliteInstanceLock.TryAcquire(lockPath))
        {
            Assert.Equal(3, await CommandLine.RunAsync(["restore", backup], again.Services));
        }

        Assert.Equal(0, await CommandLine.RunAsync(["restore", backup], again.Services));

        var count = await again.WithDb(db => db.Cases.CountAsync(Ct));
        Assert.InRange(count, countBefore, countAfter);
        foreach (var caseId in caseIds)
        {
            await Markers.AssertReadableThroughTheAppAsync(again, caseId);
        }

        Assert.Single(Directory.EnumerateFiles(restored, "takedowndesk.db.before-restore-*"));
        Assert.Equal(0, await CommandLine.RunAsync(["verify-audit"], again.Services));
    }
}
