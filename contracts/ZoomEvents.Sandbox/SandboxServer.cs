using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZoomEvents.Sandbox.Api;
using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox;

/// <summary>
/// An in-process Zoom Events sandbox on a loopback port. Start one per test (or per fixture), point a client at
/// <see cref="ApiBaseUrl"/> and <see cref="TokenUrl"/> with <see cref="AccountId"/>, <see cref="ClientId"/> and
/// <see cref="ClientSecret"/>, and dispose it afterwards.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxOptions _options;

    private SandboxServer(WebApplication app, Uri baseUri, SandboxOptions options)
    {
        _app = app;
        _options = options;
        BaseUri = baseUri;
    }

    /// <summary>Root of the server, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>API root the generated clients use as <c>HttpClient.BaseAddress</c>: <c>…/v2/</c>.</summary>
    public Uri ApiBaseUrl => new(BaseUri, "v2/");

    /// <summary>The Server-to-Server OAuth endpoint: <c>…/oauth/token</c>.</summary>
    public Uri TokenUrl => new(BaseUri, "oauth/token");

    /// <summary>The Pact provider-state endpoint: <c>…/_pact/provider-states</c>.</summary>
    public Uri ProviderStatesUrl => new(BaseUri, "_pact/provider-states");

    /// <summary>Account id the token endpoint accepts.</summary>
    public string AccountId => _options.AccountId;

    /// <summary>Client id the token endpoint accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>Client secret the token endpoint accepts.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>What fault injection has done since the last reset or <see cref="ConfigureFaults"/>.</summary>
    public SandboxFaultCounters FaultCounters => _app.Services.GetRequiredService<FaultInjector>().Counters;

    /// <summary>Starts a sandbox; with no options it listens on a free port of 127.0.0.1 with the default credentials.</summary>
    /// <param name="options">Credentials, faults, clock and address; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException"><see cref="SandboxOptions.Urls"/> is not a loopback http address, or another setting is out of range (see <see cref="SandboxOptions.Validate"/>).</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        if (!Uri.TryCreate(options.Urls, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || !url.IsLoopback)
        {
            throw new ArgumentException($"The in-process sandbox listens on loopback http only; got '{options.Urls}'.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = SandboxApp.Build(builder, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), options);
    }

    /// <summary>Forgets every event, link and ticket (the seeded hub stays) and restores the start-up fault settings.</summary>
    public void Reset() => _app.Services.GetRequiredService<SandboxControl>().Reset();

    /// <summary>Replaces the fault settings and zeroes <see cref="FaultCounters"/>.</summary>
    /// <param name="faults">The new settings (copied).</param>
    public void ConfigureFaults(SandboxFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _app.Services.GetRequiredService<FaultInjector>().Configure(faults);
    }

    /// <summary>Stops the server and releases the port.</summary>
    /// <returns>A task that completes when the server is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Describes the server without its secret.</summary>
    /// <returns>The base address and account.</returns>
    public override string ToString() => $"SandboxServer {BaseUri} (account {AccountId}, client {ClientId})";
}
