using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>Zoom-like ids: 16 bytes as unpadded base64url, i.e. 22 URL-safe characters.</summary>
internal static class SandboxIds
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    // Derived ids keep sessions and default ticket types stable across listings and across sandbox restarts, which lets
    // pacts and provider states refer to them without storing anything.
    public static string Derive(string seed) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));

    public static long DeriveNumber(string seed, long min, long range) =>
        min + (long)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0) % (ulong)range);

    // Ids supplied by provider states must stay usable in URLs unescaped.
    public static bool IsUrlSafe(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
