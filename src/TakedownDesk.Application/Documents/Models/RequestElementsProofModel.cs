namespace TakedownDesk.Application.Documents.Models;

/// <summary>Evidence that one request held the four statutory elements when it was sent, and how the platform answered it.</summary>
/// <remarks>
/// Channel: The designated process it went through.<br/>
/// Evidence: The e-mail's Message-ID or the form's confirmation number; empty if none.<br/>
/// Deadline: Pre-formatted UTC; "none" for a request without a statutory deadline.<br/>
/// MissedBy: Pre-formatted, e.g. "31 hours (1 day 7 hours)"; empty when the deadline was met or has not passed.<br/>
/// </remarks>
public sealed record RequestElementsProofModel(
    string RequestReference,
    string PlatformRequestNumber,
    string SubmittedAt,
    bool SignaturePresent,
    int LocationsCount,
    bool StatementPresent,
    bool ContactPresent,
    string Channel,
    string Evidence,
    string Deadline,
    string MissedBy,
    string Status);
