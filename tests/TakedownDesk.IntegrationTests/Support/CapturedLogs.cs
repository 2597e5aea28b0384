using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// Keeps every log line the app writes, at every level, so tests can search them for personal data: as a plain line,
/// and as ASP.NET Core's own console formatters print it ("simple" text and "json", with scopes), which is what
/// operators would ship to a log store.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ServiceProvider FormatterServices = new ServiceCollection()
        .AddLogging(logging => logging
            .AddSimpleConsole(options => options.IncludeScopes = true)
            .AddJsonConsole(options => options.IncludeScopes = true))
        .BuildServiceProvider();

    private static readonly ConsoleFormatter[] Formatters =
    [
        .. FormatterServices.GetServices<ConsoleFormatter>()
            .Where(f => f.Name is ConsoleFormatterNames.Simple or ConsoleFormatterNames.Json),
    ];

    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<Action<ConsoleFormatter, TextWriter>> entries = new();
    private readonly LoggerExternalScopeProvider scopes = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>What the console would print with Logging:Console:FormatterName=simple (the default).</summary>
    public IReadOnlyList<string> Text => Format(ConsoleFormatterNames.Simple);

    /// <summary>What the console would print with Logging:Console:FormatterName=json: one JSON object an entry.</summary>
    public IReadOnlyList<string> Json => Format(ConsoleFormatterNames.Json);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    // Formatted on demand, so that tests which never look pay nothing for it.
    private List<string> Format(string formatterName)
    {
        var console = Formatters.Single(f => f.Name == formatterName);
        return entries.Select(write =>
        {
            using var writer = new StringWriter();
            write(console, writer);
            return writer.ToString();
        }).ToList();
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            var scopesNow = new List<object?>();
            owner.scopes.ForEachScope((scope, list) => list.Add(scope), scopesNow);
            owner.entries.Enqueue((console, writer) => console.Write(in entry, new FixedScopes(scopesNow), writer));
        }
    }

    /// <summary>The scopes that were open when the entry was logged.</summary>
    private sealed class FixedScopes(List<object?> states) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
        {
            foreach (var scope in states)
            {
                callback(scope, state);
            }
        }

        public IDisposable Push(object? state) => throw new NotSupportedException("A captured entry's scopes are fixed.");
    }
}
