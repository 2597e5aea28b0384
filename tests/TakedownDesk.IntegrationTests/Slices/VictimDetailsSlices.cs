using System.Text;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>The person's details and contacts edited after intake: sealed like at intake, audited, refused on a stale page, 404 to others.</summary>
public abstract class VictimDetailsSlices(TestDatabase database)
{
    private const string NewPhone = "+1 555 0123 9876";
    private const string NewAddress = "Marker 7 Quiet Road, Shelbyville";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:1:Id"] = "caseworker-2",
        ["Staff:Members:1:Email"] = "cass@helpline.example",
    };

    private static EditVictimDetailsCommand Edit(Guid caseId, Guid? stamp) => new(
        caseId,
        " Wren-3 ",
        "Marker Newname Zq",
        new DateOnly(1998, 5, 6),
        "es",
        null,
        [
            new ContactChannelInput(ContactChannelKind.Phone, NewPhone, false, "Texts only"),
            new ContactChannelInput(ContactChannelKind.Postal, NewAddress, true, null),
        ],
        stamp);

    [Fact]
    public async Task Edited_details_and_contacts_replace_the_old_ones_are_sealed_at_rest_and_the_edit_is_audited()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with
        {
            ContactChannels = [new ContactChannelInput(ContactChannelKind.Email, "old@example.org", true, null)],
        });
        var before = await app.Query(new GetCaseDetailQuery(opened.CaseId));

        await app.Send(Edit(opened.CaseId, before.Victim.ConcurrencyStamp));

        var details = await app.Query(new GetConfidentialDetailsQuery(opened.CaseId));
        Assert.Equal(("Marker Newname Zq", new DateOnly(1998, 5, 6), "es", (string?)null), (details.LegalName, details.DateOfBirth, details.PreferredLanguage, details.Notes));
        Assert.Equal(
            [new ContactChannelView(ContactChannelKind.Phone, NewPhone, false, "Texts only"), new ContactChannelView(ContactChannelKind.Postal, NewAddress, true, null)],
            details.ContactChannels);
        var after = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(("Wren-3", 2), (after.Victim.Pseudonym, after.Victim.ContactChannelCount));
        Assert.NotEqual(before.Victim.ConcurrencyStamp, after.Victim.ConcurrencyStamp);
        Assert.Equal("VictimDetailsEdited", after.Timeline[0].Kind);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.CaseId == opened.CaseId && a.Action == nameof(EditVictimDetailsCommand) && a.ActorId == "caseworker-1")));

        var stored = await app.WithDb(async db => string.Join('\n',
            (await db.Database.SqlQueryRaw<byte[]>("SELECT \"Value\" AS \"Value\" FROM \"ContactChannels\"").ToListAsync())
            .Concat(await db.Database.SqlQueryRaw<byte[]>("SELECT \"Details\" AS \"Value\" FROM \"Victims\"").ToListAsync())
            .Select(Encoding.Latin1.GetString)));
        Assert.DoesNotContain(NewPhone, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Quiet Road", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Newname", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("old@example.org", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_made_on_a_page_older_than_the_last_save_is_refused_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var stale = (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Victim.ConcurrencyStamp;
        await app.Send(Edit(opened.CaseId, stale) with { Pseudonym = "Robin-1" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.Send(Edit(opened.CaseId, stale)));

        Assert.Equal("Robin-1", (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Victim.Pseudonym);
    }

    [Fact]
    public async Task A_blank_pseudonym_or_contact_is_refused_beside_its_field_and_the_same_contact_twice_by_its_rule()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(Edit(opened.CaseId, null) with
        {
            Pseudonym = " ",
            ContactChannels = [new ContactChannelInput(ContactChannelKind.Email, " ", true, null)],
        }));
        var repeated = await Assert.ThrowsAsync<Domain.Common.BusinessRuleViolationException>(() => app.Send(Edit(opened.CaseId, null) with
        {
            ContactChannels = [new ContactChannelInput(ContactChannelKind.Email, "a@example.org", true, null), new ContactChannelInput(ContactChannelKind.Email, "A@example.org", true, null)],
        }));

        Assert.Equal(["ContactChannels[0].Value", "Pseudonym"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(nameof(ContactChannelsAreNotRepeated), repeated.RuleName);
        Assert.Equal(Samples.Pseudonym, (await app.Query(new GetCaseDetailQuery(opened.CaseId))).Victim.Pseudonym);
    }

    [Fact]
    public async Task Another_caseworker_cannot_edit_the_person_of_a_case_they_cannot_open()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        app.Staff.Id = "caseworker-2";

        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(Edit(opened.CaseId, null)));
    }
}

public sealed class VictimDetailsSlicesOnSqlite() : VictimDetailsSlices(new SqliteTestDatabase());

public sealed class VictimDetailsSlicesOnPostgres(PostgresCluster cluster) : VictimDetailsSlices(new PostgresTestDatabase(cluster));
