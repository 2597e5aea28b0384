using System.Text.RegularExpressions;

namespace TakedownDesk.Application.Documents;

/// <summary>Marks the on-screen preview as a draft, so nobody sends it instead of the final PDF (which is printed from the unmarked rendering).</summary>
public static partial class DraftWatermark
{
    public const string Word = "DRAFT";

    private const string Style =
        "<style>.draft-watermark{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;z-index:1000;"
        + "font-size:120px;font-weight:bold;color:rgba(200,0,0,.15);transform:rotate(-35deg)}"
        + ".draft-banner{border:2px solid #c00;color:#c00;font-weight:bold;padding:4pt 8pt;text-align:center}</style>";

    private const string Marks =
        "<div class=\"draft-watermark\" aria-hidden=\"true\">" + Word + "</div>"
        + "<p class=\"draft-banner\" role=\"note\">" + Word + " &mdash; preview only, not the notice to send. Generate the final PDF to send it.</p>";

    public static string Apply(string html)
    {
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var marked = head < 0 ? Style + html : html.Insert(head, Style);
        var body = BodyTag().Match(marked);
        return body.Success ? marked.Insert(body.Index + body.Length, Marks) : Marks + marked;
    }

    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyTag();
}
