using Microsoft.EntityFrameworkCore;
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

        var history = await app.Query(new GetCaseAccessHistoryQuery(opened.CaseId));
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.Equal(
            [("caseworker-1", "OpenCaseCommand", AuditKind.Command), ("caseworker-1", "SetLegalHoldCommand", AuditKind.Command), ("caseworker-2", "GetConfidentialDetailsQuery", AuditKind.ConfidentialView)],
            history.Select(h => (h.ActorId, h.Action, h.Kind)));
        Assert.True(report.Intact);
        Assert.Null(report.FirstBrokenSequence);
        Assert.True(report.EntriesChecked >= 3);

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
    public async Task Removing_the_newest_entries_links_up_but_an_anchor_recorded_earlier_catches_it()
    {
        await using var app = await TestApp.StartAsync(database);
        await FillChainAsync(app);
        app.Staff.SeesAllCases = true;
        var recorded = await app.Query(new VerifyAuditChainQuery());
        Assert.True(recorded.Intact);
        var head = recorded.Head!;
        Assert.True((await app.Query(new VerifyAuditChainQuery(head))).Intact);

        await app.WithDb(db => db.AuditEntries.Where(e => e.Sequence >= head.Sequence - 1).ExecuteDeleteAsync());

        Assert.True((await app.Query(new VerifyAuditChainQuery())).Intact);
        var anchored = await app.Query(new VerifyAuditChainQuery(head));
        Assert.False(anchored.Intact);
        Assert.True(anchored.AnchorMissing);
        Assert.Equal(head.Sequence - 1, anchored.FirstBrokenSequence);
    }

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
    }
}

public sealed class AuditSlicesOnSqlite() : AuditSlices(new SqliteTestDatabase());

public sealed class AuditSlicesOnPostgres(PostgresCluster cluster) : AuditSlices(new PostgresTestDatabase(cluster))
{
    [Fact]
    public async Task Concurrent_commands_from_many_connections_extend_one_unbroken_chain()
    {
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster));
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add((await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { Pseudonym = $"Par-{i}" })).CaseId);
        }

        await Task.WhenAll(cases.Select(caseId => Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await app.Send(new AddIncidentCommand(caseId, new IncidentInput(IncidentKind.DigitalForgery, app.Time.GetUtcNow().AddHours(-1), "Another copy")));
            }
        })));
        app.Staff.SeesAllCases = true;
        var report = await app.Query(new VerifyAuditChainQuery());

        Assert.True(report.Intact, $"broken at {report.FirstBrokenSequence}");

        // The platform import at start-up, six openings, thirty incidents.
        Assert.Equal(1 + 6 + 30, report.EntriesChecked);
        Assert.Equal(report.EntriesChecked, await app.WithDb(db => db.AuditEntries.LongCountAsync()));
    }
}
