using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

public abstract class RequestSuggestionSlices(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:0:Name"] = "Casey Worker",
        ["Alerts:OrganisationName"] = "Harbour Helpline",
    };

    [Fact]
    public async Task The_elements_form_offers_the_staff_member_the_organisation_the_release_and_the_vetted_statement_for_the_incident()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));

        var suggested = await app.Query(new SuggestRequestElementsQuery(drafted.RequestId));

        Assert.Equal(("Casey Worker", "Casey Worker", "casey@helpline.example", "Harbour Helpline"), (suggested.SignedName, suggested.ContactName, suggested.ContactEmail, suggested.ContactOrganisation));
        Assert.StartsWith("Written release signed 2026-11-19, valid until ", suggested.AuthorityBasis, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.LegalName, suggested.AuthorityBasis, StringComparison.Ordinal);
        var statement = Assert.Single(suggested.Statements);
        Assert.Equal(IncidentKind.DigitalForgery, statement.Kind);
        Assert.Contains("digital forgery", statement.Text, StringComparison.Ordinal);
    }
}

public sealed class RequestSuggestionSlicesOnSqlite() : RequestSuggestionSlices(new SqliteTestDatabase());
