namespace TakedownDesk.Application.Documents.Models;

/// <summary>A request to a search engine to delist results that lead to intimate images.</summary>
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
