using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>The guidance on reducing public photo exposure prints in English and Spanish, in real Chromium, with the victim's own checklist.</summary>
public class PreventionDocumentTests
{
    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        { "en", "Keeping your photos safer online", "What happened is not your fault.", "Made private", "To review" },
        { "es", "Cómo proteger mejor sus fotos en internet", "Lo que pasó no es su culpa.", "Ahora es privado", "Por revisar" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_guidance_prints_in_the_victims_language_with_practical_steps_and_their_checklist(
        string language, string title, string notTheirFault, string madePrivate, string toReview)
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var profile = await app.Send(new RecordPhotoSourceCommand(opened.CaseId, "ExampleSocial", "https://social.example/u/guidance-marker"));
        await app.Send(new RecordPhotoSourceCommand(opened.CaseId, "Old blog", "https://blog.example/about-guidance"));
        await app.Send(new ChangePhotoSourceStatusCommand(opened.CaseId, profile, PhotoSourceStatus.MadePrivate));

        var guidance = await app.Query(new GetExposureGuidanceQuery(opened.CaseId, language));

        var pages = PdfText.Pages(guidance.Pdf);
        var text = string.Join(' ', pages);
        var squeezed = PdfText.Squeezed(pages);
        Assert.Equal(language, guidance.Language);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(notTheirFault, text, StringComparison.Ordinal);
        Assert.All(["PimEyes", "FaceCheck.ID", "TinEye", "844-878-2274"], name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Contains("https://social.example/u/guidance-marker", squeezed, StringComparison.Ordinal);
        Assert.Contains("https://blog.example/about-guidance", squeezed, StringComparison.Ordinal);
        Assert.All(["ExampleSocial", "Old blog", madePrivate, toReview], cell => Assert.Contains(cell, text, StringComparison.Ordinal));
        Assert.DoesNotContain(Samples.LegalName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guidance_without_listed_profiles_says_so_and_a_language_it_is_not_written_in_is_refused()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var text = string.Join(' ', PdfText.Pages((await app.Query(new GetExposureGuidanceQuery(opened.CaseId, "en"))).Pdf));
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => app.Query(new GetExposureGuidanceQuery(opened.CaseId, "fr")));

        Assert.Contains("We have not listed any of your profiles yet.", text, StringComparison.Ordinal);
        Assert.Contains("Language", refused.Errors.Keys);
    }
}

/// <summary>The letter to the victim prints what was sent, to whom, when and what to expect, with platform names and counts but no content address.</summary>
public class VictimSummaryLetterTests
{
    private const string ContentUrl = "https://x.com/summary-marker/status/4411";

    public static TheoryData<string, string, string, string> Languages => new()
    {
        { "en", "What we have sent for you", "The law gives them until", "We will check again on" },
        { "es", "Lo que hemos enviado por usted", "La ley les da hasta el", "Volveremos a comprobarlo el" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_letter_lists_each_sent_request_with_its_deadline_or_follow_up_date_and_never_a_content_address(
        string language, string title, string deadlineWords, string followUpWords)
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), ContentUrl));
        var location = opened.Locations.Accepted[0];
        var google = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "google-search").Select(p => p.Id).SingleAsync());
        var removal = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        var delisting = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, google, RequestKind.SearchDelisting, [location.LocationId]));
        var unsent = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, google, RequestKind.SearchDelisting, [location.LocationId]));
        foreach (var (id, kind) in new[] { (removal.RequestId, RequestKind.StatutoryRemoval), (delisting.RequestId, RequestKind.SearchDelisting) })
        {
            await app.Send(Samples.Complete(id, app.Time.GetUtcNow(), kind));
            await app.Send(Samples.Submit(id));
        }

        var letter = await app.Query(new GetVictimSummaryLetterQuery(opened.CaseId, language));

        var pages = PdfText.Pages(letter.Pdf);
        var text = string.Join(' ', pages);
        var squeezed = PdfText.Squeezed(pages);
        var deadline = (await app.Query(new GetRemovalRequestQuery(removal.RequestId))).DeadlineAtUtc!.Value;
        Assert.NotEqual(Guid.Empty, unsent.RequestId);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.All(
            [deadlineWords, deadline.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), followUpWords, "Google Search", "X (formerly Twitter)"],
            phrase => Assert.Contains(PdfText.Squeezed([phrase]), squeezed, StringComparison.Ordinal));
        Assert.Equal(2, Regex.Count(text, @"\(1 (address|dirección)\)"));
        Assert.DoesNotContain("summary-marker", squeezed, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.LegalName, text, StringComparison.Ordinal);
    }
}
