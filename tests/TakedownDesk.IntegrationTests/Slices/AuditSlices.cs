using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class AuditSlices(TestDatabase database)
{
    [Fact]
    public async Task Every_command_and_every_view_of_confidential_details_is_chained_and_the_chain_verifies()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, true));
        app.Staff.Id = "caseworker-2";
        app.Staff.SeesAllCases = true;
        await app.Query(new GetConfidentialDetailsQuery(opened.CaseId));

        await app.SealAuditAsync();
        var history = await app.Query(new GetCaseAccessHistoryQuery(opened.CaseId));
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.Equal(
            [("caseworker-1", "OpenCaseCommand", AuditKind.Command), ("caseworker-1", "SetLegalHoldCommand", AuditKind.Command), ("caseworker-2", "GetConfidentialDetailsQuery", AuditKind.ConfidentialView)],
            history.Select(h => (h.ActorId, h.Action, h.Kind)));
        Assert.True(report.Intact);
        Assert.Null(report.FirstBrokenSequence);
        Assert.True(report.EntriesChecked >= 3);
        Assert.All(history, line => Assert.NotNull(line.Sequence));
        Assert.Equal(0, report.AwaitingSeal);

        // The audit rows say who looked, never what they saw.
        var rows = await app.WithDb(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var text = string.Join('\n', rows.Select(r => $"{r.ActorId} {r.Action} {r.Kind} {r.CaseId} {r.Hash}"));
        foreach (var marker in Markers.All.Append(Samples.Pseudonym))
        {
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_caseworker_asking_for_someone_elses_case_is_refused_and_the_attempt_is_recorded()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        app.Staff.Id = "caseworker-2";

        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetConfidentialDetailsQuery(opened.CaseId)));
        app.Staff.SeesAllCases = true;
        var history = await app.Query(new GetCaseAccessHistoryQuery(opened.CaseId));
        await app.SealAuditAsync();

        Assert.Contains(history, h => h is { ActorId: "caseworker-2", Action: "GetConfidentialDetailsQuery", Kind: AuditKind.DeniedView });
        Assert.True((await app.Query(new VerifyAuditChainQuery())).Intact);
    }

    [Fact]
    public async Task Access_history_and_chain_verification_are_for_supervisors_only()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetCaseAccessHistoryQuery(opened.CaseId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new VerifyAuditChainQuery()));
    }

    [Fact]
    public async Task An_edited_row_breaks_the_chain_at_its_sequence()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        app.Staff.SeesAllCases = true;

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorId\" = 'someone-else' WHERE \"Sequence\" = 3"));
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_deleted_row_breaks_the_chain_at_its_sequence()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        app.Staff.SeesAllCases = true;

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 4"));
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.False(report.Intact);
        Assert.Equal(4, report.FirstBrokenSequence);
        Assert.Equal(3, report.EntriesChecked);
    }

    [Fact]
    public async Task Removing_the_newest_entries_is_caught_by_the_signed_checkpoint_and_with_the_checkpoints_gone_by_an_anchor()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        app.Staff.SeesAllCases = true;
        var recorded = await app.Query(new VerifyAuditChainQuery());
        Assert.True(recorded.Intact);
        Assert.Equal(1, recorded.CheckpointsVerified);
        var head = recorded.Head!;
        Assert.True((await app.Query(new VerifyAuditChainQuery(head))).Intact);

        await app.WithDb(db => db.AuditEntries.Where(e => e.Sequence >= head.Sequence - 1).ExecuteDeleteAsync());
        var cut = await app.Query(new VerifyAuditChainQuery());

        Assert.False(cut.Intact);
        Assert.True(cut.CheckpointMismatch);
        Assert.Equal(head.Sequence - 1, cut.FirstBrokenSequence);

        await app.WithDb(db => db.AuditCheckpoints.ExecuteDeleteAsync());
        Assert.True((await app.Query(new VerifyAuditChainQuery())).Intact);
        var anchored = await app.Query(new VerifyAuditChainQuery(head));
        Assert.False(anchored.Intact);
        Assert.True(anchored.AnchorMissing);
        Assert.Equal(head.Sequence - 1, anchored.FirstBrokenSequence);
    }

    [Fact]
    public async Task Appending_leaves_entries_waiting_and_the_sealer_chains_them_in_append_order_once()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, true));
        app.Staff.SeesAllCases = true;

        var waiting = await app.Query(new VerifyAuditChainQuery());
        Assert.Equal((true, 0L, 3L), (waiting.Intact, waiting.EntriesChecked, waiting.AwaitingSeal));

        Assert.Equal(3, await app.SealAuditAsync());
        Assert.Equal(0, await app.SealAuditAsync());
        var rows = await app.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Sequence, e.Action }).ToListAsync());
        Assert.Equal([(1L, "ImportPlatformsCommand"), (2L, "OpenCaseCommand"), (3L, "SetLegalHoldCommand")], rows.Select(r => (r.Sequence!.Value, r.Action)));
        var report = await app.Query(new VerifyAuditChainQuery());
        Assert.Equal((true, 3L, 0L, 1), (report.Intact, report.EntriesChecked, report.AwaitingSeal, report.CheckpointsVerified));
    }

    [Fact]
    public async Task A_chain_rewritten_from_the_start_with_every_hash_recomputed_no_longer_matches_its_signed_checkpoint()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        await app.SealAuditAsync();
        app.Staff.SeesAllCases = true;

        // Someone with write access to the database, and the code, but not the master key: the whole chain recomputed.
        var rows = await app.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        AuditEntry? previous = null;
        foreach (var row in rows)
        {
            var forged = new AuditEntry(row.OccurredAtUtc, row.Sequence == 3 ? "someone-else" : row.ActorId, row.CaseId, row.Action, row.Kind);
            forged.SealAfter(previous);
            previous = forged;
            await app.WithDb(db => db.AuditEntries.Where(e => e.Id == row.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorId, forged.ActorId).SetProperty(e => e.Hash, forged.Hash)));
        }

        var rewritten = await app.Query(new VerifyAuditChainQuery());
        Assert.False(rewritten.Intact);
        Assert.True(rewritten.CheckpointMismatch);
        Assert.Equal(1, rewritten.FirstBrokenSequence);

        // A checkpoint of their own for the forged head, under the desk's key id, does not carry a signature that key makes.
        var genuine = await app.WithDb(db => db.AuditCheckpoints.AsNoTracking().SingleAsync());
        await app.WithDb(db => db.AuditCheckpoints.ExecuteDeleteAsync());
        await app.WithDb(async db =>
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint(previous!.Sequence!.Value, previous.Hash!, app.Time.GetUtcNow().UtcDateTime, genuine.KeyId, new string('a', 64)));
            return await db.SaveChangesAsync();
        });
        var forgedCheckpoint = await app.Query(new VerifyAuditChainQuery());
        Assert.False(forgedCheckpoint.Intact);
        Assert.Equal(1, forgedCheckpoint.ForgedCheckpoints);
    }

    [Fact]
    public async Task A_chain_from_before_background_sealing_still_verifies_after_the_upgrade_and_grows_from_its_head()
    {
        await using var app = await TestApp.StartAsync(database);
        await app.SealAuditAsync();
        var before = await app.WithDb(db => Task.FromResult(db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AuditSealedInBackground", StringComparison.Ordinal)).Last()));
        await app.WithDb(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(before);
            return 0;
        });

        // Three entries as the old code wrote them: chained at once, each hash over the one before.
        var first = await app.WithDb(db => db.Database.SqlQueryRaw<OldRow>("SELECT \"OccurredAtUtc\", \"ActorId\", \"Action\" FROM \"AuditEntries\"").SingleAsync());
        var chain = new AuditEntry(first.OccurredAtUtc, first.ActorId, null, first.Action, AuditKind.Command);
        chain.SealAfter(null);
        for (var i = 0; i < 3; i++)
        {
            var next = new AuditEntry(first.OccurredAtUtc.AddMinutes(i + 1), "caseworker-old", null, "SetLegalHoldCommand", AuditKind.Command);
            next.SealAfter(chain);
            chain = next;
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"AuditEntries\" (\"Sequence\", \"OccurredAtUtc\", \"ActorId\", \"CaseId\", \"Action\", \"Kind\", \"Hash\") VALUES ({0}, {1}, {2}, NULL, {3}, 'Command', {4})",
                next.Sequence!.Value, next.OccurredAtUtc, next.ActorId, next.Action, next.Hash!));
        }

        await app.WithDb(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.SealAuditAsync();
        app.Staff.SeesAllCases = true;

        var report = await app.Query(new VerifyAuditChainQuery());
        Assert.True(report.Intact, $"broken at {report.FirstBrokenSequence}");
        Assert.Equal(5, report.EntriesChecked);
        Assert.Equal(5, report.Head!.Sequence);
    }

    [Fact]
    public async Task In_a_running_host_the_background_sealer_chains_a_new_entry_woken_by_its_commit_not_by_its_interval()
    {
        var hourly = new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true", ["Audit:SealIntervalSeconds"] = "3600", ["LocationChecks:Enabled"] = "false" };
        await using var app = await TestApp.StartAsync(database, hourly, HostedServices.WithLifetime);
        await using var loops = await HostedServices.StartAsync(app);
        app.Staff.SeesAllCases = true;
        await WaitUntilSealedAsync(app);

        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, true));

        // The clock moves by the short pause after a wake-up only; the hour-long interval never passes.
        var report = await WaitUntilSealedAsync(app);
        Assert.True(report.Intact);
        Assert.Equal(await app.WithDb(db => db.AuditEntries.LongCountAsync()), report.EntriesChecked);
        var sealedActions = await app.WithDb(db => db.AuditEntries.Where(e => e.CaseId == opened.CaseId && e.Sequence != null).Select(e => e.Action).ToListAsync());
        Assert.Equal(["OpenCaseCommand", "SetLegalHoldCommand"], sealedActions.Order());
    }

    private static async Task<AuditChainReport> WaitUntilSealedAsync(TestApp app)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var report = await app.Query(new VerifyAuditChainQuery());
            if (report.AwaitingSeal == 0 && report.EntriesChecked > 0)
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < until, $"{report.AwaitingSeal} audit entries still waiting to be sealed");
            app.Time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private sealed record OldRow(DateTime OccurredAtUtc, string ActorId, string Action);

    [Fact]
    public async Task An_anchor_with_the_right_sequence_but_another_hash_does_not_verify()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        app.Staff.SeesAllCases = true;
        var head = (await app.Query(new VerifyAuditChainQuery())).Head!;

        var otherFirstDigit = head.Hash[0] == '0' ? "1" : "0";
        var report = await app.Query(new VerifyAuditChainQuery(head with { Hash = otherFirstDigit + head.Hash[1..] }));

        Assert.False(report.Intact);
        Assert.True(report.AnchorMissing);
    }

    protected static async Task FillChainAsync(TestApp app)
    {
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        for (var i = 0; i < 4; i++)
        {
            await app.Send(new SetLegalHoldCommand(opened.CaseId, i % 2 == 0));
        }

        await app.SealAuditAsync();
    }
}

