namespace TakedownDesk.Domain.Victims;

public enum SignatureMethod
{
    WetInk,
    Electronic,
}
