using TakedownDesk.Application.Documents.Models;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>Removal request models for tests; every free-text field can be set to the same string.</summary>
public static class RemovalNotices
{
    public static RemovalNoticeModel WithLocations(int count, string freeText = "Ordinary text")
    {
        var locations = Enumerable.Range(1, count)
            .Select(i => new LocationModel($"https://host.example/media/item-{i:D4}", $"{freeText} note {i}"))
            .ToList();
        return new RemovalNoticeModel(
            OrganisationName: freeText,
            Platform: new PlatformModel(freeText, freeText),
            RequestReference: "TD-TEST-1",
            DepictionKind: freeText,
            Signature: new SignatureBlockModel(freeText, SignatureBlockModel.AuthorizedPerson, freeText, "2026-11-27"),
            Depictions: [new DepictionModel(freeText, locations)],
            GoodFaithStatement: freeText,
            SupportingFacts: [freeText, freeText],
            RequesterContact: new ContactModel(freeText, freeText, freeText, freeText, freeText),
            LegalBasis: "Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12",
            Deadline: new DeadlineModel("2026-11-29 15:30 UTC", "2026-11-29 10:30 EST", "America/New_York"),
            GeneratedAt: "2026-11-27 15:30 UTC",
            Language: "en");
    }
}
