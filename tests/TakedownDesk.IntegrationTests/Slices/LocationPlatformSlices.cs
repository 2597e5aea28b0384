using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>A URL whose host matched no directory entry, assigned to a platform by hand: it groups there and can be drafted.</summary>
public abstract class LocationPlatformSlices(TestDatabase database)
{
    private const string UnmatchedUrl = "https://unknown-host.example/page?id=7";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:1:Id"] = "caseworker-2",
        ["Staff:Members:1:Email"] = "cass@helpline.example",
    };

    [Fact]
    public async Task An_unmatched_location_assigned_to_a_platform_groups_under_it_is_audited_and_can_be_drafted()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var reddit = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "reddit").Select(p => p.Id).SingleAsync());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), UnmatchedUrl));
        var location = Assert.Single(opened.Locations.Accepted);
        Assert.Null(location.PlatformId);

        await app.Send(new AssignLocationToPlatformCommand(opened.CaseId, location.LocationId, reddit));

        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        var group = Assert.Single(detail.LocationsByPlatform);
        Assert.Equal((reddit, "Reddit", location.LocationId), (group.PlatformId, group.PlatformName, Assert.Single(group.Locations).Id));
        Assert.Equal("LocationPlatformAssigned", detail.Timeline[0].Kind);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.CaseId == opened.CaseId && a.Action == nameof(AssignLocationToPlatformCommand))));
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, reddit, RequestKind.StatutoryRemoval, [location.LocationId]));
        var request = Assert.Single((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Requests);
        Assert.Equal((drafted.RequestId, reddit, 1), (request.Id, request.PlatformId, request.LocationCount));
    }

    [Fact]
    public async Task A_matched_location_or_a_platform_outside_the_directory_is_refused_and_another_caseworker_gets_404()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var reddit = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "reddit").Select(p => p.Id).SingleAsync());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), $"https://x.com/a/status/1\n{UnmatchedUrl}"));
        var matched = opened.Locations.Accepted.Single(l => l.PlatformId is not null);
        var unmatched = opened.Locations.Accepted.Single(l => l.PlatformId is null);

        var kept = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new AssignLocationToPlatformCommand(opened.CaseId, matched.LocationId, reddit)));
        var unknown = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new AssignLocationToPlatformCommand(opened.CaseId, unmatched.LocationId, Guid.NewGuid())));
        app.Staff.Id = "caseworker-2";
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new AssignLocationToPlatformCommand(opened.CaseId, unmatched.LocationId, reddit)));

        Assert.Equal((nameof(OnlyAnUnmatchedLocationIsAssignedAPlatform), nameof(LocationGoesToADirectoryPlatform)), (kept.RuleName, unknown.RuleName));
        Assert.Null(await app.WithDb(db => db.Locations.Where(l => l.Id == unmatched.LocationId).Select(l => l.PlatformId).SingleAsync()));
    }
}

public sealed class LocationPlatformSlicesOnSqlite() : LocationPlatformSlices(new SqliteTestDatabase());

public sealed class LocationPlatformSlicesOnPostgres(PostgresCluster cluster) : LocationPlatformSlices(new PostgresTestDatabase(cluster));
