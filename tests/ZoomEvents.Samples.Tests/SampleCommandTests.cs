using RecurringEvents;
using Xunit;

namespace ZoomEvents.Samples.Tests;

/// <summary>The sample's command line: URLs are checked before anything runs, and bad combinations are refused.</summary>
public sealed class SampleCommandTests
{
    [Theory]
    [InlineData("--base-url", "not a url")]
    [InlineData("--base-url", "ftp://example.com/v2/")]
    [InlineData("--token-url", "/relative/token")]
    [InlineData("--first-start", "2026-01-07T08:00:00-05:00")]
    [InlineData("--first-start", "next wednesday")]
    public void A_bad_url_is_a_parse_error_naming_it(string option, string value)
    {
        var parse = SampleCommand.Create(TextWriter.Null, TextWriter.Null).Parse([option, value]);

        var error = Assert.Single(parse.Errors);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void First_start_takes_a_utc_instant()
    {
        var parse = SampleCommand.Create(TextWriter.Null, TextWriter.Null).Parse(["--first-start", "2026-01-07T13:00:00Z"]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void Faults_cannot_be_injected_into_a_real_account()
    {
        var parse = SampleCommand.Create(TextWriter.Null, TextWriter.Null).Parse(["--faults", "--base-url", "https://api.zoom.us/v2/"]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--faults"));
    }

    [Fact]
    public async Task A_token_url_without_a_base_url_is_a_usage_error_like_the_others()
    {
        var (exit, stdout, stderr) = await RunAsync("--token-url", "http://127.0.0.1:5080/oauth/token");
        var (conflictExit, _, _) = await RunAsync("--faults", "--base-url", "https://api.zoom.us/v2/");

        Assert.Equal(SampleCommand.UsageExitCode, exit);
        Assert.Equal(conflictExit, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: --token-url needs --base-url", stderr);
        Assert.Contains(SampleCommand.Create(TextWriter.Null, TextWriter.Null).Parse(["--token-url", "https://zoom.us/oauth/token"]).Errors,
            e => e.Message.Contains("--base-url"));
        Assert.Empty(SampleCommand.Create(TextWriter.Null, TextWriter.Null)
            .Parse(["--base-url", "http://127.0.0.1:5080/v2", "--token-url", "http://127.0.0.1:5080/oauth/token"]).Errors);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SampleCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("https://api.zoom.us/v2", "https://api.zoom.us/v2/")]
    [InlineData("https://api.zoom.us/v2/", "https://api.zoom.us/v2/")]
    [InlineData("http://127.0.0.1:5080/v2", "http://127.0.0.1:5080/v2/")]
    public void The_api_root_is_treated_as_a_directory(string given, string expected)
    {
        Assert.Equal(new Uri(expected), SampleCommand.AsDirectory(new Uri(given)));
    }
}
