using System.Reflection;
using System.Runtime.InteropServices;

namespace ZoomEvents.Pact.Native;

/// <summary>
/// Loads libpact_ffi once per process, checks it is the pinned version and initialises its logger.
/// Every public entry point of the toolkit calls <see cref="EnsureInitialized"/> before touching <see cref="PactFfi"/>.
/// </summary>
internal static partial class PactEngine
{
    /// <summary>Environment variable naming an explicit libpact_ffi.so to load (bring-your-own engine).</summary>
    internal const string LibraryPathVariable = "PACT_FFI_LIB";

    /// <summary>Environment variable selecting the engine's log level: off, error, warn, info (default), debug, trace.</summary>
    internal const string LogLevelVariable = "PACT_LOG_LEVEL";

    private const string LibraryFileName = "libpact_ffi.so";
    private static readonly Lazy<string> Initialization = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<string> ProbedPaths = [];

    static PactEngine()
    {
        // Must happen before the first call into PactFfi; the static constructor runs before EnsureInitialized's body.
        NativeLibrary.SetDllImportResolver(typeof(PactEngine).Assembly, Resolve);
    }

    /// <summary>The version the build pinned (from pact-native.targets via AssemblyMetadata).</summary>
    internal static string ExpectedVersion { get; } =
        typeof(PactEngine).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PactFfiExpectedVersion")?.Value
        ?? throw new InvalidOperationException("ZoomEvents.Pact was built without PactFfiExpectedVersion metadata.");

    /// <summary>Loads and checks the engine; returns its version. Throws <see cref="PactException"/> with the reason.</summary>
    internal static string EnsureInitialized() => Initialization.Value;

    private static string Initialize()
    {
        // The engine otherwise prints a tracking notice and tries to send usage metrics from test runs.
        SetNativeEnvironment("PACT_DO_NOT_TRACK", "true");

        string version;
        try
        {
            version = NativeStrings.CopyStatic(PactFfi.Version()) ?? "";
        }
        catch (DllNotFoundException ex)
        {
            string probed;
            lock (ProbedPaths)
            {
                probed = string.Join(", ", ProbedPaths);
            }

            throw new PactException(
                $"The native Pact engine ({LibraryFileName}) could not be loaded. Looked at: {probed}. " +
                "Build ZoomEvents.Pact once (it fetches the engine into .pact-native/), or set " + LibraryPathVariable + ".", ex);
        }

        if (version != ExpectedVersion)
        {
            throw new PactException(
                $"The native Pact engine reports version '{version}' but this toolkit was built and tested against '{ExpectedVersion}'. " +
                "Delete .pact-native/ and rebuild, or update the pin in contracts/pact-native/.");
        }

        // One logger per process; -1 means someone (another copy of the toolkit, a host) already installed one: keep it.
        var level = ParseLogLevel(Environment.GetEnvironmentVariable(LogLevelVariable));
        var rc = PactFfi.LogToBuffer(level);
        if (rc != 0 && rc != -1)
        {
            throw new PactException($"pactffi_log_to_buffer({level}) failed with code {rc}.");
        }
        return version;
    }

    private static int ParseLogLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "info" => 3,
        "off" or "none" => 0,
        "error" => 1,
        "warn" or "warning" => 2,
        "debug" => 4,
        "trace" => 5,
        _ => throw new PactException($"{LogLevelVariable}='{value}' is not one of off, error, warn, info, debug, trace."),
    };

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != PactFfi.Library)
        {
            return IntPtr.Zero;
        }
        foreach (var candidate in Candidates())
        {
            lock (ProbedPaths)
            {
                ProbedPaths.Add(candidate);
            }
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero; // fall back to the runtime's default probing (LD_LIBRARY_PATH and friends)
    }

    private static IEnumerable<string> Candidates()
    {
        var explicitPath = Environment.GetEnvironmentVariable(LibraryPathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            yield return Path.GetFullPath(explicitPath);
        }
        // The build copies the engine next to every assembly that references this toolkit.
        yield return Path.Combine(AppContext.BaseDirectory, LibraryFileName);
        var assemblyDirectory = Path.GetDirectoryName(typeof(PactEngine).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
        {
            yield return Path.Combine(assemblyDirectory, LibraryFileName);
        }
        // Running from a bin folder inside the repository: the fetched copy at the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var fetched = Path.Combine(dir.FullName, ".pact-native", LibraryFileName);
            if (File.Exists(fetched))
            {
                yield return fetched;
                yield break;
            }
        }
    }

    /// <summary>
    /// .NET keeps its own copy of the environment on Unix; Rust reads the C one, so set both.
    /// Called before the engine is loaded, while no native thread can be reading the environment.
    /// </summary>
    private static void SetNativeEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnv(name, value, 1);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
