using System.Globalization;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Host names as the directory and the URL matcher compare them: lower case, punycode, no trailing dot or "www.".</summary>
public static class DomainName
{
    private static readonly IdnMapping Idn = new();

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

    /// <summary>True when <paramref name="host"/> is <paramref name="domain"/> or one of its sub-domains.</summary>
    public static bool IsWithin(string host, string domain) =>
        host.Equals(domain, StringComparison.Ordinal) || host.EndsWith("." + domain, StringComparison.Ordinal);
}