public sealed class AuditSlicesOnSqlite() : AuditSlices(new SqliteTestDatabase());

public sealed class AuditSlicesOnPostgres(PostgresCluster cluster) : AuditSlices(new PostgresTestDatabase(cluster))
{
    [Fact]
    public async Task Concurrent_commands_from_many_connections_and_two_sealers_on_two_instances_extend_one_unbroken_chain()
    {
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster));
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add((await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = $"Par-{i}" })).CaseId);
        }

        await using var other = await app.StartAnotherInstanceAsync();
        using var stop = new CancellationTokenSource();
        var sealers = new[] { app, other }.Select(instance => Task.Run(async () =>
        {
            var sealedCount = 0;
            while (!stop.IsCancellationRequested)
            {
                sealedCount += await instance.SealAuditAsync();
            }

            return sealedCount;
        })).ToList();
        await Task.WhenAll(cases.Select(caseId => Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await app.Send(new AddIncidentCommand(caseId, new IncidentInput(IncidentKind.DigitalForgery, app.Time.GetUtcNow().AddHours(-1), "Another copy")));
            }
        })));
        await stop.CancelAsync();
        var sealedBySealers = (await Task.WhenAll(sealers)).Sum() + await app.SealAuditAsync();
        app.Staff.SeesAllCases = true;
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.True(report.Intact, $"broken at {report.FirstBrokenSequence}");

        // The platform import at start-up, six openings, thirty incidents.
        Assert.Equal(1 + 6 + 30, report.EntriesChecked);
        Assert.Equal(report.EntriesChecked, await app.WithDb(db => db.AuditEntries.LongCountAsync()));
        Assert.Equal(1 + 6 + 30, sealedBySealers);
    }
}
