using Microsoft.Extensions.Options;
using TakedownDesk.Application.Documents;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>What a template author cannot do: read outside the models, loop forever, or reach files outside the folder.</summary>
public sealed class TemplateSandboxTests : IDisposable
{
    private readonly TemplateFolder _folder = new();

    [Theory]
    [InlineData("{{ model.GetType }}", "model.GetType")]
    [InlineData("{{ model.get_type }}", "model.get_type")]
    [InlineData("{{ model.supporting_facts.capacity }}", "model.supporting_facts.capacity")]
    [InlineData("{{ model.signature.signer_name.length }}", "model.signature.signer_name.length")]
    [InlineData("{{ model.deadline.utc.chars }}", "model.deadline.utc.chars")]
    [InlineData("{% if model.signature.EqualityContract %}x{% endif %}", "model.signature.EqualityContract")]
    [InlineData("{{ request_reference }}", "request_reference")]
    public async Task Reading_outside_the_whitelisted_models_fails_naming_the_variable(string source, string variable)
    {
        _folder.Write("notices/removal-request.liquid", source);

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render());

        Assert.Equal("notices/removal-request.liquid", error.TemplateName);
        Assert.Contains($"'{variable}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whitelisted_members_render_through_snake_case_names()
    {
        _folder.Write("notices/removal-request.liquid", "{{ model.signature.signer_name }}|{{ model.depictions.first.locations.size }}");

        var document = await Render();

        Assert.Equal("Ordinary text|3", document.Html);
    }

    [Theory]
    [InlineData("{{ model.supporting_facts }}")]
    [InlineData("{{ model.good_faith_statement | split: 'x' }}")]
    [InlineData("{{ model.supporting_facts | sort }}")]
    [InlineData("{{ model.supporting_facts | uniq }}")]
    [InlineData("{{ model.supporting_facts | compact }}")]
    [InlineData("{% assign facts = model.supporting_facts | sort_natural %}{{ facts }}")]
    [InlineData("{{ model.signature }}")]
    [InlineData("{% capture c %}{{ model.supporting_facts }}{% endcapture %}{{ c }}")]
    public async Task Data_printed_as_a_list_or_record_is_still_encoded(string source)
    {
        _folder.Write("notices/removal-request.liquid", source);

        var document = await Render(freeText: "<script>alert(1)</script>");

        // Captured output is already HTML, so printing it again encodes twice: ugly, never live.
        Assert.DoesNotContain("<script", document.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lt;script", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_filter_is_not_available()
    {
        _folder.Write("notices/removal-request.liquid", "{{ model.good_faith_statement | raw }}");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render(freeText: "<script>alert(1)</script>"));

        Assert.Contains("raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_of_another_type_is_refused_before_any_template_runs()
    {
        _folder.Write("notices/removal-request.liquid", "never rendered");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(
            () => Renderer().RenderAsync(new DocumentRequest(DocumentTemplates.RemovalRequest, new Uri("https://host.example/")), TestContext.Current.CancellationToken));

        Assert.Contains("Expects a RemovalNoticeModel model, got Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_template_fails_with_its_name_line_and_column()
    {
        _folder.Write("notices/removal-request.liquid", "<h1>Request</h1>\n<p>{{ model.request_reference }}</p>\n<p>{{ model.language | }}</p>\n");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render());

        Assert.Equal("notices/removal-request.liquid", error.TemplateName);
        Assert.Equal(3, error.Line);
        Assert.Equal(23, error.Column);
        Assert.StartsWith("notices/removal-request.liquid(3,23): ", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_layout_is_reported_under_the_layout_name()
    {
        _folder.Write("notices/removal-request.liquid", "{% layout 'shared/page' %}<p>body</p>");
        _folder.Write("shared/page.liquid", "<html>\n{% if %}\n{% renderbody %}</html>");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render());

        Assert.Equal("shared/page.liquid", error.TemplateName);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task A_template_that_loops_too_long_is_stopped_by_the_step_limit()
    {
        _folder.Write("notices/removal-request.liquid", "{% for i in (1..100000000) %}x{% endfor %}");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render());

        Assert.Equal("notices/removal-request.liquid", error.TemplateName);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("notices/../../../etc/passwd")]
    [InlineData("notices\\..\\..\\secret")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData(".hidden/x")]
    [InlineData("")]
    public void Template_names_outside_the_root_are_refused_by_the_rule(string name)
    {
        var engine = Engine();

        var error = Assert.Throws<TemplateRenderException>(() => engine.ResolveFile(name, null, null));

        Assert.Contains(nameof(TemplateNameMustStayInsideRootRule), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc", null)]
    [InlineData("/etc", null)]
    [InlineData(null, "../../../etc/passwd")]
    [InlineData(null, "es/../../x")]
    public async Task Platform_slugs_and_languages_that_leave_the_root_are_refused(string? platform, string? language)
    {
        _folder.Write("notices/removal-request.liquid", "ok");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render(platform, language));

        Assert.Contains(nameof(TemplateNameMustStayInsideRootRule), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% render '../../../../etc/passwd' %}")]
    [InlineData("{% include '/etc/passwd' %}")]
    [InlineData("{% layout '../../../../etc/passwd' %}")]
    public async Task Partials_and_layouts_outside_the_root_are_refused(string source)
    {
        _folder.Write("notices/removal-request.liquid", source);

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => Render());

        Assert.Contains(nameof(TemplateNameMustStayInsideRootRule), error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private Task<RenderedDocument> Render(string? platform = null, string? language = null, string freeText = "Ordinary text") =>
        Renderer().RenderAsync(
            new DocumentRequest(DocumentTemplates.RemovalRequest, RemovalNotices.WithLocations(3, freeText), platform, language),
            TestContext.Current.CancellationToken);

    private LiquidTemplateEngine Engine() => new(Options.Create(new DocumentOptions { TemplatesPath = _folder.Path, MaxTemplateSteps = 10_000 }));

    // These tests never print, so the printer is never started.
    private LiquidDocumentRenderer Renderer() =>
        new(Engine(), new ChromiumPdfRenderer(Options.Create(new DocumentOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumPdfRenderer>.Instance));
}
