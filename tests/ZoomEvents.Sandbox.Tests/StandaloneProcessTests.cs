using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>Runs the sandbox as its own process, the way the README's standalone command does.</summary>
public sealed partial class StandaloneProcessTests : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    [Fact]
    public async Task Standalone_sandbox_binds_configuration_prints_its_addresses_and_hides_a_configured_secret()
    {
        var root = await StartAsync("--urls", "http://127.0.0.1:0", "--Sandbox:ClientSecret=standalone-secret", "--Sandbox:Faults:RateLimitEveryNth=2");

        string banner;
        lock (_output)
        {
            banner = _output.ToString();
        }

        Assert.Contains($"Token URL    : {root}/oauth/token", banner);
        Assert.Contains("Client secret: (configured; not shown)", banner);
        Assert.DoesNotContain("standalone-secret", banner);

        using var http = new HttpClient { BaseAddress = new Uri(root + "/") };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "oauth/token?grant_type=account_credentials&account_id=sandbox");
        tokenRequest.Headers.Authorization = new("Basic", Convert.ToBase64String("sandbox:standalone-secret"u8.ToArray()));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v2/zoom_events/hubs?role_type=host")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("v2/zoom_events/hubs?role_type=host")).StatusCode);
        lock (_output)
        {
            Assert.DoesNotContain(token, _output.ToString());
        }
    }

    private async Task<string> StartAsync(params string[] args)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "ZoomEvents.Sandbox.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data, listening);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data, listening);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var finished = await Task.WhenAny(listening.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != listening.Task)
        {
            lock (_output)
            {
                Assert.Fail("The standalone sandbox did not report its address. Output:\n" + _output);
            }
        }

        return await listening.Task;
    }

    private void Collect(string? line, TaskCompletionSource<string> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"sandbox listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
