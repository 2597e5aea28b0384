using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Messaging;
using IMailTransport = TakedownDesk.Application.Ports.IMailTransport;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>MailKit over one kept-open connection per dispatch batch, one send at a time.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, TimeProvider time) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IMailSession>(new Session(options.Value, time));

    private sealed class Session(EmailOptions options, TimeProvider time) : IMailSession
    {
        private SmtpClient client = new();

        public async Task<MailSendResult> SendAsync(OutboxMessage message, MailContent content, CancellationToken cancellationToken)
        {
            if (!client.IsConnected)
            {
                try
                {
                    client.Timeout = options.TimeoutSeconds * 1000;
                    await client.ConnectAsync(options.Host ?? "localhost", options.Port, options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
                    if (!string.IsNullOrEmpty(options.User))
                    {
                        await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, cancellationToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Reset();
                    return new MailSendResult(MailSendOutcome.RetryLater, $"connect: {exception.GetType().Name}: {exception.Message}");
                }
            }

            var progress = new DataProgress();
            try
            {
                using var mime = MimeMessages.From(message, content, options.From, time.GetUtcNow().UtcDateTime);
                await client.SendAsync(mime, cancellationToken, progress);
                return MailSendResult.Accepted;
            }
            catch (SmtpCommandException exception)
            {
                // The server answered: 5xx is final, 4xx is "try later". The connection stays usable.
                var code = (int)exception.StatusCode;
                var detail = $"{code} {exception.Message}";
                return code >= 500 ? new MailSendResult(MailSendOutcome.Rejected, detail) : new MailSendResult(MailSendOutcome.RetryLater, detail);
            }
            catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
            {
                Reset();
                var detail = $"{exception.GetType().Name}: {exception.Message}";
                // Once the data went out, the server may have queued the message before the line dropped.
                return progress.DataStarted
                    ? new MailSendResult(MailSendOutcome.Unknown, "connection lost after the message data was sent: " + detail)
                    : new MailSendResult(MailSendOutcome.RetryLater, detail);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true);
                }
                catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
                {
                    // Every outcome is already recorded; a failed QUIT changes nothing.
                }
            }

            client.Dispose();
        }

        private void Reset()
        {
            client.Dispose();
            client = new SmtpClient();
        }
    }

    /// <summary>MailKit reports progress only while it writes the message data (after DATA was accepted).</summary>
    private sealed class DataProgress : ITransferProgress
    {
        public bool DataStarted { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => DataStarted = true;

        public void Report(long bytesTransferred) => DataStarted = true;
    }
}
