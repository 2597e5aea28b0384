using Microsoft.Extensions.Options;
using TakedownDesk.Application.Documents;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>The documented variant order: platform+language, platform, language, default.</summary>
public sealed class TemplateLookupTests : IDisposable
{
    private readonly TemplateFolder _folder = new();

    public TemplateLookupTests()
    {
        _folder.Write("notices/removal-request.liquid", "default");
        _folder.Write("notices/removal-request.es.liquid", "default-es");
        _folder.Write("platforms/discord/notices/removal-request.liquid", "discord");
        _folder.Write("platforms/discord/notices/removal-request.es.liquid", "discord-es");
    }

    [Theory]
    [InlineData("discord", "es", "discord-es")]
    [InlineData("discord", "es-MX", "discord-es")]
    [InlineData("discord", "fr", "discord")]
    [InlineData("discord", null, "discord")]
    [InlineData("reddit", "es", "default-es")]
    [InlineData(null, "es", "default-es")]
    [InlineData(null, "fr", "default")]
    [InlineData(null, null, "default")]
    public async Task The_most_specific_existing_variant_wins(string? platform, string? language, string expected)
    {
        var document = await Render(platform, language);

        Assert.Equal(expected, document.Html);
    }

    [Fact]
    public async Task A_platform_variant_beats_a_language_variant_of_the_default()
    {
        File.Delete(Path.Combine(_folder.Path, "platforms/discord/notices/removal-request.es.liquid"));

        var document = await Render("discord", "es");

        Assert.Equal("discord", document.Html);
        Assert.Equal("platforms/discord/notices/removal-request.liquid", document.TemplateFile);
    }

    [Fact]
    public async Task An_edited_template_is_picked_up_on_the_next_render()
    {
        var renderer = Renderer();
        Assert.Equal("default", (await renderer.RenderAsync(Request(null, null), TestContext.Current.CancellationToken)).Html);

        var path = Path.Combine(_folder.Path, "notices/removal-request.liquid");
        File.WriteAllText(path, "edited");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("edited", (await renderer.RenderAsync(Request(null, null), TestContext.Current.CancellationToken)).Html);
    }

    [Fact]
    public async Task A_missing_template_lists_every_file_tried()
    {
        File.Delete(Path.Combine(_folder.Path, "notices/removal-request.liquid"));

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render("reddit", "fr"));

        Assert.Contains(
            "tried platforms/reddit/notices/removal-request.fr.liquid, platforms/reddit/notices/removal-request.liquid, notices/removal-request.fr.liquid, notices/removal-request.liquid",
            error.Message,
            StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private Task<RenderedDocument> Render(string? platform, string? language) =>
        Renderer().RenderAsync(Request(platform, language), TestContext.Current.CancellationToken);

    private static DocumentRequest Request(string? platform, string? language) =>
        new(DocumentTemplates.RemovalRequest, RemovalNotices.WithLocations(1), platform, language);

    // Lookup never prints, so the printer is never started.
    private LiquidDocumentRenderer Renderer() =>
        new(
            new LiquidTemplateEngine(Options.Create(new DocumentOptions { TemplatesPath = _folder.Path })),
            new ChromiumPdfRenderer(Options.Create(new DocumentOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumPdfRenderer>.Instance));
}
