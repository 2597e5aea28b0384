namespace TakedownDesk.Application.Documents.Models;

/// <summary>A Sec. 3 removal request: the four statutory elements and the 48-hour deadline.</summary>
/// <remarks>
/// DepictionKind: Pre-formatted, e.g. "authentic intimate depiction" or "digital forgery (AI-generated)".<br/>
/// LegalBasis: E.g. "Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12".<br/>
/// GeneratedAt: Pre-formatted UTC time the document was made.<br/>
/// Language: Language code of the document, e.g. "en".<br/>
/// </remarks>
public sealed record RemovalNoticeModel(
    string OrganisationName,
    PlatformModel Platform,
    string RequestReference,
    string DepictionKind,
    SignatureBlockModel Signature,
    IReadOnlyList<DepictionModel> Depictions,
    string GoodFaithStatement,
    IReadOnlyList<string> SupportingFacts,
    ContactModel RequesterContact,
    string LegalBasis,
    DeadlineModel Deadline,
    string GeneratedAt,
    string Language);
