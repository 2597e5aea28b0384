namespace TakedownDesk.Domain.Correspondence;

/// <summary>The desk's reading of a reply: what it seems to mean and the platform's request number, if the text carries one.</summary>
public sealed record ReplySuggestion(ReplyMeaning Meaning, string? PlatformRequestNumber)
{
    public static readonly ReplySuggestion None = new(ReplyMeaning.Unclear, null);
}
