namespace TakedownDesk.Application.Documents;

/// <summary>A template could not be found, parsed or rendered; carries where, so authors can fix it.</summary>
public sealed class TemplateRenderException : Exception
{
    public TemplateRenderException()
        : this("Template error.")
    {
    }

    public TemplateRenderException(string message)
        : this(string.Empty, message)
    {
    }

    public TemplateRenderException(string message, Exception innerException)
        : this(string.Empty, message, null, null, innerException)
    {
    }

    public TemplateRenderException(string templateName, string message, int? line = null, int? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplateName = templateName;
        Line = line;
        Column = column;
    }

    /// <summary>The template file (relative to the root) or the requested name.</summary>
    public string TemplateName { get; } = string.Empty;

    /// <summary>1-based line of a parse error; null for errors found while rendering.</summary>
    public int? Line { get; }

    /// <summary>1-based column of a parse error; null for errors found while rendering.</summary>
    public int? Column { get; }

    /// <summary>The form authors see in <c>templates check</c>: <c>name(line,col): message</c>.</summary>
    public string Describe() => Line is { } line
        ? $"{TemplateName}({line},{Column ?? 0}): {Message}"
        : $"{TemplateName}: {Message}";
}
