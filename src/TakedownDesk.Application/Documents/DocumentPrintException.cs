namespace TakedownDesk.Application.Documents;

/// <summary>The HTML rendered but the PDF printer failed or ran out of time.</summary>
public sealed class DocumentPrintException : Exception
{
    public DocumentPrintException()
    {
    }

    public DocumentPrintException(string message)
        : base(message)
    {
    }

    public DocumentPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
