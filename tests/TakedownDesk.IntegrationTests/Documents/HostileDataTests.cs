using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.IntegrationTests.Documents;

[Collection(ChromiumCollection.Name)]
public sealed partial class HostileDataTests(ChromiumFixture chromium)
{
    private const string Hostile =
        "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} line\r\nbreak שלום עולם مرحبا";

    public static TheoryData<string> EveryTemplateFile() =>
        new(TemplateSampleCatalog.DescribeAll(RepositoryFolders.Templates).Select(f => f.RelativePath));

    [Theory]
    [MemberData(nameof(EveryTemplateFile))]
    public async Task Hostile_text_in_every_field_stays_inert_in_html_text_and_pdf(string templateFile)
    {
        var file = TemplateSampleCatalog.Describe(templateFile);
        var model = WithEveryStringReplaced(file, Hostile);
        var request = new DocumentRequest(file.TemplateName, model, file.PlatformSlug, file.Language);

        var document = await chromium.RealTemplates.RenderAsync(request, TestContext.Current.CancellationToken);
        var pdf = await chromium.Printer.PrintAsync(document.Html, TestContext.Current.CancellationToken);

        Assert.DoesNotMatch(LiveInjectedTag(), document.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", document.Html, StringComparison.Ordinal);
        Assert.Contains("{{ 7*7 }}", document.Html, StringComparison.Ordinal);
        Assert.Contains("{% raw %}", document.Html, StringComparison.Ordinal);

        Assert.DoesNotMatch(AnyTag(), document.PlainText);
        Assert.DoesNotContain('\r', document.PlainText);
        Assert.Contains("‹script›alert(1)‹/script›", document.PlainText, StringComparison.Ordinal);
        Assert.Contains("שלום עולם", document.PlainText, StringComparison.Ordinal);

        var pdfText = PdfText.Squeezed(PdfText.Pages(pdf));
        Assert.Contains("<script>alert(1)</script>", pdfText, StringComparison.Ordinal);
        Assert.Contains("<imgsrc=xonerror=alert(1)>", pdfText, StringComparison.Ordinal);
        Assert.Contains("{{7*7}}", pdfText, StringComparison.Ordinal);
        Assert.Contains("{%raw%}", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("49", pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_thousand_character_url_prints_whole_and_wraps()
    {
        var longUrl = ("https://host.example/path/" + string.Concat(Enumerable.Repeat("abcdefghij", 500)))[..5000];
        var model = RemovalNotices.WithLocations(1, Hostile) with
        {
            // An empty note keeps PdfPig from interleaving a neighbouring cell's words with the URL's lines.
            Depictions = [new DepictionModel(Hostile, [new LocationModel(longUrl, string.Empty)])],
        };

        var pdf = await chromium.RealTemplates.RenderPdfAsync(new DocumentRequest(DocumentTemplates.RemovalRequest, model), TestContext.Current.CancellationToken);

        var pages = PdfText.Pages(pdf);

        // Taller than a page, the row must break across pages; without headers, footers and the row number
        // (digits PdfPig may read into the URL's lines; the URL has none) the URL reads whole.
        Assert.True(pages.Count > 1, $"expected the long URL to push the table onto more pages, got {pages.Count}");
        var squeezed = PdfText.Squeezed(pages.Select(p => PageFurniture().Replace(p, string.Empty)));
        Assert.Contains(longUrl, Digits().Replace(squeezed, string.Empty), StringComparison.Ordinal);
    }

    private static object WithEveryStringReplaced(TemplateFile file, string text)
    {
        var template = DocumentTemplates.Find(file.TemplateName)!;
        var sample = new TemplateSampleCatalog(new LiquidTemplateEngine(Microsoft.Extensions.Options.Options.Create(
            new DocumentOptions { TemplatesPath = RepositoryFolders.Templates }))).LoadSample(file);
        var node = JsonSerializer.SerializeToNode(sample, template.ModelType, JsonSerializerOptions.Web)!;
        Replace(node, text);
        return node.Deserialize(template.ModelType, JsonSerializerOptions.Web)!;
    }

    private static void Replace(JsonNode node, string text)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = text;
                    }
                    else if (value is not null)
                    {
                        Replace(value, text);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = text;
                    }
                    else if (array[i] is { } child)
                    {
                        Replace(child, text);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("<(script|img)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex LiveInjectedTag();

    [GeneratedRegex("<[a-zA-Z/!][^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();

    [GeneratedRegex(@"Removal request \S+ Page \d+ of \d+|# Location \(URL\) Note")]
    private static partial Regex PageFurniture();
}
