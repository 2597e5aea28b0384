namespace TakedownDesk.Application.Documents.Models;

/// <summary>A deadline shown twice, pre-formatted: in UTC and in the requester's time zone.</summary>
/// <remarks>
/// Utc: E.g. "2026-11-30 14:05 UTC".<br/>
/// Local: E.g. "2026-11-30 09:05 EST".<br/>
/// TimeZoneId: IANA id of the local time, e.g. "America/New_York".<br/>
/// </remarks>
public sealed record DeadlineModel(string Utc, string Local, string TimeZoneId);
