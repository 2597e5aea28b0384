namespace TakedownDesk.Application.Documents.Models;

/// <summary>A likeness / terms-of-service report about a person-specific model on a model hub.</summary>
/// <remarks>
/// PolicyClause: The hub's own rule the model breaks, e.g. "Terms 4.2: no models of real people without consent".<br/>
/// RelatedRemovalRequestReference: Our reference of the separate removal request for the model's intimate preview images; empty if none.<br/>
/// </remarks>
public sealed record ModelReportModel(
    string OrganisationName,
    PlatformModel Hub,
    string RequestReference,
    string ModelName,
    IReadOnlyList<string> ModelUrls,
    string LikenessStatement,
    string PolicyClause,
    string RelatedRemovalRequestReference,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
