namespace TakedownDesk.Application.Documents.Models;

/// <summary>The letter to the victim: what was sent, to whom, when, and what to expect; platform names and counts, never content addresses.</summary>
/// <remarks>
/// Requests: Every request that was sent, oldest first; may be empty.<br/>
/// TimeZoneId: The zone the dates are given in.<br/>
/// </remarks>
public sealed record VictimSummaryModel(string OrganisationName, IReadOnlyList<SentRequestModel> Requests, string TimeZoneId, string GeneratedAt, string Language);

/// <summary>One request as the victim reads it.</summary>
/// <remarks>
/// Kind: one of <c>removal</c>, <c>model-report</c>, <c>search-delisting</c>, <c>training-opt-out</c>, <c>face-search-opt-out</c>; each template words it.<br/>
/// Deadline: The statutory deadline (a removal request to a covered platform); empty otherwise.<br/>
/// FollowUpOn: The date staff check again when there is no deadline; empty when there is one.<br/>
/// Finished: The platform answered every address or staff closed the request.<br/>
/// </remarks>
public sealed record SentRequestModel(string Platform, string Kind, string SentOn, int Locations, int Removed, string Deadline, string FollowUpOn, bool Finished);
