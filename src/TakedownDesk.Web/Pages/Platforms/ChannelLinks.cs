using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Web.Pages.Platforms;

/// <summary>Where a channel's target links to: only http(s) and e-mail addresses become links, so a typed "javascript:" never runs.</summary>
public static class ChannelLinks
{
    public static string? Href(ChannelKind kind, string? target)
    {
        var value = target?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return kind switch
        {
            ChannelKind.WebForm when Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) => uri.AbsoluteUri,
            ChannelKind.Email when value.Contains('@', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal) => "mailto:" + value,
            _ => null,
        };
    }
}
