namespace TakedownDesk.Application.Documents.Models;

/// <summary>A likeness / terms-of-service report about a person-specific model on a model hub.</summary>
/// <remarks>
/// RelatedRemovalRequestReference: The Sec. 3 request sent for the preview images; empty if none.<br/>
/// </remarks>
public sealed record ModelReportModel(
    string OrganisationName,
    PlatformModel Hub,
    string RequestReference,
    IReadOnlyList<string> ModelUrls,
    IReadOnlyList<string> PreviewImageUrls,
    string LikenessStatement,
    string RelatedRemovalRequestReference,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
