namespace TakedownDesk.Infrastructure.Documents;

/// <summary>Settings of the "Documents" configuration section.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Folder holding notices/, emails/, forms/, platforms/ and shared/; relative paths are resolved against the app's base directory.</summary>
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>The system's Chromium; never a downloaded browser.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Longest a single PDF may take, page creation to bytes.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on Liquid statements per rendering, so a looping template cannot hang a worker.</summary>
    public int MaxTemplateSteps { get; set; } = 500_000;

    /// <summary>"Letter" (US platforms' default) or "A4".</summary>
    public string PaperFormat { get; set; } = "Letter";

    /// <summary>PDFs printed at once; each page costs Chromium memory.</summary>
    public int MaxConcurrentPrints { get; set; } = Environment.ProcessorCount;

    /// <summary>The templates folder as an absolute path.</summary>
    public string ResolveTemplatesRoot() =>
        Path.GetFullPath(Path.IsPathRooted(TemplatesPath) ? TemplatesPath : Path.Combine(AppContext.BaseDirectory, TemplatesPath));
}
