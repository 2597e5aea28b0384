namespace TakedownDesk.Domain.Cases;

/// <summary>
/// When an automatic check may call a location removed: one 404 can be a glitch or a moderation pause, so a removal
/// is confirmed only by this many 404/410 answers in a row, with nothing else in between.
/// </summary>
public static class RemovalHolds
{
    public const int GoneAnswersToConfirm = 2;
}
