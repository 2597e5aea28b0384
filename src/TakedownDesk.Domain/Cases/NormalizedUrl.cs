using System.Security.Cryptography;
using System.Text;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Domain.Cases;

/// <summary>
/// Where content appears: an absolute http(s) URL in a canonical spelling, so that the same location pasted
/// twice is recognised. The fragment is dropped (servers never see it); the path and query are kept as the
/// platform needs them to locate the content.
/// </summary>
public sealed record NormalizedUrl
{
    public const int MaximumLength = 8192;

    private NormalizedUrl(Uri uri, string host)
    {
        Value = uri.AbsoluteUri;
        Host = host;
        var withoutWww = new UriBuilder(uri) { Host = host }.Uri.AbsoluteUri;
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutWww)));
    }

    public string Value { get; }

    /// <summary>
    /// A fixed-length key for de-duplication and indexing (URLs can be longer than an index allows). It ignores a
    /// leading "www." so that www.x.com/… and x.com/… count as one location.
    /// </summary>
    public string Key { get; }

    /// <summary>The host as the platform directory matches it (lower case, punycode, no "www.").</summary>
    public string Host { get; }

    public static bool TryCreate(string? text, out NormalizedUrl? url, out string? error)
    {
        url = null;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "The line is empty.";
            return false;
        }

        if (trimmed.Length > MaximumLength)
        {
            error = $"The URL is longer than {MaximumLength} characters.";
            return false;
        }

        // On Unix "/path" parses as an absolute file: URI; it is a relative URL to staff.
        if (trimmed.StartsWith('/') || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            error = "This is not an absolute URL (it should start with https:// or http://).";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            error = $"Only http and https addresses can be located by a platform, not \"{uri.Scheme}\".";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = "The URL contains a user name or password; remove them.";
            return false;
        }

        var host = DomainName.Normalize(uri.IdnHost);
        if (host is null || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            error = "The URL has no valid host name.";
            return false;
        }

        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme,
            Host = uri.IdnHost.TrimEnd('.').ToLowerInvariant(),
            Fragment = string.Empty,
        };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        url = new NormalizedUrl(builder.Uri, host);
        return true;
    }

    public static NormalizedUrl Create(string text) =>
        TryCreate(text, out var url, out var error) ? url! : throw new ArgumentException(error, nameof(text));

    public override string ToString() => Value;
}
