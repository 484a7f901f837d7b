using System.Runtime.InteropServices;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact.Verifier;

/// <summary>
/// Verifies pact files against a running provider (a real TCP endpoint — the engine sends real HTTP requests).
/// Configure fluently, then <see cref="VerifyAsync"/> (throws on failure) or <see cref="RunAsync"/> (returns the report).
/// The builder only records settings; each run creates and releases its own native verifier.
/// </summary>
public sealed class PactVerifier
{
    private readonly string _providerName;
    private readonly PactVerifierConfig _config;
    private readonly List<string> _files = [];
    private readonly List<string> _directories = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly List<string> _consumers = [];
    private Uri? _endpoint;
    private Uri? _stateUrl;
    private bool _stateTeardown;
    private string? _descriptionFilter;
    private string? _stateFilter;
    private bool _onlyWithoutState;
    private TimeSpan _timeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates a verifier for <paramref name="providerName"/> (it also selects pacts from directory sources).</summary>
    public PactVerifier(string providerName, PactVerifierConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        _providerName = providerName;
        _config = config ?? new PactVerifierConfig();
    }

    /// <summary>The provider's base address, e.g. <c>http://127.0.0.1:5123/</c> (a path prefix is allowed).</summary>
    public PactVerifier WithHttpEndpoint(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The provider endpoint must be an absolute http(s) URI, got '{baseUri}'.", nameof(baseUri));
        }
        _endpoint = baseUri;
        return this;
    }

    /// <summary>Adds one pact file.</summary>
    public PactVerifier WithPactFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Pact file '{full}' does not exist.", full);
        }
        _files.Add(full);
        return this;
    }

    /// <summary>Adds several pact files.</summary>
    public PactVerifier WithPactFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            WithPactFile(path);
        }
        return this;
    }

    /// <summary>Adds every pact in <paramref name="directory"/> whose provider is this verifier's provider.</summary>
    public PactVerifier WithPactDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Pact directory '{full}' does not exist.");
        }
        _directories.Add(full);
        return this;
    }

    /// <summary>
    /// Where the engine POSTs <c>{"state", "params", "action": "setup"|"teardown"}</c> before (and, with
    /// <paramref name="teardown"/>, after) each interaction that has provider states. Non-2xx fails the interaction.
    /// </summary>
    public PactVerifier WithProviderStateUrl(Uri url, bool teardown = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The provider state URL must be absolute, got '{url}'.", nameof(url));
        }
        _stateUrl = url;
        _stateTeardown = teardown;
        return this;
    }

    /// <summary>
    /// Verifies only interactions whose description matches <paramref name="description"/> (a regex) and/or that have a
    /// provider state matching <paramref name="state"/> (a regex); <paramref name="onlyWithoutState"/> selects interactions without states.
    /// </summary>
    public PactVerifier WithFilter(string? description = null, string? state = null, bool onlyWithoutState = false)
    {
        _descriptionFilter = string.IsNullOrEmpty(description) ? null : description;
        _stateFilter = string.IsNullOrEmpty(state) ? null : state;
        _onlyWithoutState = onlyWithoutState;
        return this;
    }

    /// <summary>Verifies only pacts of these consumers.</summary>
    public PactVerifier WithConsumers(params string[] consumers)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        _consumers.AddRange(consumers.Where(c => !string.IsNullOrWhiteSpace(c)));
        return this;
    }

    /// <summary>Adds a header to every request sent to the provider (e.g. Authorization). Values never appear in reports.</summary>
    public PactVerifier WithCustomHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Per-request timeout (default 5 s).</summary>
    public PactVerifier WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
        return this;
    }

    /// <summary>Runs the verification and throws <see cref="PactVerificationFailedException"/> unless every interaction passed.</summary>
    public async Task<PactVerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var report = await RunAsync(cancellationToken).ConfigureAwait(false);
        report.EnsureSuccess();
        return report;
    }

    /// <summary>Runs the verification and returns its report, passed or not.</summary>
    /// <remarks>
    /// The engine call blocks, so it runs on the thread pool — an in-process provider keeps serving meanwhile.
    /// Cancellation is honoured before the run starts; the engine itself cannot be interrupted (bound it with
    /// <see cref="WithRequestTimeout"/>).
    /// </remarks>
    public Task<PactVerificationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        if (_endpoint is null)
        {
            throw new PactException("No provider endpoint: call WithHttpEndpoint(uri) before verifying.");
        }
        if (_files.Count == 0 && _directories.Count == 0)
        {
            throw new PactException("No pacts to verify: call WithPactFile(path) or WithPactDirectory(dir).");
        }
        cancellationToken.ThrowIfCancellationRequested();
        PactEngine.EnsureInitialized();
        return Task.Run(Execute, cancellationToken);
    }

    private PactVerificationReport Execute()
    {
        var pointer = PactFfi.VerifierNew("ZoomEvents.Pact", typeof(PactVerifier).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        if (pointer == IntPtr.Zero)
        {
            throw NativeFailure.Create("The engine could not create a verifier");
        }
        using var handle = VerifierSafeHandle.FromPointer(pointer);
        Configure(handle);

        var exitCode = PactFfi.VerifierExecute(handle);
        var output = Redact(NativeStrings.CopyAndFree(PactFfi.VerifierOutput(handle, stripAnsi: 1))) ?? "";
        var json = Redact(NativeStrings.CopyAndFree(PactFfi.VerifierJson(handle)));
        var logs = Redact(NativeStrings.CopyAndFree(PactFfi.VerifierLogs(handle)));

        if (_config.Output is { } sink)
        {
            foreach (var line in output.Split('\n'))
            {
                sink(line.TrimEnd('\r'));
            }
            if (exitCode != 0 && _config.ForwardEngineLogsOnFailure && !string.IsNullOrWhiteSpace(logs))
            {
                sink("--- verifier engine log ---");
                foreach (var line in logs.Split('\n'))
                {
                    sink(line.TrimEnd('\r'));
                }
            }
        }
        return PactVerificationReport.Create(_providerName, exitCode, json, output);
    }

    // Custom headers usually carry credentials; the engine may echo request headers in its output or logs.
    private string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }
        foreach (var (_, value) in _headers)
        {
            if (value.Length >= 4)
            {
                text = text.Replace(value, "[redacted]", StringComparison.Ordinal);
            }
        }
        return text;
    }

    /// <summary>The <c>*.json</c> files of <paramref name="directory"/> whose <c>provider.name</c> is <paramref name="provider"/>.</summary>
    internal static IReadOnlyList<string> PactFilesOf(string directory, string provider)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
                if (document.RootElement.TryGetProperty("provider", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object &&
                    p.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String &&
                    name.GetString() == provider)
                {
                    files.Add(file);
                }
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw new PactException($"'{file}' in the pact directory is not valid JSON: {exception.Message}");
            }
        }
        return files;
    }

    private void Configure(VerifierSafeHandle handle)
    {
        var endpoint = _endpoint!;
        var path = endpoint.AbsolutePath == "/" ? null : endpoint.AbsolutePath.TrimEnd('/');
        PactFfi.VerifierSetProviderInfo(handle, _providerName, endpoint.Scheme, endpoint.Host, (ushort)endpoint.Port, path);
        foreach (var file in _files)
        {
            PactFfi.VerifierAddFileSource(handle, file);
        }
        foreach (var directory in _directories)
        {
            // The engine's own directory source parses every file it finds, so a README beside the pacts fails the
            // whole run; hand it only this provider's JSON pacts, in a stable order.
            foreach (var file in PactFilesOf(directory, _providerName))
            {
                PactFfi.VerifierAddFileSource(handle, file);
            }
        }
        if (_stateUrl is not null)
        {
            PactFfi.VerifierSetProviderState(handle, _stateUrl.AbsoluteUri, teardown: _stateTeardown ? (byte)1 : (byte)0, body: 1);
        }
        if (_descriptionFilter is not null || _stateFilter is not null || _onlyWithoutState)
        {
            PactFfi.VerifierSetFilterInfo(handle, _descriptionFilter, _stateFilter, _onlyWithoutState ? (byte)1 : (byte)0);
        }
        if (_consumers.Count > 0)
        {
            PactFfi.VerifierSetConsumerFilters(handle, [.. _consumers], checked((ushort)_consumers.Count));
        }
        foreach (var (name, value) in _headers)
        {
            PactFfi.VerifierAddCustomHeader(handle, name, value);
        }
        CheckOption(PactFfi.VerifierSetVerificationOptions(handle, 0, new CULong((nuint)_timeout.TotalMilliseconds)), "verification options");
        // Colour codes would end up as escape garbage in test output.
        CheckOption(PactFfi.VerifierSetColouredOutput(handle, 0), "coloured output");
        CheckOption(PactFfi.VerifierSetNoPactsIsError(handle, 1), "no-pacts-is-error");
    }

    private static void CheckOption(int rc, string what)
    {
        if (rc != 0)
        {
            throw NativeFailure.Create($"The engine refused the verifier's {what} (code {rc})");
        }
    }
}

/// <summary>Settings of a <see cref="PactVerifier"/>.</summary>
public sealed class PactVerifierConfig
{
    /// <summary>Receives the engine's verification report line by line (hook up <c>ITestOutputHelper.WriteLine</c>).</summary>
    public Action<string>? Output { get; init; }

    /// <summary>Also forward the engine's log when verification fails (default true).</summary>
    public bool ForwardEngineLogsOnFailure { get; init; } = true;
}
