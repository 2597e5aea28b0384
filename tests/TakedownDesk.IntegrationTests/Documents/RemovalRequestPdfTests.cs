using System.Text.Json;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;

namespace TakedownDesk.IntegrationTests.Documents;

[Collection(ChromiumCollection.Name)]
public sealed class RemovalRequestPdfTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task Sec3_pdf_holds_the_four_elements_in_order_and_every_url()
    {
        var model = LoadSample();

        var pdf = await chromium.RealTemplates.RenderPdfAsync(new DocumentRequest(DocumentTemplates.RemovalRequest, model), TestContext.Current.CancellationToken);

        var text = string.Join(' ', PdfText.Pages(pdf));
        string[] headings =
        [
            "1. Signature of the identifiable individual or authorized person",
            "2. Identification and location of the intimate visual depiction",
            "3. Statement of good-faith belief that the depiction is not consensual",
            "4. Contact information",
        ];
        var positions = headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "a statutory element heading is missing"));
        Assert.Equal(positions.Order(), positions);

        Assert.Contains("/s/ Jordan Avery", text, StringComparison.Ordinal);
        Assert.Contains(model.Signature.BasisOfAuthority, text, StringComparison.Ordinal);
        Assert.Contains("Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12", text, StringComparison.Ordinal);
        Assert.Contains("not later than 48 hours", text, StringComparison.Ordinal);
        Assert.Contains(model.Deadline.Utc, text, StringComparison.Ordinal);
        Assert.Contains(model.Deadline.Local, text, StringComparison.Ordinal);
        Assert.Contains("known identical copies", text, StringComparison.Ordinal);
        Assert.Contains("request number", text, StringComparison.Ordinal);
        Assert.Contains(model.RequesterContact.Email, text, StringComparison.Ordinal);

        var squeezed = PdfText.Squeezed(PdfText.Pages(pdf));
        Assert.All(model.Depictions.SelectMany(d => d.Locations), l => Assert.Contains(l.Url, squeezed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_hundred_locations_paginate_with_repeated_table_headers_and_page_numbers()
    {
        var model = RemovalNotices.WithLocations(300);

        var pdf = await chromium.RealTemplates.RenderPdfAsync(new DocumentRequest(DocumentTemplates.RemovalRequest, model), TestContext.Current.CancellationToken);

        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count > 1, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
            if (pages[i].Contains("https://host.example/media/item-", StringComparison.Ordinal))
            {
                Assert.Contains("Location (URL)", pages[i], StringComparison.Ordinal);
            }
        }

        Assert.True(pages.Count(p => p.Contains("Location (URL)", StringComparison.Ordinal)) > 1, "the location table should span pages");
        var squeezed = PdfText.Squeezed(pages);
        Assert.All(Enumerable.Range(1, 300), i => Assert.Contains($"https://host.example/media/item-{i:D4}", squeezed, StringComparison.Ordinal));
    }

    private static RemovalNoticeModel LoadSample()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFolders.Templates, "notices", "removal-request.sample.json"));
        return JsonSerializer.Deserialize<RemovalNoticeModel>(json, JsonSerializerOptions.Web)!;
    }
}
