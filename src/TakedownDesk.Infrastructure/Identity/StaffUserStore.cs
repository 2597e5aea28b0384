using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>
/// Identity's store, with second factors protected at rest: the authenticator secret is sealed under a key derived from
/// the master key (a copy of the database alone cannot mint codes), and recovery codes are kept only as HMACs under
/// another derived key. Values written before this store existed (clear secret, clear codes) are still read.
/// </summary>
public sealed class StaffUserStore(TakedownDeskDbContext context, MasterKeyRing masterKeys, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, TakedownDeskDbContext>(context, describer)
{
    private const string SealedPrefix = "sealed1:";
    private const string HashedPrefix = "hmac1:";
    private const string RecoveryCodesToken = "RecoveryCodes";
    private const string StoreProvider = "[AspNetUserStore]";
    private static readonly byte[] AuthenticatorPurpose = Encoding.UTF8.GetBytes("TakedownDesk authenticator secret v1");
    private static readonly byte[] RecoveryPurpose = Encoding.UTF8.GetBytes("TakedownDesk recovery codes v1");

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken)
    {
        var masterKeyId = masterKeys.CurrentId;
        var envelope = FieldEnvelope.Seal(masterKeys.DerivedKey(masterKeyId, AuthenticatorPurpose), Guid.Empty, Encoding.UTF8.GetBytes(key), Bound(user));
        return base.SetAuthenticatorKeyAsync(user, $"{SealedPrefix}{masterKeyId}:{Convert.ToBase64String(envelope)}", cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (stored is null || !stored.StartsWith(SealedPrefix, StringComparison.Ordinal))
        {
            return stored;
        }

        // Base64 has no ':', so the last one separates the master key id (which may contain one).
        var body = stored[SealedPrefix.Length..];
        var separator = body.LastIndexOf(':');
        var key = masterKeys.DerivedKey(body[..separator], AuthenticatorPurpose);
        return Encoding.UTF8.GetString(FieldEnvelope.Open(key, Convert.FromBase64String(body[(separator + 1)..]), Bound(user)));
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        var masterKeyId = masterKeys.CurrentId;
        return base.ReplaceCodesAsync(user, recoveryCodes.Select(code => Hashed(masterKeyId, code)), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, StoreProvider, RecoveryCodesToken, cancellationToken) ?? string.Empty;
        var codes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = codes.FindIndex(entry => Matches(entry, code));
        if (match < 0)
        {
            return false;
        }

        codes.RemoveAt(match);
        await SetTokenAsync(user, StoreProvider, RecoveryCodesToken, string.Join(';', codes), cancellationToken);
        return true;
    }

    private bool Matches(string entry, string code)
    {
        if (!entry.StartsWith(HashedPrefix, StringComparison.Ordinal))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entry), Encoding.UTF8.GetBytes(code));
        }

        var body = entry[HashedPrefix.Length..];
        var masterKeyId = body[..body.LastIndexOf(':')];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hashed(masterKeyId, code)), Encoding.ASCII.GetBytes(entry));
    }

    private string Hashed(string masterKeyId, string code) =>
        $"{HashedPrefix}{masterKeyId}:{Convert.ToHexString(HMACSHA256.HashData(masterKeys.DerivedKey(masterKeyId, RecoveryPurpose), Encoding.UTF8.GetBytes(code)))}";

    private static byte[] Bound(StaffUser user) => Encoding.UTF8.GetBytes($"AspNetUserTokens.AuthenticatorKey:{user.Id}");
}
