namespace TakedownDesk.Application.Documents;

/// <summary>The staff member already has as many documents printing and waiting as the printer allows one person.</summary>
public sealed class PrinterBusyException : Exception
{
    public const int RetryAfterSeconds = 10;

    /// <summary>Prints in progress and waiting that one staff member may have.</summary>
    public const int MaximumPerStaff = 6;

    public PrinterBusyException()
        : base($"You already have {MaximumPerStaff} documents printing or waiting. Wait for them to finish, then try again.")
    {
    }

    public PrinterBusyException(string message)
        : base(message)
    {
    }

    public PrinterBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
