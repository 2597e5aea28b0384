namespace TakedownDesk.Application.Documents.Models;

/// <summary>Evidence that one request held the four statutory elements when it was sent.</summary>
public sealed record RequestElementsProofModel(
    string RequestReference,
    string PlatformRequestNumber,
    string SubmittedAt,
    bool SignaturePresent,
    int LocationsCount,
    bool StatementPresent,
    bool ContactPresent);
