using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.UnitTests.Builders;

/// <summary>
/// A victim with a release covering one platform, and a case holding three locations on that platform,
/// one on another platform and one the directory did not match. Requests are built from it in any state.
/// </summary>
public sealed class Scenario
{
    public const string Pseudonym = "Sparrow-7";
    public const string RequestReference = "TD-2026-00042-R1";
    public const string GoodFaith = "I believe in good faith that this depiction was published without consent.";

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public static readonly string[] PlatformUrls =
    [
        "https://www.example.com/p/sparrow-one",
        "https://example.com/p/sparrow-two",
        "https://cdn.example.com/v/sparrow-three.mp4",
    ];

    public const string OtherPlatformUrl = "https://other.example.org/item/99";
    public const string UnmatchedUrl = "https://unknown.example.net/x/1";

    public Scenario(bool possibleMinor = false, bool withRelease = true, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? Start);
        Victim = new Victim(Pseudonym, ConfidentialDetails.None, possibleMinor, Now);
        if (withRelease)
        {
            Release = RecordRelease(Now.AddDays(-1), Now.AddDays(90), PlatformId);
        }

        Case = new Case(CaseReference.Create(2026, 42), Victim.Id, "staff-1", possibleMinor, Now);
        PlatformLocations = Case.AddLocations([.. PlatformUrls.Select(u => Candidate(u, PlatformId))], null, "First depiction", Now).Added;
        OtherPlatformLocation = Case.AddLocations([Candidate(OtherPlatformUrl, OtherPlatformId)], null, null, Now).Added[0];
        UnmatchedLocation = Case.AddLocations([Candidate(UnmatchedUrl, null)], null, null, Now).Added[0];
        Case.ClearCaseEvents();
    }

    public FakeTimeProvider Time { get; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Guid PlatformId { get; } = Guid.NewGuid();

    public Guid OtherPlatformId { get; } = Guid.NewGuid();

    public Victim Victim { get; }

    public Release? Release { get; }

    public Case Case { get; }

    public IReadOnlyList<Location> PlatformLocations { get; }

    public Location OtherPlatformLocation { get; }

    public Location UnmatchedLocation { get; }

    public static SignatureBlock Signature => new("Jordan Case-Worker", RequesterCapacity.AuthorizedPerson, "Signed release on file", Start.UtcDateTime);

    public static RequesterContact Contact => new("Jordan Case-Worker", "Safe Harbor Advocates", "takedowns@safeharbor.example", null, null);

    public static CandidateLocation Candidate(string url, Guid? platformId) => new(NormalizedUrl.Create(url), platformId);

    public Release RecordRelease(DateTime signedAtUtc, DateTime expiresAtUtc, params Guid[] platformIds) =>
        Victim.RecordRelease(
            "Sparrow Seven",
            SignerCapacity.Victim,
            SignatureMethod.Electronic,
            signedAtUtc,
            expiresAtUtc,
            platformIds.Length == 0
                ? ReleaseScope.ForAllPlatforms(DisclosableDetails.LegalName | DisclosableDetails.Email | DisclosableDetails.Signature)
                : ReleaseScope.ForPlatforms(platformIds, DisclosableDetails.LegalName | DisclosableDetails.Email | DisclosableDetails.Signature),
            Now);

    public IReadOnlyCollection<Guid> PlatformLocationIds => [.. PlatformLocations.Select(l => l.Id)];

    public RemovalRequest Draft(RequestKind kind = RequestKind.StatutoryRemoval, IReadOnlyCollection<Guid>? locationIds = null) =>
        RemovalRequest.Draft(Case, RequestReference, PlatformId, kind, locationIds ?? PlatformLocationIds, Victim, Now);

    public RemovalRequest Ready(RequestKind kind = RequestKind.StatutoryRemoval, IReadOnlyCollection<Guid>? locationIds = null)
    {
        var request = Draft(kind, locationIds);
        Complete(request);
        return request;
    }

    public static void Complete(RemovalRequest request)
    {
        request.CompleteElements(Signature, GoodFaith, "Posted by a former partner.", Contact);
        request.DescribeKind(FieldsOf(request.Kind));
    }

    /// <summary>Every field a request of <paramref name="kind"/> needs; none for a Sec. 3 request.</summary>
    public static KindFields FieldsOf(RequestKind kind) => kind switch
    {
        RequestKind.ModelLikenessReport => new(ModelReport: new ModelReportDetails("Person LoRA", "Trained on her photos; the trigger word is her name.", "Terms 4.2", null)),
        RequestKind.SearchDelisting => new(SearchDelisting: new SearchDelistingDetails(["person leaked"])),
        RequestKind.TrainingOptOut => new(TrainingOptOut: new TrainingOptOutDetails(null, "Every photo from her public profile")),
        RequestKind.FaceSearchOptOut => new(FaceSearchOptOut: new FaceSearchOptOutDetails("Every result of her face, and her face kept out of future searches", null)),
        _ => KindFields.None,
    };

    public Submission Submission(DateTime? submittedAtUtc = null, DateTime? recordedReceiptAtUtc = null) =>
        new(
            ChannelKind.WebForm,
            "https://example.com/legal/take-it-down",
            "The platform's help centre names this form for Take It Down Act requests.",
            submittedAtUtc ?? Now,
            "staff-1",
            "CONF-123",
            null,
            recordedReceiptAtUtc);

    /// <summary>A ready statutory request submitted now (or at the given instant).</summary>
    public RemovalRequest Submitted(RequestKind kind = RequestKind.StatutoryRemoval, DateTime? submittedAtUtc = null, DateTime? recordedReceiptAtUtc = null)
    {
        var request = Ready(kind);
        request.Submit(Submission(submittedAtUtc, recordedReceiptAtUtc), Victim, Coverage.Covered, Now);
        return request;
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    public static IEnumerable<CaseEvent> EventsOf(AggregateRoot aggregate) => aggregate.PendingCaseEvents;
}
