using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>Typical messages, so each test states only what it is about.</summary>
public static class Samples
{
    public const string Pseudonym = "Robin-7731";
    public const string LegalName = "Marker Legalname Zq";

    public static ReleaseInput ReleaseForAllPlatforms(DateTimeOffset now) => new(
        "Marker Legalname Zq",
        SignerCapacity.Victim,
        SignatureMethod.Electronic,
        now.AddDays(-1),
        now.AddDays(180),
        AllPlatforms: true,
        PlatformIds: null,
        DisclosableDetails.LegalName | DisclosableDetails.Email | DisclosableDetails.Signature);

    public static OpenCaseCommand OpenCase(DateTimeOffset now, string? pastedUrls = null, bool possibleMinor = false, ReleaseInput? release = null) => new(
        Pseudonym,
        LegalName,
        new DateOnly(1999, 4, 2),
        "en",
        "Prefers contact after 6 pm",
        possibleMinor,
        [new ContactChannelInput(ContactChannelKind.Email, "marker.victim@example.org", true, null)],
        release ?? ReleaseForAllPlatforms(now),
        new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-2), "Deepfake posted after a breakup"),
        pastedUrls,
        AssignedStaffId: null);

    public static SignatureInput Signature(DateTimeOffset now) =>
        new("Alex Advocate", RequesterCapacity.AuthorizedPerson, "Written release signed by the depicted person", now);

    public static ContactInput Contact() =>
        new("Alex Advocate", "Helpline Org", "advocate@helpline.example", "+1 555 0100", null);

    public const string ModelName = "Sample-Person LoRA v2";
    public const string PolicyClause = "Terms 4.2: no models of a real person without their consent";
    public const string SearchQuery = "sample person leaked photos";
    public const string Exclusion = "Every photo from the person's public profile, and anything derived from them";
    public const string FaceSearchRemoval = "Every result showing the person's face, any face data kept, and the face blocked from future searches";

    /// <summary>Every field a request of <paramref name="kind"/> has; none for a Sec. 3 request.</summary>
    public static KindFields FieldsOf(RequestKind kind) => kind switch
    {
        RequestKind.ModelLikenessReport => new(ModelReport: new ModelReportDetails(
            ModelName, "The model's name and sample images reproduce the person's face.", PolicyClause, "TD-2026-00001-R1")),
        RequestKind.SearchDelisting => new(SearchDelisting: new SearchDelistingDetails([SearchQuery, "sample person deepfake"])),
        RequestKind.TrainingOptOut => new(TrainingOptOut: new TrainingOptOutDetails("ExampleFaces-2B", Exclusion)),
        RequestKind.FaceSearchOptOut => new(FaceSearchOptOut: new FaceSearchOptOutDetails(FaceSearchRemoval, "Results 8812 and 8813")),
        _ => KindFields.None,
    };

    public static CompleteRequestElementsCommand Complete(Guid requestId, DateTimeOffset now, RequestKind kind = RequestKind.StatutoryRemoval)
    {
        var fields = FieldsOf(kind);
        return new(
            requestId,
            Signature(now),
            "I have a good-faith belief that this intimate depiction was published without consent.",
            kind == RequestKind.StatutoryRemoval ? "The person never consented; the image is an AI forgery." : null,
            Contact(),
            null,
            fields.ModelReport,
            fields.SearchDelisting,
            fields.TrainingOptOut,
            fields.FaceSearchOptOut);
    }

    public static SubmitRemovalRequestCommand Submit(Guid requestId) => new(
        requestId,
        ChannelKind.WebForm,
        "https://help.x.com/forms/safety-and-sensitive-content/take-it-down",
        "The platform's published Take It Down Act form",
        "X-CONF-1",
        null,
        null,
        null);
}
