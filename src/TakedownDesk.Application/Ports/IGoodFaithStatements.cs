using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Ports;

/// <summary>The organisation's vetted good-faith statements, per incident kind, kept in the templates folder so staff can edit them.</summary>
public interface IGoodFaithStatements
{
    IReadOnlyList<GoodFaithStatement> For(IEnumerable<IncidentKind> kinds);
}

public sealed record GoodFaithStatement(IncidentKind Kind, string Title, string Text);
