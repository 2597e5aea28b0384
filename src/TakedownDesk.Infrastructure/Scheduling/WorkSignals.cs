namespace TakedownDesk.Infrastructure.Scheduling;

/// <summary>
/// Wakes the sweep, the dispatcher and the audit sealer when a transaction commits work for them (a step planned, an
/// e-mail queued, an audit entry appended), so they act at once instead of at their next tick. A lost signal costs one
/// tick, never a step, an e-mail or an entry: the rows stay the truth.
/// </summary>
public sealed class WorkSignals
{
    /// <summary>The PostgreSQL channel that carries the same signals between instances.</summary>
    public const string Channel = "takedowndesk_work";

    public WorkSignal Escalations { get; } = new();

    public WorkSignal Outbox { get; } = new();

    /// <summary>Raised in this instance only: every instance's sealer also looks on its own interval, so no notification crosses.</summary>
    public WorkSignal Audit { get; } = new();

    public void Raise(WorkKinds kinds)
    {
        if (kinds.HasFlag(WorkKinds.Escalations))
        {
            Escalations.Raise();
        }

        if (kinds.HasFlag(WorkKinds.Outbox))
        {
            Outbox.Raise();
        }

        if (kinds.HasFlag(WorkKinds.Audit))
        {
            Audit.Raise();
        }
    }
}

[Flags]
public enum WorkKinds
{
    None = 0,
    Escalations = 1,
    Outbox = 2,
    Audit = 4,
}

/// <summary>A latch: a raise while nobody waits is kept, so the next wait returns at once.</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource raised = NewLatch();

    public void Raise() => Volatile.Read(ref raised).TrySetResult();

    /// <summary>Waits for a raise or for <paramref name="timeout"/> on <paramref name="time"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var latch = Volatile.Read(ref raised);
        if (!latch.Task.IsCompleted && timeout > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, stop.Token);
            await Task.WhenAny(latch.Task, delay).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (latch.Task.IsCompleted)
        {
            // Re-arm before the caller works, so a raise during that work is kept for the next wait.
            Interlocked.CompareExchange(ref raised, NewLatch(), latch);
        }
    }

    private static TaskCompletionSource NewLatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
