using System.Runtime.ExceptionServices;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>
/// A V4 consumer pact under construction. Register interactions with <see cref="UponReceiving"/>, then run the test
/// against the mock server with <see cref="VerifyAsync"/>; that consumes the interactions registered so far, so the
/// same instance can start a fresh set afterwards.
/// </summary>
public sealed class PactV4 : IDisposable
{
    private static readonly string ToolkitVersion =
        typeof(PactV4).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly object _gate = new();
    private PactSafeHandle? _handle;
    private readonly List<HttpInteractionBuilder> _interactions = [];
    private int _generation;
    private bool _disposed;

    internal PactV4(string consumer, string provider, PactConfig config)
    {
        Consumer = consumer;
        Provider = provider;
        Config = config;
    }

    /// <summary>Consumer name as written to the pact.</summary>
    public string Consumer { get; }

    /// <summary>Provider name as written to the pact.</summary>
    public string Provider { get; }

    /// <summary>Settings.</summary>
    public PactConfig Config { get; }

    /// <summary>Full path of the pact file this pact merges into.</summary>
    public string PactFilePath => Path.Combine(Config.ResolvedPactDir, PactFileWriter.FileName(Consumer, Provider));

    /// <summary>Starts an interaction; <paramref name="description"/> plus its provider states identify it in the pact file.</summary>
    public HttpInteractionBuilder UponReceiving(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        lock (_gate)
        {
            var handle = CurrentHandle();
            var interaction = PactFfi.NewInteraction(handle.Value, description);
            if (interaction == 0)
            {
                throw NativeFailure.Create($"Could not create interaction '{description}'");
            }
            var builder = new HttpInteractionBuilder(this, _generation, interaction, description);
            _interactions.Add(builder);
            return builder;
        }
    }

    /// <summary>
    /// Starts the mock server on 127.0.0.1 (OS-chosen port), runs <paramref name="test"/> against it, then checks that
    /// every registered interaction was received exactly as specified. On success the pact file is merged into
    /// <see cref="PactConfig.PactDir"/>; on failure a <see cref="PactMismatchException"/> lists every mismatch.
    /// </summary>
    public Task VerifyAsync(Func<IConsumerContext, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return RunAsync(test);
    }

    /// <summary>Synchronous flavour of <see cref="VerifyAsync"/>.</summary>
    public void Verify(Action<IConsumerContext> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        RunAsync(ctx =>
        {
            test(ctx);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Frees the native pact if it was never verified.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _handle?.Dispose();
            _handle = null;
            _interactions.Clear();
            _generation++;
        }
    }

    internal bool IsCurrent(int generation)
    {
        lock (_gate)
        {
            return !_disposed && generation == _generation && _handle is not null;
        }
    }

    internal object Gate => _gate;

    private async Task RunAsync(Func<IConsumerContext, Task> test)
    {
        PactSafeHandle handle;
        List<HttpInteractionBuilder> interactions;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_handle is null || _interactions.Count == 0)
            {
                throw new PactException("No interactions were registered: call UponReceiving(...) before VerifyAsync.");
            }
            var incomplete = _interactions.Where(i => !i.RequestDefined).Select(i => $"'{i.Description}'").ToList();
            if (incomplete.Count > 0)
            {
                throw new PactException($"Interaction(s) {string.Join(", ", incomplete)} have no WithRequest(method, path).");
            }
            // Take ownership: builders still holding the old generation now fail loudly instead of editing a running pact.
            handle = _handle;
            interactions = [.. _interactions];
            _handle = null;
            _interactions.Clear();
            _generation++;
        }

        using (handle)
        {
            var run = await MockServerRun.ExecuteAsync(handle, Consumer, Provider, Config, interactions.Count, test).ConfigureAwait(false);
            if (run.Mismatches.Count > 0 || !run.Matched)
            {
                Config.Output?.Invoke(run.RenderForOutput());
                throw new PactMismatchException(Consumer, Provider, run.Mismatches, run.MismatchJson, run.TestFailure);
            }
            if (run.TestFailure is not null)
            {
                // Every request matched, so the failure is the test's own (an assertion): surface it unchanged.
                ExceptionDispatchInfo.Capture(run.TestFailure).Throw();
            }
            await PactFileWriter.WriteAsync(handle, Config.ResolvedPactDir, PactFilePath, Config.FileLockTimeout).ConfigureAwait(false);
            Config.Output?.Invoke($"pact: {interactions.Count} interaction(s) verified and merged into {PactFilePath}");
            if (Config.PinnedPactDir is not null)
            {
                await Pinning.PactPinning.CheckOrUpdateAsync(handle, Consumer, Provider, Config).ConfigureAwait(false);
            }
        }
    }

    private PactSafeHandle CurrentHandle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_handle is not null)
        {
            return _handle;
        }
        PactEngine.EnsureInitialized();
        var handle = new PactSafeHandle(PactFfi.NewPact(Consumer, Provider));
        try
        {
            if (!PactFfi.WithSpecification(handle.Value, PactFfi.SpecificationV4))
            {
                throw NativeFailure.Create("Could not select the V4 specification");
            }
            AddMetadata(handle, "pactCsharp", "name", "ZoomEvents.Pact");
            AddMetadata(handle, "pactCsharp", "version", ToolkitVersion);
            foreach (var (name, value) in Config.Metadata ?? new Dictionary<string, string>())
            {
                AddMetadata(handle, "pactCsharp", name, value);
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        _handle = handle;
        return handle;
    }

    private static void AddMetadata(PactSafeHandle handle, string ns, string name, string value)
    {
        if (!PactFfi.WithPactMetadata(handle.Value, ns, name, value))
        {
            throw NativeFailure.Create($"Could not add pact metadata {ns}.{name}");
        }
    }
}

/// <summary>What the test body gets while the mock server runs.</summary>
public interface IConsumerContext
{
    /// <summary>Base address of the mock server, with a trailing slash (<c>http://127.0.0.1:PORT/</c>).</summary>
    Uri MockServerUri { get; }
}

internal sealed record ConsumerContext(Uri MockServerUri) : IConsumerContext;
