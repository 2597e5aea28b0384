using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Behaviours;

/// <summary>Logs which use case ran, how long it took and how it ended — never the message's contents, which hold personal data.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(UseCase, elapsed);
            return response;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(UseCase, exception.GetType().Name, elapsed);
            throw;
        }
    }

    [LoggerMessage(EventId = LogEvents.UseCaseHandled, Level = LogLevel.Information, Message = "{UseCase} handled in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string useCase, double elapsedMs);

    [LoggerMessage(EventId = LogEvents.UseCaseFailed, Level = LogLevel.Warning, Message = "{UseCase} failed with {ExceptionType} after {ElapsedMs:F1} ms")]
    private partial void LogFailed(string useCase, string exceptionType, double elapsedMs);
}
