using Microsoft.AspNetCore.Identity;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>
/// Length, not composition, makes a password strong (NIST SP 800-63B): at least 12 characters, and none of the
/// passwords people reach for first, nothing that is one character repeated, and not the account's own address.
/// A short built-in list, not a breached-password corpus: the desk makes no outbound lookups.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "password123456",
        "passwordpassword", "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "abcdefghijkl", "abc123456789", "iloveyou1234", "letmein12345", "welcome12345", "welcome123456",
        "administrator", "administrator1", "changeme1234", "trustno11234", "football1234", "baseball1234",
        "monkey123456", "dragon123456", "sunshine1234", "princess1234", "aaaaaaaaaaaa", "000000000000",
        "111111111111", "takedowndesk", "takedowndesk1", "takedown1234", "correcthorsebatterystaple",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var text = password ?? string.Empty;
        var localPart = (user.Email ?? string.Empty).Split('@')[0];
        var guessable = Common.Contains(text)
                        || (text.Length > 0 && text.All(c => c == text[0]))
                        || (localPart.Length >= 4 && text.Contains(localPart, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(guessable
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordGuessable",
                Description = "That password is among the first ones guessed (a common password, one repeated character, or your own address). Choose a phrase of several words.",
            })
            : IdentityResult.Success);
    }
}
