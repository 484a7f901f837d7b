using System.Globalization;
using System.Text;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>One mock server lifetime: start, run the test, collect the verdict, always clean up.</summary>
internal sealed class MockServerRun
{
    private MockServerRun(bool matched, string? mismatchJson, IReadOnlyList<PactMismatch> mismatches, string? logs, Exception? testFailure)
    {
        Matched = matched;
        MismatchJson = mismatchJson;
        Mismatches = mismatches;
        Logs = logs;
        TestFailure = testFailure;
    }

    internal bool Matched { get; }
    internal string? MismatchJson { get; }
    internal IReadOnlyList<PactMismatch> Mismatches { get; }
    internal string? Logs { get; }
    internal Exception? TestFailure { get; }

    internal static async Task<MockServerRun> ExecuteAsync(
        PactSafeHandle pact, string consumer, string provider, PactConfig config, int interactionCount, Func<IConsumerContext, Task> test)
    {
        var port = PactFfi.CreateMockServer(pact.Value, "127.0.0.1", 0, "http", null);
        if (port <= 0)
        {
            throw NativeFailure.Create($"The mock server for {consumer} -> {provider} did not start ({DescribeStartError(port)})");
        }
        using var server = new MockServerSafeHandle(port);
        var uri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

        Exception? failure = null;
        try
        {
            await test(new ConsumerContext(uri)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Kept, not rethrown yet: a client exception is usually the mock's 500 for a mismatch, which explains it better.
            failure = ex;
        }

        // Both strings belong to the server: copy them now, before the using block cleans it up.
        var matched = PactFfi.MockServerMatched(port);
        var rawMismatchJson = NativeStrings.CopyBorrowed(PactFfi.MockServerMismatches(port));
        var rawLogs = NativeStrings.CopyBorrowed(PactFfi.MockServerLogs(port));
        // Redacted before anything keeps them: both end up in exceptions or the test output.
        var mismatchJson = SensitiveHeaders.RedactMismatchJson(rawMismatchJson, out var credentialValues);
        var logs = SensitiveHeaders.RedactText(rawLogs, credentialValues);
        var mismatches = PactMismatch.ParseAll(mismatchJson);
        if (!matched && mismatches.Count == 0)
        {
            mismatches = [new PactMismatch("unknown", "", "", [], $"The mock server reported that not all of the {interactionCount} interaction(s) matched, without details.")];
        }
        return new MockServerRun(matched, mismatchJson, mismatches, logs, failure);
    }

    internal string RenderForOutput()
    {
        var text = new StringBuilder();
        text.AppendLine(PactMismatch.Render(Mismatches));
        if (!string.IsNullOrWhiteSpace(Logs))
        {
            text.AppendLine("--- mock server log ---").AppendLine(Logs.TrimEnd());
        }
        return text.ToString().TrimEnd();
    }

    private static string DescribeStartError(int code) => code switch
    {
        -1 => "invalid pact handle",
        -2 => "transport configuration is not valid JSON",
        -3 => "the server could not start",
        -4 => "the engine panicked",
        -5 => "the address is not valid",
        -6 => "TLS configuration failed",
        _ => $"code {code}",
    };
}
