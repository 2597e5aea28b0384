using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>Two real host processes on one SQLite file: the second refuses to start; kill -9 of the first frees the file.</summary>
public sealed class SingleInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_host_on_the_same_sqlite_file_exits_non_zero_with_a_clear_message_and_kill_9_releases_the_lock()
    {
        var folder = Directory.CreateTempSubdirectory("takedowndesk-single-").FullName;
        var port = HostProcess.FreePort();
        using var first = HostProcess.Start(HostProcess.Settings(folder, port));
        try
        {
            await HostProcess.WaitUntilLiveAsync(first, port, TimeSpan.FromSeconds(90));

            using var second = HostProcess.Start(HostProcess.Settings(folder, HostProcess.FreePort()));
            var stderr = second.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            await second.WaitForExitAsync(timeout.Token);

            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("Another TakedownDesk instance is already running", await stderr, StringComparison.Ordinal);
            Assert.False(first.HasExited);
        }
        finally
        {
            await HostProcess.KillAsync(first); // SIGKILL: no clean shutdown, the OS drops the lock
        }

        var lockPath = SqliteInstanceLock.LockPathFor(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "takedowndesk.db")}")!;
        Assert.True(File.Exists(lockPath));
        using var taken = SqliteInstanceLock.TryAcquire(lockPath);
        Assert.NotNull(taken);
        Assert.Null(SqliteInstanceLock.TryAcquire(lockPath));
    }
}
