using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Http;

namespace ZoomEvents.Runtime;

/// <summary>
/// Registers a (generated) Zoom Events client on <see cref="IHttpClientFactory"/> with the full handler
/// pipeline: token prefetch (outside the retries, see <see cref="ZoomTokenPrefetchHandler"/>) → resilience (so every
/// retry re-runs auth) → authentication (token + one 401 retry) →
/// request logging and tracing (per attempt) → body buffering (so reading the body is part of the attempt) → the
/// primary handler.
/// </summary>
public static class ZoomEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (constructed with an <see cref="HttpClient"/> whose
    /// <c>BaseAddress</c> is <see cref="ZoomEventsOptions.BaseUrl"/>). Settings come, in order, from the
    /// <c>ZoomEvents</c> section of the registered <see cref="IConfiguration"/> (if any) and then
    /// <paramref name="configure"/>. Invalid settings fail on first use with a message naming each setting.
    /// </summary>
    /// <returns>The client builder, for further handlers or a custom primary handler.</returns>
    public static IHttpClientBuilder AddZoomEventsClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, Action<ZoomEventsOptions>? configure = null)
        where TClient : class
        => AddCore<TClient>(services, configurationSection: null, configure);

    /// <summary>
    /// Same as <see cref="AddZoomEventsClient{TClient}(IServiceCollection, Action{ZoomEventsOptions}?)"/>, but
    /// binds settings from <paramref name="configurationSection"/> (e.g. <c>configuration.GetSection("ZoomEvents")</c>)
    /// before applying <paramref name="configure"/>.
    /// </summary>
    public static IHttpClientBuilder AddZoomEventsClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, IConfiguration configurationSection, Action<ZoomEventsOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configurationSection);
        return AddCore<TClient>(services, configurationSection, configure);
    }

    /// <summary>The options/HttpClient name used for <typeparamref name="TClient"/>.</summary>
    public static string GetClientName<TClient>() => typeof(TClient).FullName ?? typeof(TClient).Name;

    /// <summary>
    /// Copies recognised keys from <paramref name="section"/> into <paramref name="options"/>. Hand-written instead
    /// of the reflection binder so the runtime stays trim/AOT-safe; unparseable values fail with the key name.
    /// </summary>
    public static void BindZoomEventsOptions(IConfiguration section, ZoomEventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        options.AccountId = section[nameof(options.AccountId)] ?? options.AccountId;
        options.ClientId = section[nameof(options.ClientId)] ?? options.ClientId;
        options.ClientSecret = section[nameof(options.ClientSecret)] ?? options.ClientSecret;
        options.AccessToken = section[nameof(options.AccessToken)] ?? options.AccessToken;
        options.BaseUrl = section[nameof(options.BaseUrl)] ?? options.BaseUrl;
        options.TokenUrl = section[nameof(options.TokenUrl)] ?? options.TokenUrl;
        options.UseTokenApiUrl = ReadBool(section, nameof(options.UseTokenApiUrl)) ?? options.UseTokenApiUrl;
        options.TokenRefreshMargin = ReadTimeSpan(section, nameof(options.TokenRefreshMargin)) ?? options.TokenRefreshMargin;
        options.MaxRetryAttempts = ReadInteger<int>(section, nameof(options.MaxRetryAttempts)) ?? options.MaxRetryAttempts;
        options.RetryBaseDelay = ReadTimeSpan(section, nameof(options.RetryBaseDelay)) ?? options.RetryBaseDelay;
        options.MaxRetryAfter = ReadTimeSpan(section, nameof(options.MaxRetryAfter)) ?? options.MaxRetryAfter;
        options.AttemptTimeout = ReadTimeSpan(section, nameof(options.AttemptTimeout)) ?? options.AttemptTimeout;
        options.TotalTimeout = ReadTimeSpan(section, nameof(options.TotalTimeout)) ?? options.TotalTimeout;
        options.MaxResponseBufferSize = ReadInteger<long>(section, nameof(options.MaxResponseBufferSize)) ?? options.MaxResponseBufferSize;
    }

    private static IHttpClientBuilder AddCore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        IServiceCollection services, IConfiguration? configurationSection, Action<ZoomEventsOptions>? configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = GetClientName<TClient>();
        var tokenClientName = name + ".Token";

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        var optionsBuilder = services.AddOptions<ZoomEventsOptions>(name);
        if (configurationSection is not null)
        {
            optionsBuilder.Configure(o => BindZoomEventsOptions(configurationSection, o));
        }
        else
        {
            // Pick up the conventional section when the host has configuration; plain service collections have none.
            optionsBuilder.Configure<IServiceProvider>((o, sp) =>
            {
                if (sp.GetService<IConfiguration>() is { } root)
                {
                    BindZoomEventsOptions(root.GetSection(ZoomEventsOptions.SectionName), o);
                }
            });
        }

        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZoomEventsOptions>, ZoomEventsOptionsValidator>());

        services.TryAddKeyedSingleton<IZoomAccessTokenProvider>(name, (sp, _) =>
        {
            var options = GetOptions(sp, name);
            if (options.UsesStaticToken)
            {
                return new StaticAccessTokenProvider(options.AccessToken!);
            }

            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new ServerToServerTokenProvider(
                () => factory.CreateClient(tokenClientName), options, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ServerToServerTokenProvider>>());
        });

        // The token endpoint gets its own client: no auth handler (it uses Basic auth), but the same logging and
        // retries; asking for a token twice is harmless, so every method counts as idempotent there.
        var tokenClient = services.AddHttpClient(tokenClientName, static c => c.Timeout = Timeout.InfiniteTimeSpan);
        tokenClient.RemoveAllLoggers();
        tokenClient.AddResilienceHandler("ZoomEventsToken", (pipeline, context) =>
            pipeline.AddZoomStrategies(GetOptions(context.ServiceProvider, name),
                context.ServiceProvider.GetRequiredService<TimeProvider>(), treatAllMethodsAsIdempotent: true, HttpLogger(context.ServiceProvider)));
        tokenClient.AddHttpMessageHandler(sp => CreateLoggingHandler(sp));
        tokenClient.AddHttpMessageHandler(sp => new ZoomResponseBufferingHandler(GetOptions(sp, name).MaxResponseBufferSize));

        var builder = services.AddHttpClient<TClient>(name, (sp, http) =>
        {
            http.BaseAddress = GetOptions(sp, name).GetBaseAddress();
            // Timeouts belong to the resilience pipeline; HttpClient's own 100 s limit would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // The factory's default loggers print full URLs (query strings included); ours redacts them.
        builder.RemoveAllLoggers();
        // Before the resilience handler: the token is fetched under the token client's own retries and timeouts.
        // It also starts the call's TotalTimeout, so the token wait counts against it.
        builder.AddHttpMessageHandler(sp => new ZoomTokenPrefetchHandler(
            sp.GetRequiredKeyedService<IZoomAccessTokenProvider>(name), GetOptions(sp, name).TotalTimeout, sp.GetRequiredService<TimeProvider>()));
        builder.AddResilienceHandler("ZoomEvents", (pipeline, context) =>
            pipeline.AddZoomStrategies(GetOptions(context.ServiceProvider, name), context.ServiceProvider.GetRequiredService<TimeProvider>(),
                logger: HttpLogger(context.ServiceProvider)));
        builder.AddHttpMessageHandler(sp =>
        {
            var options = GetOptions(sp, name);
            return new ZoomAuthenticationHandler(
                sp.GetRequiredKeyedService<IZoomAccessTokenProvider>(name),
                options.UseTokenApiUrl ? options.GetBaseAddress() : null);
        });
        builder.AddHttpMessageHandler(sp => CreateLoggingHandler(sp));
        // Innermost, so the body is read inside each attempt (its timeout and retries) and inside the logged duration.
        builder.AddHttpMessageHandler(sp => new ZoomResponseBufferingHandler(GetOptions(sp, name).MaxResponseBufferSize));
        return builder;
    }

    private static ZoomEventsOptions GetOptions(IServiceProvider sp, string name) =>
        sp.GetRequiredService<IOptionsMonitor<ZoomEventsOptions>>().Get(name);

    private static ZoomLoggingHandler CreateLoggingHandler(IServiceProvider sp) => new(HttpLogger(sp), sp.GetRequiredService<TimeProvider>());

    private static ILogger HttpLogger(IServiceProvider sp) =>
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(ZoomEventsDiagnostics.LoggerCategory);

    private static bool? ReadBool(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"ZoomEvents:{key} must be true or false, got '{text}'.");
    }

    private static T? ReadInteger<T>(IConfiguration section, string key)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return T.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"ZoomEvents:{key} must be an integer, got '{text}'.");
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"ZoomEvents:{key} must be a time span like 00:00:30, got '{text}'.");
    }

    // Turns the generic Validate() failure into one message per broken setting.
    private sealed class ZoomEventsOptionsValidator : IValidateOptions<ZoomEventsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ZoomEventsOptions options)
        {
            var errors = options.GetValidationErrors();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
