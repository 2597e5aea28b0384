using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>
/// A staff member's own passkeys. Adding one is a new way into the account, so it asks for the password and a fresh
/// authenticator code first (counted like sign-in attempts); only then does the browser get a challenge to answer.
/// </summary>
public sealed class PasskeyRegistration(SignInManager<StaffUser> signIn, IStaffAccounts accounts)
{
    public const int MaximumPerAccount = 10;

    public const int MaximumNameLength = 60;

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(StaffUser user) =>
        (await signIn.UserManager.GetPasskeysAsync(user))
        .OrderBy(passkey => passkey.CreatedAt)
        .Select(passkey => new PasskeyView(WebEncoders.Base64UrlEncode(passkey.CredentialId), passkey.Name ?? "Passkey", passkey.CreatedAt.UtcDateTime))
        .ToList();

    /// <summary>The WebAuthn creation options, or why they are not given.</summary>
    public async Task<PasskeyStep> BeginAsync(StaffUser user, string name, string password, string authenticatorCode, CancellationToken cancellationToken)
    {
        if (NameProblem(name) is { } problem)
        {
            return PasskeyStep.Refused(problem);
        }

        if ((await signIn.UserManager.GetPasskeysAsync(user)).Count >= MaximumPerAccount)
        {
            return PasskeyStep.Refused($"An account can have at most {MaximumPerAccount} passkeys. Remove one you no longer use first.");
        }

        if (!await accounts.ConfirmOwnerAsync(user.Id, password, authenticatorCode, cancellationToken))
        {
            return PasskeyStep.NotConfirmed();
        }

        var entity = new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.UserName ?? user.Id, DisplayName = user.DisplayName };
        return PasskeyStep.Options(await signIn.MakePasskeyCreationOptionsAsync(entity));
    }

    /// <summary>Keeps the passkey the browser created for the challenge given to this account, under its name.</summary>
    public async Task<string?> CompleteAsync(StaffUser user, string name, string credentialJson)
    {
        if (NameProblem(name) is { } problem)
        {
            return problem;
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed JSON, or no challenge given in this session (the password step was skipped).
            return NotCreated;
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            return NotCreated;
        }

        if ((await signIn.UserManager.GetPasskeysAsync(user)).Count >= MaximumPerAccount)
        {
            return $"An account can have at most {MaximumPerAccount} passkeys.";
        }

        attestation.Passkey.Name = name.Trim();
        return (await signIn.UserManager.AddOrUpdatePasskeyAsync(user, attestation.Passkey)).Succeeded ? null : NotCreated;
    }

    public async Task<bool> RemoveAsync(StaffUser user, string credentialId)
    {
        byte[] id;
        try
        {
            id = WebEncoders.Base64UrlDecode(credentialId);
        }
        catch (FormatException)
        {
            return false;
        }

        return await signIn.UserManager.GetPasskeyAsync(user, id) is not null
               && (await signIn.UserManager.RemovePasskeyAsync(user, id)).Succeeded;
    }

    private const string NotCreated = "The passkey was not created. Start again: enter your password and a new code.";

    private static string? NameProblem(string name) => name.Trim() switch
    {
        "" => "Give the passkey a name you will recognise, such as \"Office security key\".",
        { Length: > MaximumNameLength } => $"Use at most {MaximumNameLength} characters for the name.",
        var plain when !TextRules.IsPlainName(plain) => TextRules.NotPlainName,
        _ => null,
    };
}

public sealed record PasskeyView(string Id, string Name, DateTime CreatedAtUtc);

/// <summary>The first step of adding a passkey: the options for the browser, or the reason there are none.</summary>
public sealed record PasskeyStep(string? OptionsJson, string? Problem, bool Confirmed)
{
    public static PasskeyStep Options(string json) => new(json, null, true);

    public static PasskeyStep Refused(string problem) => new(null, problem, true);

    public static PasskeyStep NotConfirmed() =>
        new(null, "Your password or the code was not accepted. Codes can be used once; wait for the next one.", false);
}
