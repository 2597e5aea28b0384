namespace TakedownDesk.Application.Documents;

/// <summary>A command whose handler prints a PDF: it runs within the acting staff member's turn at the printer.</summary>
public interface IPrintsDocuments;
