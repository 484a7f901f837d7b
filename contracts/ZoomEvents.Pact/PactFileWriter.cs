using System.Collections.Concurrent;
using System.Diagnostics;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>
/// Merges a verified pact into its file. Merging is read-modify-write, so concurrent writers of one consumer/provider
/// pair would lose interactions: writes to one file are serialised in-process by a semaphore and across processes by an
/// exclusive lock on a lock file in the temp folder named after the pact file's path (flock on Linux, via FileShare.None).
/// </summary>
internal static class PactFileWriter
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcessLocks = new(StringComparer.Ordinal);

    internal static string FileName(string consumer, string provider) => $"{consumer}-{provider}.json";

    internal static Task WriteAsync(PactSafeHandle pact, string directory, string filePath, TimeSpan lockTimeout)
    {
        Directory.CreateDirectory(directory);
        return WithExclusiveAccessAsync(filePath, lockTimeout, () =>
        {
            // overwrite: false = merge with what earlier tests (or the same test in another process) wrote.
            var rc = PactFfi.WritePactFile(pact.Value, directory, overwrite: false);
            if (rc != 0)
            {
                throw NativeFailure.Create($"Writing the pact file {filePath} failed: {DescribeWriteError(rc)}");
            }
        });
    }

    /// <summary>Writes only this handle's interactions (overwrite) into a private folder and returns the parsed file.</summary>
    internal static System.Text.Json.Nodes.JsonObject Snapshot(PactSafeHandle pact, string consumer, string provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "zoomevents-pact-snapshots", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var rc = PactFfi.WritePactFile(pact.Value, directory, overwrite: true);
            if (rc != 0)
            {
                throw NativeFailure.Create($"Writing a snapshot of {consumer} -> {provider} failed: {DescribeWriteError(rc)}");
            }
            return Pinning.PactFiles.Read(Path.Combine(directory, FileName(consumer, provider)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="action"/> while holding both the in-process and the cross-process lock for <paramref name="filePath"/>.</summary>
    internal static async Task WithExclusiveAccessAsync(string filePath, TimeSpan lockTimeout, Action action)
    {
        var gate = InProcessLocks.GetOrAdd(Path.GetFullPath(filePath), static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(lockTimeout).ConfigureAwait(false))
        {
            throw new PactException($"Timed out after {lockTimeout} waiting for another test writing {filePath}.");
        }
        try
        {
            using var fileLock = await AcquireFileLockAsync(LockPathFor(Path.GetFullPath(filePath)), lockTimeout).ConfigureAwait(false);
            action();
        }
        finally
        {
            gate.Release();
        }
    }

    private static string DescribeWriteError(int rc) => rc switch
    {
        1 => "the engine panicked",
        2 => "the file could not be written or merged (an existing file with conflicting content?)",
        3 => "the pact handle was not found",
        _ => $"code {rc}",
    };

    // Kept out of the pact folder, which is often committed; the name is derived from the full path so every process agrees.
    internal static string LockPathFor(string filePath)
    {
        var dir = Path.Combine(Path.GetTempPath(), "zoomevents-pact-locks");
        Directory.CreateDirectory(dir);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(filePath)));
        return Path.Combine(dir, hash[..32] + ".lock");
    }

    private static async Task<FileStream> AcquireFileLockAsync(string lockPath, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(delay).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
            }
            catch (IOException ex)
            {
                throw new PactException($"Timed out after {timeout} waiting for the lock {lockPath} held by another process.", ex);
            }
        }
    }
}
