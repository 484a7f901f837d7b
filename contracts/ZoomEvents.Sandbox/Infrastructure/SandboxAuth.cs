using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>
/// Server-to-Server OAuth as Zoom does it: <c>POST /oauth/token</c> with <c>grant_type=account_credentials</c>, the
/// account id in the query or form, and the client id/secret as HTTP Basic. Tokens are opaque, expire, and are checked
/// on every <c>/v2/</c> request.
/// </summary>
internal sealed class SandboxAuth(SandboxOptions options)
{
    // A snapshot taken at start-up: the options' list belongs to the caller and may change (or be read mid-change)
    // while requests are served; a frozen set is safe to read from every request thread.
    private readonly FrozenSet<string> _staticTokens =
        options.StaticAccessTokens.Where(t => !string.IsNullOrEmpty(t)).ToFrozenSet(StringComparer.Ordinal);

    private const string Scopes = "zoom_events:read:admin zoom_events:write:admin zoom_events:read zoom_events:write";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);

    public async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        var request = context.Request;
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                // A multipart body without its boundary (or cut short) is the client's mistake, not a server error.
                return TokenError(400, "invalid_request", "The form body could not be read: " + ex.Message);
            }
        }

        string Value(string name) => request.Query[name] is { Count: > 0 } q ? q.ToString() : form?[name].ToString() ?? "";

        if (!TryReadBasic(request.Headers.Authorization, out var clientId, out var clientSecret) ||
            !FixedEquals(clientId, options.ClientId) || !FixedEquals(clientSecret, options.ClientSecret))
        {
            return TokenError(401, "invalid_client", "Invalid client_id or client_secret.");
        }

        var grantType = Value("grant_type");
        if (grantType != "account_credentials")
        {
            return TokenError(400, "unsupported_grant_type", $"Unsupported grant type '{grantType}'; use account_credentials.");
        }

        var accountId = Value("account_id");
        if (accountId.Length == 0)
        {
            return TokenError(400, "invalid_request", "account_id is missing.");
        }

        if (!FixedEquals(accountId, options.AccountId))
        {
            return TokenError(400, "invalid_request", "account_id does not belong to this app.");
        }

        var now = options.TimeProvider.GetUtcNow();
        if (_tokens.Count > 1_000)
        {
            // A long-running standalone sandbox must not grow forever; expired tokens are useless anyway.
            foreach (var (stale, _) in _tokens.Where(t => t.Value <= now))
            {
                _tokens.TryRemove(stale, out _);
            }
        }

        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = now + options.TokenLifetime;
        return ZoomJson.Ok(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)options.TokenLifetime.TotalSeconds,
            ["scope"] = Scopes,
            ["api_url"] = $"{request.Scheme}://{request.Host}",
        });
    }

    /// <summary>Null when the request carries a live token, otherwise the 401 body to send.</summary>
    public JsonObject? Check(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        var token = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : "";
        if (token.Length > 0 && _staticTokens.Contains(token))
        {
            return null;
        }

        if (token.Length == 0 || !_tokens.TryGetValue(token, out var expires))
        {
            return new JsonObject { ["code"] = 124, ["message"] = "Invalid access token." };
        }

        return options.TimeProvider.GetUtcNow() >= expires
            ? new JsonObject { ["code"] = 124, ["message"] = "Access token is expired." }
            : null;
    }

    private static IResult TokenError(int status, string error, string reason) =>
        ZoomJson.Write(new JsonObject { ["reason"] = reason, ["error"] = error }, status);

    private static bool TryReadBasic(StringValues header, out string clientId, out string clientSecret)
    {
        clientId = clientSecret = "";
        var value = header.ToString();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            (clientId, clientSecret) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Constant-time comparison so the sandbox does not teach clients a timing side channel.
    private static bool FixedEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
