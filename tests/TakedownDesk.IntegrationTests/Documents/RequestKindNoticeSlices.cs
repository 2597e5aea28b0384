using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>Every kind of request prints its own letter, from the real templates to a stored PDF in real Chromium.</summary>
public class RequestKindNoticeSlices
{
    private const string Url = "https://example-host.example/kind-marker/item/77";

    public static TheoryData<RequestKind, string, string> NonStatutoryKinds => new()
    {
        { RequestKind.ModelLikenessReport, "civitai", "Report: AI model made to reproduce a real person's likeness" },
        { RequestKind.SearchDelisting, "google-search", "Request to delist non-consensual intimate imagery from search results" },
        { RequestKind.TrainingOptOut, "hugging-face", "Request to exclude a person's images from AI training" },
        { RequestKind.FaceSearchOptOut, "pimeyes", "Request to remove a person from face-search results" },
    };

    [Theory]
    [MemberData(nameof(NonStatutoryKinds))]
    public async Task A_non_statutory_kind_prints_its_own_letter_and_fields_and_never_the_statutory_clock(RequestKind kind, string platformSlug, string title)
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await CompletedAsync(app, kind, platformSlug);

        var notice = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        var text = string.Join(' ', PdfText.Pages((await app.Query(new GetGeneratedDocumentQuery(notice.DocumentId))).Pdf));

        Assert.Contains(title, text, StringComparison.Ordinal);
        var squeezed = Squeezed(text);
        Assert.All(TextsOf(Samples.FieldsOf(kind)).Append(Url).Append("Alex Advocate"), field => Assert.Contains(Squeezed(field), squeezed, StringComparison.Ordinal));
        Assert.DoesNotContain("48hours", squeezed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Section3", squeezed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48-hour", squeezed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_statutory_request_still_prints_the_section_3_letter_with_its_deadline()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await CompletedAsync(app, RequestKind.StatutoryRemoval, null);

        var notice = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        var text = string.Join(' ', PdfText.Pages((await app.Query(new GetGeneratedDocumentQuery(notice.DocumentId))).Pdf));

        Assert.Equal("notices/removal-request.liquid", notice.TemplateFile);
        Assert.Contains("Removal request under Section 3 of the TAKE IT DOWN Act", text, StringComparison.Ordinal);
        Assert.Contains("not later than 48 hours", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_is_marked_draft_and_the_final_pdf_is_not()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await CompletedAsync(app, RequestKind.SearchDelisting, "google-search");

        var preview = await app.Query(new PreviewRemovalNoticeQuery(requestId));
        var notice = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        var pdf = (await app.Query(new GetGeneratedDocumentQuery(notice.DocumentId))).Pdf;

        Assert.True(preview.IsComplete);
        Assert.Contains($"<div class=\"draft-watermark\" aria-hidden=\"true\">{DraftWatermark.Word}</div>", preview.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"draft-banner\"", preview.Html, StringComparison.Ordinal);
        Assert.Matches(@"\.draft-watermark\{position:fixed;[^}]*transform:rotate\(-35deg\)", preview.Html);
        Assert.DoesNotContain(DraftWatermark.Word, string.Join(' ', PdfText.Pages(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_generated_version_is_listed_per_kind_with_its_provenance_and_opens_as_that_pdf()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var requestId = await CompletedAsync(app, RequestKind.TrainingOptOut, "hugging-face");
        var first = await app.Send(new GenerateRemovalNoticeCommand(requestId));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await app.Send(new GenerateRemovalNoticeCommand(requestId));

        var versions = await app.Query(new ListRequestDocumentsQuery(requestId));

        Assert.Equal([second.DocumentId, first.DocumentId], versions.Select(v => v.Id));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(DocumentKind.RemovalNotice, v.Kind));
        Assert.All(versions, v => Assert.Equal("caseworker-1", v.GeneratedBy));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, versions[0].GeneratedAtUtc);
        Assert.Equal((second.TemplateFile, second.TemplateSha256, second.PdfSha256), (versions[0].TemplateFile, versions[0].TemplateSha256, versions[0].PdfSha256));
        var stored = await app.Query(new GetGeneratedDocumentQuery(versions[1].Id));
        Assert.Equal((DocumentKind.RemovalNotice, first.PdfSha256), (stored.Kind, stored.PdfSha256));
        Assert.Equal(DocumentKind.RemovalNotice, await app.WithDb(db => db.Documents.Where(d => d.Id == first.DocumentId).Select(d => d.Kind).SingleAsync()));
    }

    /// <summary>A complete request of <paramref name="kind"/> to the seeded platform <paramref name="platformSlug"/> (the location's own platform when null).</summary>
    public static async Task<Guid> CompletedAsync(TestApp app, RequestKind kind, string? platformSlug)
    {
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), kind == RequestKind.StatutoryRemoval ? "https://x.com/kind-marker/status/77" : Url));
        var location = opened.Locations.Accepted[0];
        var platformId = platformSlug is null
            ? location.PlatformId!.Value
            : await app.WithDb(db => db.Platforms.Where(p => p.Slug == platformSlug).Select(p => p.Id).SingleAsync());
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, platformId, kind, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow(), kind));
        return drafted.RequestId;
    }

    private static IEnumerable<string> TextsOf(KindFields fields) =>
        new[]
            {
                fields.ModelReport?.ModelName, fields.ModelReport?.LikenessStatement, fields.ModelReport?.PolicyClause,
                fields.ModelReport?.RelatedRemovalRequestReference, fields.TrainingOptOut?.DatasetName, fields.TrainingOptOut?.Exclusion,
                fields.FaceSearchOptOut?.Removal, fields.FaceSearchOptOut?.ResultReferences,
            }
            .Concat(fields.SearchDelisting?.SearchQueries ?? [])
            .OfType<string>();

    private static string Squeezed(string text) => PdfText.Squeezed([text]);
}
