namespace TakedownDesk.Application.Documents.Models;

/// <summary>A request to a search engine to delist results that lead to intimate images.</summary>
/// <remarks>
/// Statement: Optional free text from staff; empty prints no statement section.<br/>
/// </remarks>
public sealed record SearchDelistingModel(
    string OrganisationName,
    PlatformModel SearchEngine,
    string RequestReference,
    IReadOnlyList<string> SearchQueries,
    IReadOnlyList<string> ResultUrls,
    string Statement,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
