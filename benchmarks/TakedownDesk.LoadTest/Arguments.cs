using System.Globalization;

namespace TakedownDesk.LoadTest;

/// <summary>"--name value" options after the subcommand; a name may repeat (--base-url twice).</summary>
public sealed class Arguments(string[] args)
{
    public IReadOnlyList<string> All(string name) =>
        args.Select((value, index) => (value, index))
            .Where(a => a.value == name && a.index + 1 < args.Length)
            .Select(a => args[a.index + 1])
            .ToList();

    public string? Optional(string name) => All(name) is { Count: > 0 } values ? values[^1] : null;

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"{name} is required.");

    public int Number(string name, int fallback) => Optional(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>"60s", "2m" or a plain number of seconds.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback) => Optional(name) switch
    {
        null => fallback,
        var text when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        var text when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        var text => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };

    public DatabaseTarget Database() =>
        new(Optional("--provider") ?? "Sqlite", Optional("--connection"), Path.GetFullPath(Required("--data-directory")));
}
