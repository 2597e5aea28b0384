using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>Co-workers reach a case like its caseworker; after a handover the previous caseworker keeps access for the grace, then it ends by time alone.</summary>
public abstract class CoworkerSlices(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:1:Id"] = "caseworker-2",
        ["Staff:Members:1:Email"] = "cass@helpline.example",
        ["Staff:Members:2:Id"] = "caseworker-3",
        ["Staff:Members:2:Email"] = "cleo@helpline.example",
        ["Staff:Members:3:Id"] = "supervisor-1",
        ["Staff:Members:3:Email"] = "sam@helpline.example",
        ["Staff:Members:3:Role"] = "Supervisor",
        ["Casework:HandoverGrace"] = "2.00:00:00",
    };

    [Fact]
    public async Task A_coworker_opens_lists_and_works_the_case_like_its_caseworker_until_removed_then_gets_404()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new AddCaseTaskCommand(opened.CaseId, "Call back", app.Time.GetUtcNow().AddHours(3), null));

        await app.Send(new AddCoworkerCommand(opened.CaseId, "caseworker-2"));
        app.Staff.Id = "caseworker-2";

        Assert.Equal(opened.Reference, (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Reference);
        Assert.Contains(opened.CaseId, (await app.Query(new ListCasesQuery(null, null, null, null))).Items.Select(c => c.Id));
        Assert.Single((await app.Query(new GetDeadlineBoardQuery(48))).Tasks);
        await app.Send(new WriteCaseNoteCommand(opened.CaseId, "Took the call while Casey was out."));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new AddCoworkerCommand(opened.CaseId, "caseworker-3")));
        Assert.Equal(nameof(CoworkersAreChosenByTheCaseworkerOrASupervisor), refused.RuleName);

        app.Staff.Id = "caseworker-1";
        await app.Send(new RemoveCoworkerCommand(opened.CaseId, "caseworker-2"));
        app.Staff.Id = "caseworker-2";

        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetCaseDetailQuery(opened.CaseId)));
        Assert.Empty((await app.Query(new ListCasesQuery(null, null, null, null))).Items);
        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(48))).Tasks);
    }

    [Fact]
    public async Task After_a_reassignment_the_previous_caseworker_keeps_access_for_the_configured_grace_and_loses_it_by_time_alone()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var handedOverAt = app.Time.GetUtcNow().UtcDateTime;
        app.Staff.Id = "supervisor-1";
        app.Staff.SeesAllCases = true;

        await app.Send(new AssignCaseCommand(opened.CaseId, "caseworker-2", null));

        var grace = Assert.Single((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Coworkers);
        Assert.Equal(("caseworker-1", CoworkerReason.Handover, (DateTime?)handedOverAt.AddDays(2), true), (grace.StaffId, grace.Reason, grace.EndsAtUtc, grace.Active));
        app.Staff.Id = "caseworker-1";
        app.Staff.SeesAllCases = false;
        app.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        await app.Send(new WriteCaseNoteCommand(opened.CaseId, "Handing over: she prefers e-mail."));

        app.Time.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new WriteCaseNoteCommand(opened.CaseId, "Too late")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetCaseDetailQuery(opened.CaseId)));
        Assert.Empty((await app.Query(new ListCasesQuery(null, null, null, null))).Items);
        app.Staff.Id = "caseworker-2";
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.False(Assert.Single(detail.Coworkers).Active);
        Assert.Contains(detail.Timeline, t => t.Kind == "HandoverGraceStarted");
        Assert.Single(detail.Notes);
        app.Staff.Id = "supervisor-1";
        app.Staff.SeesAllCases = true;
        var history = (await app.Query(new GetCaseAccessHistoryQuery(opened.CaseId))).Select(a => (a.ActorId, a.Action, a.Kind)).ToList();
        Assert.Contains(("supervisor-1", nameof(AssignCaseCommand), AuditKind.Command), history);
        Assert.Contains(("caseworker-1", nameof(WriteCaseNoteCommand), AuditKind.Command), history);
        Assert.Contains(("caseworker-1", nameof(GetCaseDetailQuery), AuditKind.DeniedView), history);
    }

    [Fact]
    public async Task A_caseworker_who_is_no_coworker_cannot_add_themselves_and_gets_404()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        app.Staff.Id = "caseworker-3";

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new AddCoworkerCommand(opened.CaseId, "caseworker-3")));

        Assert.Equal(0, await app.WithDb(db => db.Set<CaseCoworker>().CountAsync()));
    }
}

public sealed class CoworkerSlicesOnSqlite() : CoworkerSlices(new SqliteTestDatabase());

public sealed class CoworkerSlicesOnPostgres(PostgresCluster cluster) : CoworkerSlices(new PostgresTestDatabase(cluster));
