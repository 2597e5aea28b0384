using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// Renders Liquid files from the templates folder with Fluid, sandboxed: HTML-encoded output, only the
/// document model records readable, strict variables and filters, a step limit, and names confined to the folder.
/// </summary>
public sealed partial class LiquidTemplateEngine
{
    // The layout a page asks for and the page it wraps travel in the context, as Fluid's view engine does it.
    private const string LayoutKey = "TakedownDesk.Layout";
    private const string BodyKey = "TakedownDesk.Body";
    private const int MaxLayoutDepth = 3;

    private readonly FluidParser _parser = CreateParser();
    private readonly MemberPathNamingRewriter _pathNaming = new();
    private readonly EncodedOutputRewriter _encodedOutput = new();
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<string, ParsedTemplate> _cache = new(StringComparer.Ordinal);

    public LiquidTemplateEngine(IOptions<DocumentOptions> options)
    {
        Root = options.Value.ResolveTemplatesRoot();
        _options = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            MaxSteps = options.Value.MaxTemplateSteps,
            FileProvider = new TemplateFileProvider(Root),
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };

        // "raw" is the one filter whose whole purpose is to switch encoding off.
        _options.Filters.Remove("raw");

        // Partials pulled in by render/include get the same rewriting as top-level templates.
        _options.TemplateParsed = (_, template) => Harden(template);
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in DocumentTemplates.ReadableTypes)
        {
            _options.MemberAccessStrategy.Register(type);
        }
    }

    /// <summary>The absolute templates folder.</summary>
    public string Root { get; }

    /// <summary>The file that wins the variant lookup, relative to the root.</summary>
    /// <exception cref="TemplateRenderException">No candidate exists or a name breaks the naming rule.</exception>
    public string ResolveFile(string templateName, string? platformSlug, string? language)
    {
        var candidates = TemplateVariantLookup.Candidates(templateName, platformSlug, language);
        foreach (var candidate in candidates)
        {
            if (File.Exists(TemplateNameMustStayInsideRootRule.Resolve(Root, candidate)))
            {
                return candidate;
            }
        }

        throw new TemplateRenderException(templateName, $"No template file found; tried {string.Join(", ", candidates)}.");
    }

    /// <summary>SHA-256 of the template file's text, recorded with every stored document so it can be traced to the exact template.</summary>
    public string Sha256Of(string templateFile) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TemplateNameMustStayInsideRootRule.Resolve(Root, templateFile))));

    /// <summary>Renders <paramref name="templateFile"/> (relative to the root) with <paramref name="model"/> as <c>model</c>.</summary>
    /// <exception cref="TemplateRenderException">The file is broken or reads something it may not.</exception>
    public async Task<string> RenderAsync(string templateFile, object model, CancellationToken cancellationToken)
    {
        // No ambient model: templates read only "model", set explicitly, and through it only the registered records.
        var context = new TemplateContext(_options);
        context.SetValue("model", FluidValue.Create(model, _options));

        var currentFile = templateFile;
        try
        {
            var html = await Load(currentFile).RenderAsync(context, HtmlEncoder.Default, isolateContext: false);
            for (var depth = 0; context.AmbientValues.Remove(LayoutKey, out var layout); depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (depth == MaxLayoutDepth)
                {
                    throw new TemplateRenderException(templateFile, $"Layouts nest deeper than {MaxLayoutDepth}.");
                }

                currentFile = (string)layout! + TemplateVariantLookup.Extension;
                context.AmbientValues[BodyKey] = html;
                html = await Load(currentFile).RenderAsync(context, HtmlEncoder.Default, isolateContext: false);
            }

            return html;
        }
        catch (ParseException e)
        {
            // Raised here only by a partial pulled in with render/include.
            throw FromParseError($"{currentFile} (in a partial)", e.Message, e);
        }
        catch (FileNotFoundException e)
        {
            throw new TemplateRenderException(currentFile, $"A partial or layout it uses was not found: {e.Message}", innerException: e);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException)
        {
            throw new TemplateRenderException(currentFile, e.Message, innerException: e);
        }
    }

    private IFluidTemplate Load(string templateFile)
    {
        var fullPath = TemplateNameMustStayInsideRootRule.Resolve(Root, templateFile);
        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new TemplateRenderException(templateFile, "Template file not found.");
        }

        // Cached by path and timestamp, so an author's save is picked up on the next render without a restart.
        if (_cache.TryGetValue(fullPath, out var cached) && cached.LastWriteUtc == file.LastWriteTimeUtc)
        {
            return cached.Template;
        }

        var source = File.ReadAllText(fullPath);
        if (!_parser.TryParse(source, out var template, out var error))
        {
            throw FromParseError(templateFile, error, null);
        }

        var hardened = Harden(template);
        _cache[fullPath] = new ParsedTemplate(file.LastWriteTimeUtc, hardened);
        return hardened;
    }

    private IFluidTemplate Harden(IFluidTemplate template) => _encodedOutput.VisitTemplate(_pathNaming.VisitTemplate(template));

    private static TemplateRenderException FromParseError(string templateFile, string error, Exception? inner)
    {
        var position = ParsePosition().Match(error);
        var message = error.Split('\n')[0];
        return position.Success
            ? new TemplateRenderException(
                templateFile,
                message[..position.Index].TrimEnd(),
                int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture),
                inner)
            : new TemplateRenderException(templateFile, message, innerException: inner);
    }

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();

        // {% layout 'shared/layout' %}: after the page renders, it is placed into that layout's {% renderbody %}.
        parser.RegisterExpressionTag("layout", async (expression, _, _, context) =>
        {
            context.AmbientValues[LayoutKey] = (await expression.EvaluateAsync(context)).ToStringValue();
            return Completion.Normal;
        });
        parser.RegisterEmptyTag("renderbody", (writer, _, context) =>
        {
            // The body is HTML this engine already encoded; writing it raw is what makes the layout work.
            writer.Write(context.AmbientValues.TryGetValue(BodyKey, out var body) ? body as string : string.Empty);
            return new ValueTask<Completion>(Completion.Normal);
        });
        return parser;
    }

    [GeneratedRegex(@"at \((?<line>\d+):(?<column>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParsePosition();

    private sealed record ParsedTemplate(DateTime LastWriteUtc, IFluidTemplate Template);
}
