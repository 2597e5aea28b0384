namespace TakedownDesk.Application.Documents.Models;

/// <summary>A voluntary request that a dataset or AI service stop using a person's images for training.</summary>
/// <remarks>
/// DatasetName: The dataset of the service the request is about; empty when it is about the whole service.<br/>
/// Exclusion: What is to be excluded from training, in staff's words.<br/>
/// ImageOrProfileUrls: Examples of what is to be excluded; may be empty.<br/>
/// Statement: Optional free text from staff; empty prints no statement section.<br/>
/// </remarks>
public sealed record TrainingOptOutModel(
    string OrganisationName,
    PlatformModel Service,
    string RequestReference,
    string DatasetName,
    string Exclusion,
    IReadOnlyList<string> ImageOrProfileUrls,
    string Statement,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
