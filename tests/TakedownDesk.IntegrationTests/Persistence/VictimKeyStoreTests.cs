using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.IntegrationTests.Persistence;

/// <summary>The default key store, a SQLite file with a rollback journal, read and written from many threads at once.</summary>
public sealed class VictimKeyStoreTests
{
    [Fact]
    public async Task Keys_written_and_read_from_many_threads_at_once_are_all_kept_and_found()
    {
        var folder = Directory.CreateTempSubdirectory("takedowndesk-keys-").FullName;
        using var store = new VictimKeyStore(new EncryptionOptions(), folder);
        var keys = Enumerable.Range(0, 200).Select(i => new StoredVictimKey(Guid.NewGuid(), "master-1", BitConverter.GetBytes(i))).ToList();

        var found = await Task.WhenAll(keys.Select(key => Task.Run(
            () =>
            {
                store.Insert(key, DateTime.UtcNow);
                // Readers of other victims' keys interleave with the writers.
                _ = store.Find(keys[0].VictimId);
                return store.Find(key.VictimId);
            },
            TestContext.Current.CancellationToken)));

        Assert.Equal(keys.Select(k => Convert.ToHexString(k.WrappedKey)), found.Select(k => Convert.ToHexString(k!.WrappedKey)));
        Assert.Equal(200, store.All().Count);
        Assert.True(store.Delete(keys[7].VictimId));
        Assert.Null(store.Find(keys[7].VictimId));
    }
}
