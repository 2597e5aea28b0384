using Microsoft.Extensions.Options;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>With no SMTP server configured: each message becomes an .eml file in the drop folder, through the same outbox.</summary>
public sealed class MailDropTransport(string folder, IOptions<EmailOptions> options, TimeProvider time) : IMailTransport
{
    public string Folder { get; } = folder;

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(this, options.Value, time));
    }

    private sealed class Session(MailDropTransport transport, EmailOptions options, TimeProvider time) : IMailSession
    {
        public async Task<MailSendResult> SendAsync(OutboxMessage message, MailContent content, CancellationToken cancellationToken)
        {
            using var mime = MimeMessages.From(message, content, options.From, time.GetUtcNow().UtcDateTime);
            // Named after the Message-ID: a re-send replaces the file instead of adding a second one.
            var path = Path.Combine(transport.Folder, message.MessageId.Trim('<', '>').Split('@')[0] + ".eml");
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await mime.WriteToAsync(stream, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            return MailSendResult.Accepted;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
