using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class PlatformSlices(TestDatabase database)
{
    [Fact]
    public async Task The_shipped_directory_is_loaded_with_unverified_entries_marked()
    {
        await using var app = await TestApp.StartAsync(database);

        var platforms = await app.Query(new ListPlatformsQuery());

        Assert.Contains(platforms, p => p.Slug == "x" && p.Verification == Verification.Verified);
        Assert.Contains(platforms, p => p.Slug == "youtube" && p.Verification == Verification.Unverified);
        Assert.Contains(platforms, p => p.Slug == "stopncii" && p.Coverage == Coverage.Excluded);
        Assert.All(platforms, p => Assert.NotNull(p.LastCheckedOn));
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_an_edit_marks_the_entry_unverified_until_checked()
    {
        await using var app = await TestApp.StartAsync(database);
        var exported = await app.Query(new ExportPlatformsQuery());
        var x = (await app.Query(new ListPlatformsQuery())).Single(p => p.Slug == "x");
        var view = await app.Query(new GetPlatformQuery(x.Id));

        await app.Send(new SavePlatformCommand(x.Id, "x", view.Entry with { Notes = "Checked by phone" }, view.ConcurrencyStamp));
        var edited = await app.Query(new GetPlatformQuery(x.Id));
        Assert.Equal(Verification.Unverified, edited.Entry.Verification);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.Send(new SavePlatformCommand(x.Id, "x", view.Entry, view.ConcurrencyStamp)));

        app.Time.Advance(TimeSpan.FromDays(3));
        await app.Send(new MarkPlatformVerifiedCommand(x.Id, "help page read again"));
        var verified = await app.Query(new GetPlatformQuery(x.Id));
        Assert.Equal(Verification.Verified, verified.Entry.Verification);
        Assert.Equal(new DateOnly(2026, 11, 23), verified.Entry.LastCheckedOn);

        var imported = await app.Send(new ImportPlatformsCommand(exported));
        Assert.Equal(0, imported.Added);
        Assert.Equal(await app.Query(new ExportPlatformsQuery()), exported);
    }

    [Fact]
    public async Task A_malformed_import_is_refused_with_a_reason_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(database);
        var before = await app.Query(new ExportPlatformsQuery());
        const string BadEntry = """[{"slug":"Bad Slug","name":"Bad","kind":"platform","domains":["bad.example"],"coverage":"unknown","coverageNote":null,"channels":[],"asksFor":[],"receipt":null,"notes":null,"verification":"unverified","source":null,"lastCheckedOn":null}]""";

        var notJson = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new ImportPlatformsCommand("{ nope")));
        var badSlug = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new ImportPlatformsCommand(BadEntry)));

        Assert.Contains("Json", notJson.Errors.Keys);
        Assert.Contains("slug", Assert.Single(badSlug.Errors).Value[0], StringComparison.Ordinal);
        Assert.Equal(before, await app.Query(new ExportPlatformsQuery()));
    }
}

public sealed class PlatformSlicesOnSqlite() : PlatformSlices(new SqliteTestDatabase());

public sealed class PlatformSlicesOnPostgres(PostgresCluster cluster) : PlatformSlices(new PostgresTestDatabase(cluster));
