using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Correspondence;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>
/// Reads the organisation's mailbox: every message with a UID above the highest already taken in (under the folder's
/// current UIDVALIDITY), in UID order, each through <see cref="ReceiveEmailCommand"/> in its own transaction. The unique
/// (mailbox, UIDVALIDITY, UID) row decides between two instances or a re-read after a crash; the reader stops a pass at
/// the first message it could not take in, so the watermark never passes one. Read-only: the mailbox is not changed.
/// </summary>
public sealed partial class ImapMailboxReader(IServiceScopeFactory scopes, IOptions<ImapOptions> options, TimeProvider time, ILogger<ImapMailboxReader> logger)
{
    public ImapOptions Options => options.Value;

    /// <summary>Connects, takes in what is new, and disconnects.</summary>
    public async Task<MailboxPass> ReadOnceAsync(CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(cancellationToken);
        var folder = await OpenFolderAsync(client, cancellationToken);
        var pass = await CatchUpAsync(folder, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return pass;
    }

    /// <summary>Until stopped: catch up, then wait in IDLE (when offered) or for the poll interval, and again; reconnects after a failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = Options;
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.PollIntervalSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var client = await ConnectAsync(cancellationToken);
                var folder = await OpenFolderAsync(client, cancellationToken);
                var idle = settings.UseIdle && client.Capabilities.HasFlag(ImapCapabilities.Idle);
                while (!cancellationToken.IsCancellationRequested)
                {
                    await CatchUpAsync(folder, cancellationToken);
                    if (idle)
                    {
                        await IdleAsync(client, folder, interval, cancellationToken);
                    }
                    else
                    {
                        await Task.Delay(interval, time, cancellationToken);
                        await client.NoOpAsync(cancellationToken);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReadFailed(exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, interval.TotalSeconds)), time, cancellationToken);
            }
        }
    }

    private async Task<ImapClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = Options;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Email:Imap:Host is not set: there is no mailbox to read.");
        }

        var client = new ImapClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.TlsMode, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<IMailFolder> OpenFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var name = Options.Folder;
        var folder = string.IsNullOrWhiteSpace(name) || name.Equals("INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(name, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        return folder;
    }

    private async Task<MailboxPass> CatchUpAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        var mailbox = Options.MailboxKey;
        var uidValidity = folder.UidValidity;
        var watermark = await QueryAsync(new GetMailboxWatermarkQuery(mailbox, uidValidity), cancellationToken);
        // Not UIDNEXT: it is only refreshed by SELECT, so in a kept-open session it would hide new mail.
        if (folder.Count == 0)
        {
            return new MailboxPass(0, 0, 0);
        }

        // "n:*" always includes the highest UID, even below n: filter on the client.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(uidValidity, (uint)Math.Min(uint.MaxValue, watermark + 1)), UniqueId.MaxValue)), cancellationToken))
            .Where(u => u.Id > watermark)
            .OrderBy(u => u.Id)
            .ToList();
        if (uids.Count == 0)
        {
            return new MailboxPass(0, 0, 0);
        }

        var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, cancellationToken))
            .ToDictionary(s => s.UniqueId.Id);
        int matched = 0, queued = 0, already = 0;
        foreach (var uid in uids)
        {
            var summary = sizes.GetValueOrDefault(uid.Id);
            var size = (long)(summary?.Size ?? 0);
            var mail = size > Options.MaxMessageBytes
                ? IncomingMailParser.Oversized(mailbox, uidValidity, uid.Id, size, summary?.Envelope)
                : IncomingMailParser.Parse(await folder.GetMessageAsync(uid, cancellationToken), mailbox, uidValidity, uid.Id, size);
            var outcome = await ReceiveAsync(mail, cancellationToken);
            if (outcome is not { } taken)
            {
                break;
            }

            matched += taken == ReceiveOutcome.Matched ? 1 : 0;
            queued += taken == ReceiveOutcome.Queued ? 1 : 0;
            already += taken == ReceiveOutcome.AlreadyRead ? 1 : 0;
        }

        LogRead(uids.Count, matched, queued, already);
        return new MailboxPass(matched, queued, already);
    }

    /// <summary>Null when the message could not be taken in (the pass stops there and the next one tries again).</summary>
    private async Task<ReceiveOutcome?> ReceiveAsync(IncomingEmail mail, CancellationToken cancellationToken)
    {
        try
        {
            return await CommandAsync(new ReceiveEmailCommand(mail), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another instance took it in between our check and our insert: the unique row decided.
            if (exception is DbUpdateException && await QueryAsync(new GetMailboxWatermarkQuery(mail.Mailbox, mail.UidValidity), cancellationToken) >= mail.Uid)
            {
                return ReceiveOutcome.AlreadyRead;
            }

            LogMessageFailed(mail.Uid, exception.GetType().Name);
            return null;
        }
    }

    private static async Task IdleAsync(ImapClient client, IMailFolder folder, TimeSpan longest, CancellationToken cancellationToken)
    {
        // RFC 2177: renew IDLE at least every 29 minutes; it ends at once when the server announces new mail.
        using var done = new CancellationTokenSource(TimeSpan.FromTicks(Math.Min(longest.Ticks, TimeSpan.FromMinutes(29).Ticks)));
        void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += OnCountChanged;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }

    private async Task<TResponse> QueryAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    private async Task<TResponse> CommandAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    [LoggerMessage(EventId = LogEvents.MailboxRead, Level = LogLevel.Information, Message = "Mailbox read: {New} new message(s), {Matched} on requests, {Queued} queued, {AlreadyRead} already taken in")]
    private partial void LogRead(int @new, int matched, int queued, int alreadyRead);

    [LoggerMessage(EventId = LogEvents.MailboxReadFailed, Level = LogLevel.Warning, Message = "Reading the mailbox failed with {ExceptionType}; it is tried again shortly")]
    private partial void LogReadFailed(string exceptionType);

    [LoggerMessage(EventId = LogEvents.MailboxMessageFailed, Level = LogLevel.Warning, Message = "Mailbox message UID {Uid} could not be taken in ({ExceptionType}); the pass stops there and retries it")]
    private partial void LogMessageFailed(long uid, string exceptionType);
}

/// <summary>What one pass took in.</summary>
public sealed record MailboxPass(int Matched, int Queued, int AlreadyRead);

/// <summary>The reader as a hosted service, on every instance where a mailbox is configured (the unique row keeps instances apart).</summary>
public sealed class MailboxReaderService(ImapMailboxReader reader) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => reader.RunAsync(stoppingToken);
}
