using System.Text.Json;
using System.Text.Json.Serialization;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>Finds the document templates on disk and the sample data beside them, for authors' previews and checks.</summary>
public sealed class TemplateSampleCatalog(LiquidTemplateEngine engine)
{
    /// <summary>Layouts and partials live here; they are not documents on their own.</summary>
    public const string SharedFolder = "shared";

    private const string PlatformsFolder = "platforms";
    private const string SampleExtension = ".sample.json";

    // Samples must match the model exactly: a typo or a missing field fails the check instead of rendering blank.
    private static readonly JsonSerializerOptions SampleJson = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Every .liquid file outside shared/ in the engine's root, in path order.</summary>
    public IReadOnlyList<TemplateFile> DiscoverDocuments() => DescribeAll(engine.Root);

    /// <summary>Every .liquid file outside shared/ under <paramref name="root"/>, in path order.</summary>
    public static IReadOnlyList<TemplateFile> DescribeAll(string root) =>
        Directory.EnumerateFiles(root, "*" + TemplateVariantLookup.Extension, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.StartsWith(SharedFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Describe)
            .ToList();

    /// <summary>Reads the template name, platform and language out of a path relative to the root.</summary>
    public static TemplateFile Describe(string relativePath)
    {
        var stem = relativePath[..^TemplateVariantLookup.Extension.Length];
        string? platform = null;
        if (stem.StartsWith(PlatformsFolder + "/", StringComparison.Ordinal))
        {
            var parts = stem.Split('/', 3);
            platform = parts[1];
            stem = parts.Length == 3 ? parts[2] : string.Empty;
        }

        // Template names have no dots, so a dot in the last segment starts the language code.
        var lastSlash = stem.LastIndexOf('/');
        var dot = stem.IndexOf('.', lastSlash + 1);
        return dot < 0
            ? new TemplateFile(relativePath, stem, platform, null)
            : new TemplateFile(relativePath, stem[..dot], platform, stem[(dot + 1)..]);
    }

    /// <summary>The sample model for a file: its own .sample.json, else the sample of the next variant in lookup order.</summary>
    /// <exception cref="TemplateRenderException">Unknown template name, no sample, or a sample that does not fit the model.</exception>
    public object LoadSample(TemplateFile file)
    {
        var template = DocumentTemplates.Find(file.TemplateName)
            ?? throw new TemplateRenderException(file.RelativePath, $"'{file.TemplateName}' is not in DocumentTemplates; add it there with its model type.");

        var candidates = new[] { file.RelativePath }
            .Concat(TemplateVariantLookup.Candidates(file.TemplateName, file.PlatformSlug, file.Language))
            .Select(path => path[..^TemplateVariantLookup.Extension.Length] + SampleExtension)
            .Distinct(StringComparer.Ordinal);
        var samplePath = candidates.Select(c => TemplateNameMustStayInsideRootRule.Resolve(engine.Root, c)).FirstOrDefault(File.Exists)
            ?? throw new TemplateRenderException(file.RelativePath, "No sample data found beside the template.");

        try
        {
            using var stream = File.OpenRead(samplePath);
            return JsonSerializer.Deserialize(stream, template.ModelType, SampleJson)
                ?? throw new TemplateRenderException(file.RelativePath, "The sample data is empty.");
        }
        catch (JsonException e)
        {
            var relativeSample = Path.GetRelativePath(engine.Root, samplePath);
            throw new TemplateRenderException(relativeSample, $"Sample does not fit {template.ModelType.Name}: {e.Message}", (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1, e);
        }
    }
}
