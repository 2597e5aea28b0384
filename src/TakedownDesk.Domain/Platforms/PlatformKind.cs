namespace TakedownDesk.Domain.Platforms;

public enum PlatformKind
{
    Platform,
    SearchEngine,
    ModelHub,
    Cdn,
    HashingService,
    Regulator,
    Helpline,
}
