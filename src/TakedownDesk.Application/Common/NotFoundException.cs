namespace TakedownDesk.Application.Common;

/// <summary>Also thrown for records the staff member may not see, so that their existence is not revealed.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object key)
        : base($"{what} {key} was not found.")
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
