namespace TakedownDesk.Application.Ports;

/// <summary>
/// Every staff member's share of the PDF printer: a few commands that print in progress and a few waiting each, so
/// that one person's burst waits its turn or is told to wait, and never holds up everyone else's work.
/// </summary>
public interface IPrintTurns
{
    /// <summary>Waits for the staff member's turn, disposed when the command is done.</summary>
    /// <exception cref="Documents.PrinterBusyException">The staff member's queue is full.</exception>
    ValueTask<IDisposable> TakeAsync(string staffId, CancellationToken cancellationToken);
}
