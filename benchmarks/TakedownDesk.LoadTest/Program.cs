using System.Globalization;
using TakedownDesk.LoadTest;
using TakedownDesk.LoadTest.Seeding;

const string Usage = """
    seed --provider Sqlite|Postgres [--connection CS] --data-directory DIR --staff-file FILE [--cases N] [--requests N] [--staff N] [--batch N]
    run --base-url URL [--base-url URL2] --staff-file FILE [--users 50] [--duration 60s] [--warmup 10s]
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
                options.Number("--batch", 1000));
            var result = await new Seeder(seed, TimeProvider.System, Console.Out).RunAsync(stop.Token);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Seeded {result.Cases:N0} cases, {result.Requests:N0} requests ({result.ReadyDrafts:N0} ready drafts) for {seed.Staff} staff in {result.Elapsed.TotalSeconds:F1} s."));
            return 0;
        }

    default:
        await Console.Error.WriteLineAsync(Usage);
        return 2;
}
