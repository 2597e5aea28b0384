using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>One answer of the API as a client received it, with the route template that produced it.</summary>
public sealed record ApiResponseObservation(string Method, string RouteTemplate, int Status, string? MediaType, byte[] Body);

/// <summary>
/// Records every answer of the JSON API in a test host, beneath every other middleware, so that what the tests
/// receive can be checked against the OpenAPI document (<see cref="ApiContractCheck"/>).
/// </summary>
public sealed class ApiResponseRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<ApiResponseObservation> observations = new();

    public IReadOnlyCollection<ApiResponseObservation> Observations => observations;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RecordAsync);
        next(app);
    };

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var copy = new MemoryStream();
        context.Response.Body = new TeeStream(original, copy);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        // Only routed answers have a template to look up; an unmatched path is checked by its own tests.
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            observations.Enqueue(new ApiResponseObservation(
                context.Request.Method,
                endpoint.RoutePattern.RawText ?? "",
                context.Response.StatusCode,
                context.Response.ContentType?.Split(';')[0].Trim(),
                copy.ToArray()));
        }
    }

    /// <summary>Writes to the client and keeps a copy, so streamed answers (PDFs, ZIPs) reach the client unchanged.</summary>
    private sealed class TeeStream(Stream client, MemoryStream copy) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => copy.Length;

        public override long Position { get => copy.Position; set => throw new NotSupportedException(); }

        public override void Flush() => client.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => client.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            copy.Write(buffer, offset, count);
            client.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            copy.Write(buffer.Span);
            await client.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
