using Microsoft.EntityFrameworkCore;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Cli;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>The operator's entries: rotate-master-key, purge and verify-audit run through the same pipeline as the web app.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Rotate_purge_and_verify_run_and_verify_fails_on_a_tampered_chain()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));

        app.Staff.SeesAllCases = true; // the host runs the CLI as the system account, which sees every case

        Assert.True(CommandLine.IsCommand(["rotate-master-key"]) && CommandLine.IsCommand(["purge"]) && CommandLine.IsCommand(["verify-audit"]));
        Assert.Equal(0, await CommandLine.RunAsync(["rotate-master-key"], app.Services));
        Assert.Equal(0, await CommandLine.RunAsync(["purge"], app.Services));
        Assert.Equal(0, await CommandLine.RunAsync(["verify-audit"], app.Services));
        await Markers.AssertReadableThroughTheAppAsync(app, opened.CaseId);

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Nothing' WHERE \"Sequence\" = 2"));
        Assert.Equal(1, await CommandLine.RunAsync(["verify-audit"], app.Services));
    }
}
