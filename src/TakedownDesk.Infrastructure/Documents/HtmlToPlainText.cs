using System.Net;
using System.Text.RegularExpressions;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>The text/plain alternative of an e-mail, made from its rendered HTML: no tags, link URLs kept, whitespace tidied.</summary>
public static partial class HtmlToPlainText
{
    public static string Convert(string html)
    {
        var text = InvisibleElements().Replace(html, string.Empty);
        text = Links().Replace(text, match => LinkText(match.Groups["text"].Value, match.Groups["href"].Value));
        text = LineBreaks().Replace(text, "\n");
        text = ListItems().Replace(text, "\n- ");
        text = TableCells().Replace(text, " | ");
        text = BlockEnds().Replace(text, "\n");
        text = AnyTag().Replace(text, string.Empty);

        // Angle brackets typed into data become look-alikes, so the text can never carry a tag even if a client shows it as HTML.
        text = WebUtility.HtmlDecode(text).Replace('<', '‹').Replace('>', '›');

        text = SpacesAndTabs().Replace(text, " ");
        text = string.Join('\n', text.Split('\n').Select(line => line.Trim(' ', '|').Trim()));
        return ThreeOrMoreNewlines().Replace(text, "\n\n").Trim() + "\n";
    }

    private static string LinkText(string innerHtml, string encodedHref)
    {
        var label = AnyTag().Replace(innerHtml, string.Empty).Trim();
        var href = WebUtility.HtmlDecode(encodedHref);
        return WebUtility.HtmlDecode(label) == href || label.Length == 0 ? encodedHref : $"{label} ({encodedHref})";
    }

    [GeneratedRegex(@"<(head|style|script|title)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleElements();

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*"(?<href>[^"]*)"[^>]*>(?<text>.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableCells();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|thead|tbody|section|header|footer|ul|ol|dl|dt|dd|blockquote|pre|address)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesAndTabs();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeOrMoreNewlines();
}
