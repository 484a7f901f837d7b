using Xunit;
using ZoomEvents.Conformance.Cli;

namespace ZoomEvents.Conformance.Tests;

/// <summary>Exit codes are CI's only signal: a crash must never look like a contract finding.</summary>
public sealed class CliGuardTests
{
    [Fact]
    public void An_unexpected_exception_is_an_internal_error_with_one_line()
    {
        var stderr = new StringWriter();

        var code = ConformanceCli.Guard(stderr, () => throw new InvalidOperationException("boom"));

        Assert.Equal(ConformanceCli.InternalError, code);
        Assert.NotEqual(ConformanceCli.Findings, code);
        Assert.Equal("internal error (InvalidOperationException): boom", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void The_action_result_passes_through()
    {
        Assert.Equal(ConformanceCli.Findings, ConformanceCli.Guard(TextWriter.Null, () => ConformanceCli.Findings));
    }
}
