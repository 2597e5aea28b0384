namespace TakedownDesk.Application.Documents;

/// <summary>A template name and the one model type it is rendered with.</summary>
public sealed record DocumentTemplate(string Name, Type ModelType);
