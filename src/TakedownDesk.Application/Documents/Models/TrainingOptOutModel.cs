namespace TakedownDesk.Application.Documents.Models;

/// <summary>A voluntary request that a dataset or AI service stop using a person's images for training.</summary>
public sealed record TrainingOptOutModel(
    string OrganisationName,
    PlatformModel Service,
    string RequestReference,
    IReadOnlyList<string> ImageOrProfileUrls,
    string Statement,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
