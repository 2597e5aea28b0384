using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Protection;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class ErasureSlices(TestDatabase database)
{
    [Fact]
    public async Task Erasure_deletes_every_row_of_the_victim_and_leaves_a_record_without_personal_data()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        var other = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/someone-else/status/1") with { Pseudonym = "Other-1" });

        var result = await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));

        Assert.Equal((1, 1, 1), (result.Cases, result.Locations, result.Requests));
        var left = await app.WithDb(async db => new
        {
            Victims = await db.Victims.Select(v => v.Id).ToListAsync(),
            Cases = await db.Cases.Select(c => c.Id).ToListAsync(),
            Requests = await db.RemovalRequests.CountAsync(r => r.Id == drafted.RequestId),
            Timeline = await db.Timeline.CountAsync(t => t.CaseId == opened.CaseId),
            Locations = await db.Cases.SelectMany(c => c.Locations).CountAsync(),
            Record = await db.Erasures.SingleAsync(),
        });
        Assert.Equal([other.VictimId], left.Victims);
        Assert.Equal([other.CaseId], left.Cases);
        Assert.Equal((0, 0, 1), (left.Requests, left.Timeline, left.Locations));
        Assert.Equal(ErasureReason.VictimRequest, left.Record.Reason);
        Assert.Equal(app.Staff.Id, left.Record.ErasedBy);
        Assert.Equal((1, 1, 1, 2, 1), (left.Record.Cases, left.Record.Locations, left.Record.Requests, left.Record.ContactChannels, left.Record.Releases));
        Assert.True(left.Record.TimelineEntries >= 3);
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetCaseDetailQuery(opened.CaseId)));
        Assert.Equal("Other-1", (await app.Query(new GetCaseDetailQuery(other.CaseId))).Victim.Pseudonym);
    }

    [Fact]
    public async Task A_caseworker_cannot_erase_a_case_that_is_not_theirs_and_a_legal_hold_blocks_erasure()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, true));

        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest)));
        app.Staff.Id = "caseworker-2";
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest)));

        Assert.Equal("CaseOnLegalHoldCannotBeErased", error.RuleName);
        Assert.Equal(1, await app.WithDb(db => db.Victims.CountAsync()));
    }

    [Fact]
    public async Task Purge_erases_victims_whose_cases_all_closed_longer_ago_than_the_retention_period_unless_held()
    {
        await using var app = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["Retention:ClosedCaseDays"] = "30" });
        var expired = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = "Expired-1" });
        var held = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = "Held-1" });
        var recent = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = "Recent-1" });
        var open = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = "Open-1" });
        foreach (var id in new[] { expired.CaseId, held.CaseId })
        {
            await app.Send(new ChangeCaseStatusCommand(id, CaseStatusChange.Close, null));
        }

        await app.Send(new SetLegalHoldCommand(held.CaseId, true));
        app.Time.Advance(TimeSpan.FromDays(20));
        await app.Send(new ChangeCaseStatusCommand(recent.CaseId, CaseStatusChange.Close, null));
        app.Time.Advance(TimeSpan.FromDays(11));

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new PurgeExpiredCasesCommand()));
        app.Staff.SeesAllCases = true;
        var purged = await app.Send(new PurgeExpiredCasesCommand());
        var again = await app.Send(new PurgeExpiredCasesCommand());

        Assert.Equal((1, 1), (purged.VictimsErased, purged.CasesErased));
        Assert.Equal(0, again.VictimsErased);
        var remaining = await app.WithDb(db => db.Victims.Select(v => v.Pseudonym).OrderBy(p => p).ToListAsync());
        Assert.Equal(["Held-1", "Open-1", "Recent-1"], remaining);
        Assert.Equal(ErasureReason.RetentionExpired, (await app.WithDb(db => db.Erasures.SingleAsync())).Reason);
        Assert.NotEqual(Guid.Empty, open.CaseId);
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_every_victim_key_and_data_and_de_duplication_keep_working()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        var before = await app.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT \"UrlKey\" AS \"Value\" FROM \"Locations\"").SingleAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new RotateMasterKeyCommand()));
        app.Staff.SeesAllCases = true;
        var rotation = await app.Send(new RotateMasterKeyCommand());

        Assert.Equal(1, rotation.VictimKeysRewrapped);
        var after = await app.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT \"UrlKey\" AS \"Value\" FROM \"Locations\"").SingleAsync());
        Assert.NotEqual(before, after);
        await Markers.AssertReadableThroughTheAppAsync(app, opened.CaseId);
        var again = await app.Send(new AddLocationsCommand(opened.CaseId, Markers.Url.Replace("https://x.com", "https://www.x.com", StringComparison.Ordinal), null, null));
        Assert.True(Assert.Single(again.Accepted).AlreadyRecorded);
        var keyFile = await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "master.key"), TestContext.Current.CancellationToken);
        Assert.Contains(rotation.CurrentMasterKeyId, keyFile, StringComparison.Ordinal);
        Assert.Equal(2, keyFile.Split("\"Id\"").Length - 1);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(app.DataDirectory, "master.key")));
        }
    }

    [Fact]
    public async Task Configured_master_keys_rotate_without_downtime_old_keys_decrypt_until_rotation_is_done()
    {
        string Key() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var (oldKey, newKey) = (Key(), Key());
        Dictionary<string, string?> Keys(params (string Id, string Key)[] keys) => keys
            .SelectMany((k, i) => new[] { ($"Encryption:MasterKeys:{i}:Id", k.Id), ($"Encryption:MasterKeys:{i}:Key", k.Key) })
            .ToDictionary(k => k.Item1, k => (string?)k.Item2);

        Guid caseId;
        string connectionString;
        string dataDirectory;
        await using (var first = await TestApp.StartAsync(database, Keys(("2025", oldKey))))
        {
            caseId = (await first.Send(Markers.OpenCase(first.Time.GetUtcNow()))).CaseId;
            (connectionString, dataDirectory) = (first.ConnectionString, first.DataDirectory);
            Assert.False(File.Exists(Path.Combine(dataDirectory, "master.key")));
        }

        await using (var during = await TestApp.StartOnAsync(database.Provider, connectionString, dataDirectory, Keys(("2026", newKey), ("2025", oldKey))))
        {
            await Markers.AssertReadableThroughTheAppAsync(during, caseId);
            during.Staff.SeesAllCases = true;
            var rotation = await during.Send(new RotateMasterKeyCommand());
            Assert.Equal(("2026", 1), (rotation.CurrentMasterKeyId, rotation.VictimKeysRewrapped));
        }

        await using var after = await TestApp.StartOnAsync(database.Provider, connectionString, dataDirectory, Keys(("2026", newKey)));
        await Markers.AssertReadableThroughTheAppAsync(after, caseId);
        var again = await after.Send(new AddLocationsCommand(caseId, Markers.Url, null, null));
        Assert.True(Assert.Single(again.Accepted).AlreadyRecorded);
    }
}

