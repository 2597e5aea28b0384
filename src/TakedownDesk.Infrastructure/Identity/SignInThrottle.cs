using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>Configuration section "SignIn": how much guessing the sign-in steps allow.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign-in, code and recovery attempts (POSTs) one client address may make per minute.</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Attempts one account may receive per 15 minutes, whoever makes them (the lockout comes after 5 failures).</summary>
    public int AttemptsPerAccountPer15Minutes { get; set; } = 20;
}

/// <summary>
/// Limits guessing at the three sign-in steps. Per client address: the ASP.NET Core rate limiter (policy
/// <see cref="Policy"/>). Per account: this class, which also lets one attempt at a time through for an account, so that
/// failures are counted one after another and the lockout comes after exactly its threshold, however many arrive at
/// once. In memory, per instance: with several instances each allows as much.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<string> perAccount;

    public SignInThrottle(IOptions<SignInThrottleOptions> options)
    {
        var limit = Math.Max(1, options.Value.AttemptsPerAccountPer15Minutes);
        perAccount = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetConcurrencyLimiter(
                account,
                _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 1000, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })),
            PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
                account,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })));
    }

    /// <summary>Waits for the account's turn; a lease that is not acquired means "too many attempts".</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string account, CancellationToken cancellationToken) =>
        perAccount.AcquireAsync(account.Trim().ToUpperInvariant(), 1, cancellationToken);

    public void Dispose() => perAccount.Dispose();

    /// <summary>The per-address policy, for the sign-in pages' POSTs only (showing the form is not an attempt).</summary>
    public static void AddPolicy(RateLimiterOptions limiter, int attemptsPerMinute)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(TooManyAttempts, cancellationToken);
        };
        limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, attemptsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("show"));
    }

    public const string TooManyAttempts = "Too many sign-in attempts. Wait a minute, then try again.";
}
