using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Rules;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>A release limited to named directory platforms: it names only platforms the directory has, and a later one can add a platform.</summary>
public abstract class ReleaseScopeSlices(TestDatabase database)
{
    [Fact]
    public async Task A_release_naming_a_platform_outside_the_directory_is_refused_at_intake_and_on_the_case()
    {
        await using var app = await TestApp.StartAsync(database);
        var now = app.Time.GetUtcNow();
        var unknown = Samples.ReleaseForAllPlatforms(now) with { AllPlatforms = false, PlatformIds = [Guid.NewGuid()] };
        var opened = await app.Send(Samples.OpenCase(now));

        var atIntake = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(Samples.OpenCase(now, release: unknown)));
        var onTheCase = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new RecordReleaseCommand(opened.CaseId, unknown)));

        Assert.Equal((nameof(ReleaseNamesDirectoryPlatforms), nameof(ReleaseNamesDirectoryPlatforms)), (atIntake.RuleName, onTheCase.RuleName));
        Assert.Single((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Releases);
        Assert.Equal(1, await app.WithDb(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_request_outside_the_named_platforms_is_refused_in_words_until_a_release_names_that_platform_too()
    {
        await using var app = await TestApp.StartAsync(database);
        var discord = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "discord").Select(p => p.Id).SingleAsync());
        var now = app.Time.GetUtcNow();
        var opened = await app.Send(Samples.OpenCase(now, "https://x.com/a/status/1", release: Samples.ReleaseForAllPlatforms(now) with { AllPlatforms = false, PlatformIds = [discord] }));
        var x = opened.Locations.Accepted[0];
        var draft = new DraftRemovalRequestCommand(opened.CaseId, x.PlatformId!.Value, RequestKind.StatutoryRemoval, [x.LocationId]);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(draft));
        await app.Send(new RecordReleaseCommand(opened.CaseId, Samples.ReleaseForAllPlatforms(now) with { AllPlatforms = false, PlatformIds = [x.PlatformId.Value] }));
        var drafted = await app.Send(draft);

        Assert.Equal((nameof(NoReleaseNoRequest), "No release in force covers this platform: record a signed release that names it (or all platforms) first."), (refused.RuleName, refused.Message));
        Assert.Equal(x.PlatformId, (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Requests.Single(r => r.Id == drafted.RequestId).PlatformId);
        var releases = (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Releases;
        Assert.Equal(new[] { discord, x.PlatformId.Value }.Order(), releases.SelectMany(r => r.PlatformIds).Order());
        Assert.All(releases, r => Assert.False(r.AllPlatforms));
    }
}

public sealed class ReleaseScopeSlicesOnSqlite() : ReleaseScopeSlices(new SqliteTestDatabase());

public sealed class ReleaseScopeSlicesOnPostgres(PostgresCluster cluster) : ReleaseScopeSlices(new PostgresTestDatabase(cluster));
