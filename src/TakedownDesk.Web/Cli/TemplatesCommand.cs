using TakedownDesk.Application.Documents;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.Web.Cli;

/// <summary>
/// Template authors' command, run without the web server:
/// <c>templates render &lt;name&gt; [--platform slug] [--lang xx] [--out dir]</c> writes HTML and PDF from the sample data;
/// <c>templates check</c> renders every template with its sample to HTML and PDF and exits 1 on any failure.
/// </summary>
public static class TemplatesCommand
{
    private const string Usage = "usage: templates render <name> [--platform slug] [--lang xx] [--out dir] | templates check";

    public static Task<int> RunAsync(string[] args, IServiceProvider services) => RunAsync(args, services, Console.Out);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        // Accept the arguments with or without the leading "templates" that selected this command.
        var rest = args.SkipWhile(a => a == "templates").ToArray();
        var renderer = services.GetRequiredService<IDocumentRenderer>();
        var samples = services.GetRequiredService<TemplateSampleCatalog>();
        switch (rest)
        {
            case ["check", ..]:
                return await CheckAsync(renderer, samples, output);
            case ["render", var name, .. var options]:
                return await RenderAsync(renderer, samples, name, options, output);
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CheckAsync(IDocumentRenderer renderer, TemplateSampleCatalog samples, TextWriter output)
    {
        var failures = 0;
        foreach (var file in samples.DiscoverDocuments())
        {
            try
            {
                var request = new DocumentRequest(file.TemplateName, samples.LoadSample(file), file.PlatformSlug, file.Language);
                var document = await renderer.RenderAsync(request);
                if (document.TemplateFile != file.RelativePath)
                {
                    throw new TemplateRenderException(file.RelativePath, $"The lookup picks {document.TemplateFile} instead; check the file name.");
                }

                await renderer.RenderPdfAsync(request);
                await output.WriteLineAsync($"{file.RelativePath} OK");
            }
            catch (TemplateRenderException e)
            {
                failures++;
                await output.WriteLineAsync(e.Describe());
            }
            catch (DocumentPrintException e)
            {
                failures++;
                await output.WriteLineAsync($"{file.RelativePath}: PDF failed: {e.Message}");
            }
        }

        await output.WriteLineAsync(failures == 0 ? "All templates render." : $"{failures} template(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RenderAsync(IDocumentRenderer renderer, TemplateSampleCatalog samples, string name, string[] options, TextWriter output)
    {
        var platform = Option(options, "--platform");
        var language = Option(options, "--lang");
        var outDir = Option(options, "--out") ?? Directory.GetCurrentDirectory();
        try
        {
            var template = DocumentTemplates.Find(name)
                ?? throw new TemplateRenderException(name, "Not a known document template; see DocumentTemplates.");
            var engineFile = TemplateSampleCatalog.Describe(TemplateVariantLookup.Candidates(template.Name, platform, language)[0]);
            var request = new DocumentRequest(name, samples.LoadSample(engineFile), platform, language);
            var document = await renderer.RenderAsync(request);
            var pdf = await renderer.RenderPdfAsync(request);

            Directory.CreateDirectory(outDir);
            var baseName = Path.Combine(outDir, document.TemplateFile.Replace('/', '_')[..^TemplateVariantLookup.Extension.Length]);
            await File.WriteAllTextAsync(baseName + ".html", document.Html);
            await File.WriteAllTextAsync(baseName + ".txt", document.PlainText);
            await File.WriteAllBytesAsync(baseName + ".pdf", pdf);
            await output.WriteLineAsync($"{document.TemplateFile} OK -> {baseName}.html, .txt, .pdf");
            return 0;
        }
        catch (TemplateRenderException e)
        {
            await output.WriteLineAsync(e.Describe());
            return 1;
        }
        catch (DocumentPrintException e)
        {
            await output.WriteLineAsync($"{name}: PDF failed: {e.Message}");
            return 1;
        }
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
