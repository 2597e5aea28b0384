namespace TakedownDesk.Application.Documents.Models;

/// <summary>A voluntary request that a face-search engine remove a person's results and face data and keep the face out of future searches.</summary>
/// <remarks>
/// Removal: What the engine is to remove and block, in staff's words.<br/>
/// ResultReferences: The engine's own identifiers of results; empty when the person has none.<br/>
/// ResultOrSourceUrls: Result or source pages, as examples; may be empty.<br/>
/// Statement: Optional free text from staff; empty prints no statement section.<br/>
/// </remarks>
public sealed record FaceSearchOptOutModel(
    string OrganisationName,
    PlatformModel Service,
    string RequestReference,
    string Removal,
    string ResultReferences,
    IReadOnlyList<string> ResultOrSourceUrls,
    string Statement,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
