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

    [Fact]
    public async Task A_platforms_process_lists_its_designated_channels_with_their_steps_and_what_it_asks_for()
    {
        await using var app = await TestApp.StartAsync(database);
        var platforms = await app.Query(new ListPlatformsQuery());

        var discord = await app.Query(new GetPlatformProcessQuery(platforms.Single(p => p.Slug == "discord").Id));
        var x = await app.Query(new GetPlatformProcessQuery(platforms.Single(p => p.Slug == "x").Id));

        Assert.True(discord.Designated);
        var form = Assert.Single(discord.Channels);
        Assert.Equal((ChannelKind.WebForm, "https://discord.com/report"), (form.Kind, form.Target));
        Assert.Equal(2, form.Steps.Count);
        Assert.StartsWith("File one report per media item", form.Steps[1], StringComparison.Ordinal);
        Assert.Contains("legal name", discord.AsksFor);
        Assert.Equal("E-mail status updates.", discord.Receipt);
        Assert.Equal(Coverage.Covered, discord.Coverage);
        Assert.Equal([ChannelKind.InApp, ChannelKind.WebForm], x.Channels.Select(c => c.Kind));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetPlatformProcessQuery(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_platform_without_a_designated_channel_shows_every_channel_and_its_warnings()
    {
        await using var app = await TestApp.StartAsync(database);
        var cloudflare = (await app.Query(new ListPlatformsQuery())).Single(p => p.Slug == "cloudflare");

        var process = await app.Query(new GetPlatformProcessQuery(cloudflare.Id));

        Assert.False(process.Designated);
        Assert.Single(process.Channels);
        Assert.Contains("Lumen", Assert.Single(process.Warnings), StringComparison.Ordinal);
        Assert.Null((await app.Query(new GetPlatformQuery(cloudflare.Id))).Entry.Notes);
    }

    [Fact]
    public async Task Warnings_are_saved_trimmed_exported_and_imported_with_the_entry()
    {
        await using var app = await TestApp.StartAsync(database);
        var telegram = (await app.Query(new ListPlatformsQuery())).Single(p => p.Slug == "telegram");
        var view = await app.Query(new GetPlatformQuery(telegram.Id));

        await app.Send(new SavePlatformCommand(telegram.Id, "telegram", view.Entry with { Warnings = ["  Reports name the reporter to the uploader.  ", " "] }, view.ConcurrencyStamp));

        var saved = await app.Query(new GetPlatformQuery(telegram.Id));
        Assert.Equal(["Reports name the reporter to the uploader."], saved.Entry.Warnings);
        var exported = await app.Query(new ExportPlatformsQuery());
        Assert.Contains("Reports name the reporter to the uploader.", exported, StringComparison.Ordinal);
        await app.Send(new SavePlatformCommand(telegram.Id, "telegram", saved.Entry with { Warnings = [] }, saved.ConcurrencyStamp));
        await app.Send(new ImportPlatformsCommand(exported));
        Assert.Equal(saved.Entry.Warnings, (await app.Query(new GetPlatformQuery(telegram.Id))).Entry.Warnings);
    }

    [Fact]
    public async Task A_bad_entry_is_refused_field_by_field_in_words_for_people()
    {
        await using var app = await TestApp.StartAsync(database);
        var entry = new PlatformEntry(
            "Not A Slug",
            string.Empty,
            PlatformKind.Platform,
            ["https://example.com/path"],
            Coverage.Excluded,
            null,
            [new ChannelEntry(ChannelKind.WebForm, "javascript:alert(1)", null, true), new ChannelEntry(ChannelKind.Email, "not an address", null, false)],
            [],
            null,
            null,
            Verification.Unverified,
            null,
            null);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new SavePlatformCommand(null, entry.Slug, entry, null)));

        Assert.Equal(
            ["Entry.Channels[0].Target", "Entry.Channels[1].Target", "Entry.CoverageNote", "Entry.Domains[0]", "Entry.Name", "Slug"],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("https://", refused.Errors["Entry.Channels[0].Target"][0], StringComparison.Ordinal);
        Assert.Contains("e-mail address", refused.Errors["Entry.Channels[1].Target"][0], StringComparison.Ordinal);
        Assert.All(refused.Errors.Values.SelectMany(m => m), message =>
        {
            Assert.DoesNotContain("Entry", message, StringComparison.Ordinal);
            Assert.DoesNotContain("must not be empty", message, StringComparison.Ordinal);
        });
    }
}

public sealed class PlatformSlicesOnSqlite() : PlatformSlices(new SqliteTestDatabase());

public sealed class PlatformSlicesOnPostgres(PostgresCluster cluster) : PlatformSlices(new PostgresTestDatabase(cluster));
