namespace ZoomEvents.Pact.Native;

/// <summary>Turns a refused native call into a <see cref="PactException"/> carrying the engine's own error text.</summary>
internal static class NativeFailure
{
    /// <summary>Must run on the thread of the failing call, straight after it (the engine's last error is thread-local).</summary>
    internal static PactException Create(string what, string? hint = null)
    {
        var native = NativeStrings.LastError();
        var message = what + (native is null ? "." : $": {native}");
        if (hint is not null)
        {
            message += " " + hint;
        }
        return new PactException(message);
    }
}
