using System.Globalization;
using TakedownDesk.LoadTest.Ceiling;
using TakedownDesk.LoadTest.Running;
using TakedownDesk.LoadTest.Seeding;

namespace TakedownDesk.LoadTest;

/// <summary>seed, run and ceiling: the load test of issue #7 (benchmarks/load/run-load.sh runs them end to end).</summary>
public static class LoadTestCommands
{
    public static async Task<int> Main(string[] args)
    {
        const string Usage = """
            seed --provider Sqlite|Postgres [--connection CS] --data-directory DIR --staff-file FILE [--cases N] [--requests N] [--staff N] [--batch N]
            run --base-url URL [--base-url URL2] --staff-file FILE [--users 50] [--duration 60s] [--warmup 10s] [--actions-per-user N] [--think-time 0s] [--draft-offset 0]
            ceiling --provider Sqlite|Postgres [--connection CS] --data-directory DIR [--users 50] [--duration 30s]
            """;

        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = new Arguments(args[1..]);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        switch (args[0])
        {
            case "seed":
                {
                    var seed = new SeedOptions(
                        options.Database(),
                        options.Number("--cases", 100_000),
                        options.Number("--requests", 1_000_000),
                        options.Number("--staff", 50),
                        options.Required("--staff-file"),
                        options.Number("--batch", SeedOptions.DefaultCasesPerBatch));
                    var result = await new Seeder(seed, TimeProvider.System, Console.Out).RunAsync(stop.Token);
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Seeded {result.Cases:N0} cases, {result.Requests:N0} requests ({result.ReadyDrafts:N0} ready drafts) for {seed.Staff} staff in {result.Elapsed.TotalSeconds:F1} s."));
                    return 0;
                }

            case "run":
                {
                    var run = new LoadOptions(
                        options.All("--base-url").Select(url => new Uri(url.EndsWith('/') ? url : url + "/")).ToList(),
                        await StaffFile.ReadAsync(options.Required("--staff-file"), stop.Token),
                        options.Number("--users", 50),
                        options.Duration("--duration", TimeSpan.FromSeconds(60)),
                        options.Duration("--warmup", TimeSpan.FromSeconds(10)),
                        options.Optional("--actions-per-user") is null ? null : options.Number("--actions-per-user", 0),
                        options.Duration("--think-time", TimeSpan.Zero),
                        options.Number("--draft-offset", 0));
                    var report = await new LoadRun(run).RunAsync(stop.Token);
                    Console.WriteLine(report.ToMarkdown());
                    return report.Errors == 0 ? 0 : 1;
                }

            case "ceiling":
                {
                    var ceiling = new CeilingOptions(options.Database(), options.Number("--users", 50), options.Duration("--duration", TimeSpan.FromSeconds(30)));
                    var report = await new CeilingRun(ceiling).RunAsync(stop.Token);
                    Console.WriteLine(report.ToMarkdown());
                    return report.Errors == 0 ? 0 : 1;
                }

            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