public sealed class ErasureSlicesOnSqlite() : ErasureSlices(new SqliteTestDatabase())
{
    [Fact]
    public async Task A_backup_taken_before_erasure_cannot_be_decrypted_with_the_key_store_after_it()
    {
        string backup;
        Guid caseId;
        Guid victimId;
        string dataDirectory;
        await using (var app = await TestApp.StartAsync(new SqliteTestDatabase()))
        {
            var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
            caseId = opened.CaseId;
            victimId = opened.VictimId;
            dataDirectory = app.DataDirectory;
            backup = await BackUpAsync(app.ConnectionString);

            await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));
        }

        SqliteConnection.ClearAllPools();
        var keyStore = await File.ReadAllBytesAsync(Path.Combine(dataDirectory, "keys.db"), TestContext.Current.CancellationToken);
        Assert.True(keyStore.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(victimId.ToString("N"))) < 0);

        // The restored backup still holds the victim's rows, but the current key store no longer holds their key.
        await using var restored = await TestApp.StartOnAsync(DatabaseProvider.Sqlite, $"Data Source={backup};Default Timeout=30", dataDirectory);
        Assert.Equal(1, await restored.WithDb(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Victims\"").SingleAsync()));
        await Assert.ThrowsAsync<DataKeyUnavailableException>(() => restored.Query(new GetConfidentialDetailsQuery(caseId)));
        await Assert.ThrowsAsync<DataKeyUnavailableException>(() => restored.Query(new GetCaseDetailQuery(caseId)));

        // And the erasure can be repeated on the restored copy, though nothing in it can be decrypted.
        await restored.Send(new EraseVictimCommand(caseId, ErasureReason.VictimRequest));
        Assert.Equal(0, await restored.WithDb(db => db.Victims.CountAsync()));
    }

    /// <summary>An online backup (the SQLite backup API), as an operator's backup job would take it.</summary>
    private static async Task<string> BackUpAsync(string connectionString)
    {
        var target = Path.Combine(Path.GetTempPath(), "takedowndesk-tests", Guid.NewGuid().ToString("N") + "-backup.db");
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(TestContext.Current.CancellationToken);
        await using var destination = new SqliteConnection($"Data Source={target}");
        await destination.OpenAsync(TestContext.Current.CancellationToken);
        source.BackupDatabase(destination);
        return target;
    }
}

public sealed class ErasureSlicesOnPostgres(PostgresCluster cluster) : ErasureSlices(new PostgresTestDatabase(cluster))
{
    [Fact]
    public async Task A_copy_taken_before_erasure_cannot_be_decrypted_with_a_key_store_in_its_own_postgres_database()
    {
        var keyStore = new Dictionary<string, string?>
        {
            ["Encryption:KeyStoreProvider"] = "Postgres",
            ["Encryption:KeyStoreConnectionString"] = await cluster.CreateDatabaseAsync(),
        };
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster), keyStore);
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await Markers.AssertReadableThroughTheAppAsync(app, opened.CaseId);

        var copy = "t_" + Guid.NewGuid().ToString("N");
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionStringFor("postgres")))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            var source = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
            await using var create = new NpgsqlCommand($"CREATE DATABASE {copy} TEMPLATE \"{source}\"", admin);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));

        await using var restored = await TestApp.StartOnAsync(DatabaseProvider.Postgres, cluster.ConnectionStringFor(copy), app.DataDirectory, keyStore);
        Assert.Equal(1, await restored.WithDb(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"Victims\"").SingleAsync()));
        await Assert.ThrowsAsync<DataKeyUnavailableException>(() => restored.Query(new GetConfidentialDetailsQuery(opened.CaseId)));
    }
}
