using System.Globalization;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Host names as the directory and the URL matcher compare them: lower case, punycode, no trailing dot or "www.".</summary>
public static class DomainName
{
    private static readonly IdnMapping Idn = new();

    private static readonly HashSet<string> CountryCodeSecondLevels = new(["co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gob", "ltd", "plc", "me", "nic"], StringComparer.Ordinal);

    public static string? Normalize(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return ascii.StartsWith("www.", StringComparison.Ordinal) ? ascii[4..] : ascii;
    }

    /// <summary>
    /// The registrable part of a normalized host ("victim-name.example.co.uk" → "example.co.uk"): the only part of a
    /// content URL kept readable, because a sub-domain can name the person. Without the public-suffix list this keeps the
    /// last two labels, or three under a country code's common second level (co.uk, com.au…), erring towards fewer labels.
    /// </summary>
    public static string Registrable(string host)
    {
        if (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return host;
        }

        var labels = host.Split('.');
        var keep = labels.Length >= 3 && labels[^1].Length == 2 && CountryCodeSecondLevels.Contains(labels[^2]) ? 3 : 2;
        return labels.Length <= keep ? host : string.Join('.', labels[^keep..]);
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="domain"/> or one of its sub-domains.</summary>
    public static bool IsWithin(string host, string domain) =>
        host.Equals(domain, StringComparison.Ordinal) || host.EndsWith("." + domain, StringComparison.Ordinal);
}
