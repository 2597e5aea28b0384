using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>A request's notice from the real templates to a stored PDF in real Chromium, through the mediator.</summary>
public class RemovalNoticeSlices
{
    private const string Url = "https://x.com/notice-marker/status/424242";

    [Fact]
    public async Task An_incomplete_request_cannot_become_a_final_notice_but_can_be_previewed()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await DraftAsync(app);

        var error = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new GenerateRemovalNoticeCommand(requestId)));
        var preview = await app.Query(new PreviewRemovalNoticeQuery(requestId));

        Assert.Equal("FinalNoticeNeedsEveryStatutoryElement", error.RuleName);
        Assert.Contains(StatutoryElements.GoodFaithStatement, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.Documents.CountAsync()));
        Assert.False(preview.IsComplete);
        Assert.Contains(Url, preview.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_request_is_stored_as_a_versioned_pdf_with_its_provenance()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await DraftAsync(app);
        await app.Send(Samples.Complete(requestId, app.Time.GetUtcNow()));

        var first = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        var second = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        var stored = await app.Query(new GetGeneratedDocumentQuery(first.DocumentId));

        Assert.Equal([1, 2], new[] { first.Version, second.Version });
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.Pdf)), stored.PdfSha256);
        var template = Path.Combine(RepositoryFolders.Templates, first.TemplateFile);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(template, TestContext.Current.CancellationToken))), first.TemplateSha256);
        var text = PdfText.Squeezed(PdfText.Pages(stored.Pdf));
        Assert.Contains(Url, text, StringComparison.Ordinal);
        Assert.Contains("Alex Advocate".Replace(" ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Equal("caseworker-1", stored.GeneratedBy);

        app.Staff.Id = "caseworker-2";
        await Assert.ThrowsAsync<NotFoundException>(() => app.Query(new GetGeneratedDocumentQuery(first.DocumentId)));
    }

    private static async Task<Guid> DraftAsync(TestApp app)
    {
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), Url));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        return drafted.RequestId;
    }
}
