using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>Entry point of the consumer DSL.</summary>
public static class Pact
{
    /// <summary>
    /// Starts a V4 HTTP pact between <paramref name="consumer"/> and <paramref name="provider"/>. Create one per test
    /// (e.g. in the test class constructor): every interaction registered on it is expected by its mock server.
    /// </summary>
    public static PactV4 V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactV4(consumer, provider, config ?? new PactConfig());
    }

    /// <summary>The native engine's version (loads and checks it).</summary>
    public static string EngineVersion => PactEngine.EnsureInitialized();
}
