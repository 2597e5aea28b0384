namespace TakedownDesk.Application.Ports;

/// <summary>
/// Asks a location's address for its status without fetching the content (HEAD, or a capped GET of an HTML page),
/// public addresses only. Never throws for what the site does: a refusal, timeout or blocked address is a result.
/// </summary>
public interface ILocationProbe
{
    Task<ProbeResult> ProbeAsync(string url, CancellationToken cancellationToken);
}

/// <param name="StatusCode">The last answer's status code; null when nothing answered.</param>
/// <param name="FinalUrl">Where the redirects ended; null when nothing answered.</param>
/// <param name="Failure">Why nothing usable answered (a kind, never the address), for counts in the logs.</param>
public sealed record ProbeResult(int? StatusCode, string? FinalUrl, ProbeFailure Failure = ProbeFailure.None);

public enum ProbeFailure
{
    None,
    BlockedAddress,
    TooManyRedirects,
    TimedOut,
    Unreachable,
    InvalidAddress,
}
