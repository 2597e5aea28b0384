using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>A caseworker's note on a case. The text often speaks of the victim, so it is sealed with the victim's key and never logged.</summary>
public sealed class CaseNote : Entity
{
    public const int MaxLength = 4000;

    private CaseNote()
    {
        AuthorId = string.Empty;
        Text = string.Empty;
    }

    internal CaseNote(Guid caseId, Guid victimId, string authorId, string text, DateTime nowUtc)
    {
        CheckRule(new NoteNeedsText(text));
        Id = Guid.NewGuid();
        CaseId = caseId;
        VictimId = victimId;
        AuthorId = authorId;
        Text = text.Trim();
        WrittenAtUtc = Utc.Require(nowUtc);
    }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }

    public string AuthorId { get; private set; }

    public string Text { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }
}
