using System.Text;
using UglyToad.PdfPig;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>What a reader of the PDF would see, page by page, as extracted by PdfPig.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);

        // NFKC turns the typographic ligatures Chromium embeds (ﬁ, ﬀ) back into plain letters.
        return document.GetPages()
            .Select(page => string.Join(' ', page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormKC))
            .ToList();
    }

    /// <summary>All pages with whitespace removed, so text wrapped across lines (long URLs) still matches.</summary>
    public static string Squeezed(IEnumerable<string> pages) =>
        string.Concat(string.Concat(pages).Where(c => !char.IsWhiteSpace(c)));
}
