using Microsoft.EntityFrameworkCore;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Cli;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>The operator's entries: rotate-master-key, purge and verify-audit run through the same pipeline as the web app.</summary>
[Collection(ConsoleOutputCollection.Name)]
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

    [Fact]
    public async Task Verify_audit_signs_and_prints_the_head_and_catches_entries_cut_from_the_end_by_checkpoint_or_by_anchor()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        app.Staff.SeesAllCases = true;

        var (exit, output) = await RunCapturingAsync(app, "verify-audit");
        Assert.Equal(0, exit);
        var head = System.Text.RegularExpressions.Regex.Match(output, "--anchor (\\d+:[0-9A-Fa-f]+)").Groups[1].Value;
        Assert.NotEmpty(head);
        Assert.Equal(0, (await RunCapturingAsync(app, "verify-audit", "--anchor", head)).Exit);
        Assert.Equal(2, (await RunCapturingAsync(app, "verify-audit", "--anchor", "not-an-anchor")).Exit);

        var last = long.Parse(head.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDb(db => db.AuditEntries.Where(e => e.Sequence == last).ExecuteDeleteAsync());
        var (checkpointExit, checkpointOutput) = await RunCapturingAsync(app, "verify-audit");
        Assert.Equal(1, checkpointExit);
        Assert.Contains($"a signed checkpoint does not match the chain; entries from sequence {last} on", checkpointOutput, StringComparison.Ordinal);

        // With the checkpoints deleted too, the shortened chain links up again; only the anchor kept elsewhere catches it.
        await app.WithDb(db => db.AuditCheckpoints.ExecuteDeleteAsync());
        Assert.Equal(0, (await RunCapturingAsync(app, "verify-audit")).Exit);
        var (cutExit, cutOutput) = await RunCapturingAsync(app, "verify-audit", "--anchor", head);
        Assert.Equal(1, cutExit);
        Assert.Contains($"anchored entry {last} is missing", cutOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunCapturingAsync(TestApp app, params string[] args)
    {
        var original = Console.Out;
        await using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            return (await CommandLine.RunAsync(args, app.Services), captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
