using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Infrastructure.Documents;
using TakedownDesk.Web.Cli;

namespace TakedownDesk.IntegrationTests.Documents;

[Collection(ChromiumCollection.Name)]
public sealed class TemplatesCommandTests
{
    [Fact]
    public async Task Check_renders_every_real_template_to_html_and_pdf()
    {
        await using var services = ServicesOver(RepositoryFolders.Templates);
        using var output = new StringWriter();

        var exitCode = await TemplatesCommand.RunAsync(["templates", "check"], services, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode == 0, output.ToString());
        var expected = Directory.EnumerateFiles(RepositoryFolders.Templates, "*.liquid", SearchOption.AllDirectories)
            .Count(f => !f.Contains($"{Path.DirectorySeparatorChar}shared{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Equal(expected, lines.Count(l => l.EndsWith(" OK", StringComparison.Ordinal)));
        Assert.Contains("platforms/discord/notices/removal-request.liquid OK", lines);
        Assert.Contains("forms/release.es.liquid OK", lines);
    }

    [Fact]
    public async Task Check_fails_and_names_line_and_column_of_a_broken_template()
    {
        using var root = TemplateFolder.CopyOfRealTemplates();
        root.Write("emails/daily-digest.liquid", "<p>Hello</p>\n<p>{{ model.staff_name </p>\n");
        await using var services = ServicesOver(root.Path);
        using var output = new StringWriter();

        var exitCode = await TemplatesCommand.RunAsync(["templates", "check"], services, output);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"emails/daily-digest\.liquid\(2,\d+\): ", output.ToString());
        Assert.Contains("notices/removal-request.liquid OK", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_writes_html_text_and_pdf_of_the_platform_variant()
    {
        using var outDir = new TemplateFolder();
        await using var services = ServicesOver(RepositoryFolders.Templates);
        using var output = new StringWriter();

        var exitCode = await TemplatesCommand.RunAsync(
            ["templates", "render", "notices/removal-request", "--platform", "discord", "--out", outDir.Path], services, output);

        Assert.True(exitCode == 0, output.ToString());
        var baseName = Path.Combine(outDir.Path, "platforms_discord_notices_removal-request");
        Assert.Contains("one report per media item", await File.ReadAllTextAsync(baseName + ".html", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(baseName + ".pdf", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("<", await File.ReadAllTextAsync(baseName + ".txt", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static ServiceProvider ServicesOver(string templatesRoot)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:TemplatesPath"] = templatesRoot })
            .Build();
        return new ServiceCollection().AddDocuments(configuration).BuildServiceProvider(validateScopes: true);
    }
}
