using Xunit;

namespace ZoomEvents.Pact.Tests;

/// <summary>The scrub applied to text that is not the engine's structured mismatch JSON (mock server logs, unparsable reports).</summary>
public sealed class SensitiveHeadersTests
{
    [Theory]
    [InlineData("headers: {\"authorization\": [\"Bearer abc.def-ghi\"]}", "headers: {\"authorization\": [\"[redacted]\"]}")]
    [InlineData("Authorization: Basic dXNlcjpwYXNz", "Authorization: [redacted]")]
    [InlineData("  cookie: session=xyz; theme=dark", "  cookie: [redacted]")]
    [InlineData("sent Bearer tok-123 to /ping", "sent Bearer [redacted] to /ping")]
    [InlineData("{\"X-Api-Key\":\"k-42\",\"Accept\":\"application/json\"}", "{\"X-Api-Key\":\"[redacted]\",\"Accept\":\"application/json\"}")]
    public void Credential_shapes_are_scrubbed_and_the_rest_is_kept(string text, string expected) =>
        Assert.Equal(expected, SensitiveHeaders.RedactText(text, []));

    [Fact]
    public void Values_named_in_the_mismatch_json_are_removed_from_free_text_too()
    {
        const string json = """[{"type":"request-not-found","request":{"headers":{"x-api-key":["opaque-value-7"]}}}]""";

        var redacted = SensitiveHeaders.RedactMismatchJson(json, out var values);

        Assert.Equal("log line with [redacted] inside", SensitiveHeaders.RedactText("log line with opaque-value-7 inside", values));
        Assert.DoesNotContain("opaque-value-7", redacted);
    }

    [Fact]
    public void A_report_that_is_not_json_is_still_scrubbed()
    {
        Assert.Equal("broken { Authorization: Bearer [redacted]", SensitiveHeaders.RedactMismatchJson("broken { Authorization: Bearer s3cr3t-token", out _));
    }
}
