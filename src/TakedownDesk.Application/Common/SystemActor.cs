namespace TakedownDesk.Application.Common;

/// <summary>Who acts when no staff member does: scheduled work, the command line, reactions to facts.</summary>
public static class SystemActor
{
    public const string Id = "system";
}
