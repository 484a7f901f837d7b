using System.Runtime.InteropServices;

namespace ZoomEvents.Pact.Native;

/// <summary>
/// Copies strings returned by the engine, honouring who owns them (pact-ffi.md §5). Getting this wrong either leaks or
/// frees Rust memory with the wrong allocator, which aborts the process.
/// </summary>
internal static class NativeStrings
{
    /// <summary>Static strings (pactffi_version): copy only.</summary>
    internal static string? CopyStatic(IntPtr value) => value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);

    /// <summary>Strings owned by a mock server (mismatches, logs): copy only, and before the server is cleaned up.</summary>
    internal static string? CopyBorrowed(IntPtr value) => value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);

    /// <summary>Strings handed to the caller (verifier output/json/logs, log buffer): copy, then release with pactffi_string_delete.</summary>
    internal static string? CopyAndFree(IntPtr value)
    {
        if (value == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            PactFfi.StringDelete(value);
        }
    }

    /// <summary>The engine's thread-local last error, or null. Call on the thread that made the failing call, right after it.</summary>
    internal static unsafe string? LastError()
    {
        Span<byte> small = stackalloc byte[1024];
        fixed (byte* p = small)
        {
            var written = PactFfi.GetErrorMessage(p, small.Length);
            if (written > 0)
            {
                return Trim(small[..written]);
            }
            if (written != -2)
            {
                return null;
            }
        }
        var large = new byte[64 * 1024];
        fixed (byte* p = large)
        {
            var written = PactFfi.GetErrorMessage(p, large.Length);
            return written > 0 ? Trim(large.AsSpan(0, written)) : null;
        }
    }

    // The count may include the C terminator.
    private static string Trim(ReadOnlySpan<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
}
