using System.Runtime.Versioning;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: the data directory and the key files are the owner's alone.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task A_new_data_directory_is_0700_and_its_key_files_0600()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(app.DataDirectory));
        var keyFiles = Directory.GetFiles(app.DataDirectory).Where(f => Path.GetFileName(f).Contains("key", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.Equal(OwnerOnly, File.GetUnixFileMode(f)));
    }
}
