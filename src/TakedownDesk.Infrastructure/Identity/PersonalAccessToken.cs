using System.Security.Cryptography;
using System.Text;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>An API token: only the SHA-256 hash of its secret is stored.</summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "td_";

    public Guid Id { get; init; } = Guid.NewGuid();

    public required string StaffUserId { get; init; }

    public required string Name { get; init; }

    public AccessTokenScope Scope { get; init; }

    public required string SecretHash { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime ExpiresAtUtc { get; init; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
