namespace TakedownDesk.Application.Common;

/// <summary>Someone else saved the record since the caller read it; the caller must reload and decide again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("This record was changed by someone else since you opened it. Reload it and try again.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
