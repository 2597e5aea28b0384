using Microsoft.AspNetCore.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>
/// Whether a passkey answer was made on this desk's own pages. Identity's default compares it with the request's Origin
/// header, but every page here sends <c>Referrer-Policy: no-referrer</c>, under which the browser sends "Origin: null" with
/// a form post; so the answer is compared with the address the request came to (after the trusted proxies' headers).
/// </summary>
public static class PasskeyOrigin
{
    public static void Configure(IdentityPasskeyOptions options) => options.ValidateOrigin = IsOwnAsync;

    private static ValueTask<bool> IsOwnAsync(PasskeyOriginValidationContext context)
    {
        var request = context.HttpContext.Request;
        var own = !context.CrossOrigin
                  && Uri.TryCreate(context.Origin, UriKind.Absolute, out var origin)
                  && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var address)
                  && Uri.Compare(origin, address, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                  && origin.AbsolutePath == "/";
        return ValueTask.FromResult(own);
    }
}
