namespace TakedownDesk.Domain.Platforms;

public enum ChannelKind
{
    WebForm,
    Email,
    InApp,
    Phone,
    Other,
}
