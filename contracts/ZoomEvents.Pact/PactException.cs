namespace ZoomEvents.Pact;

/// <summary>
/// The toolkit was misused or the native engine refused a call. The message includes the engine's own error text when it
/// gave one.
/// </summary>
public class PactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
