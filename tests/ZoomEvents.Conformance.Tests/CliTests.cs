using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using ZoomEvents.Conformance.Cli;

namespace ZoomEvents.Conformance.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("conformance-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Check_of_a_conforming_pact_directory_exits_0()
    {
        File.Copy(Fixture.PathOf("good-pact.v4.json"), Path.Combine(_temp, "client-api.json"));

        var (code, stdout, stderr) = Run("check", Fixture.PathOf("mini-zoom-events.yaml"), _temp);

        Assert.Equal(ConformanceCli.Ok, code);
        Assert.Contains("client-api.json (ZoomEventsClient -> ZoomEventsApi): 7 HTTP interactions, 0 errors, 0 warnings", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Check_with_errors_exits_1_and_json_names_code_and_pointer()
    {
        var pact = Fixture.GoodPactJson();
        pact["interactions"]![2]!["response"]!["status"] = 418; // createEvent documents 201 and 400 only
        File.WriteAllText(Path.Combine(_temp, "bad.json"), pact.ToJsonString());

        var (code, stdout, _) = Run("check", Fixture.PathOf("mini-zoom-events.yaml"), Path.Combine(_temp, "bad.json"), "--format", "json");

        Assert.Equal(ConformanceCli.Findings, code);
        var finding = JsonNode.Parse(stdout)!["files"]![0]!["findings"]![0]!;
        Assert.Equal("response.status.unknown", finding["code"]!.GetValue<string>());
        Assert.Equal("/response/status", finding["pointer"]!.GetValue<string>());
        Assert.Equal("error", finding["severity"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Check_of_a_folder_without_pacts_reports_it_and_exits_1(string format)
    {
        File.WriteAllText(Path.Combine(_temp, "notes.txt"), "not a pact");

        var (code, stdout, stderr) = Run("check", Fixture.PathOf("mini-zoom-events.yaml"), _temp, "--format", format);

        Assert.Equal(ConformanceCli.Findings, code);
        Assert.Contains("pact-broker.no-pacts-found", stdout);
        Assert.Contains(_temp, stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Diff_exits_1_on_breaking_changes_and_0_otherwise()
    {
        var oldPath = Fixture.PathOf("mini-zoom-events.yaml");
        var text = File.ReadAllText(oldPath);
        var additive = Path.Combine(_temp, "additive.yaml");
        File.WriteAllText(additive, text.Replace("enum: [host, attendee]", "enum: [host, attendee, panelist]", StringComparison.Ordinal));
        var breaking = Path.Combine(_temp, "breaking.yaml");
        File.WriteAllText(breaking, text.Replace("enum: [host, attendee]", "enum: [host]", StringComparison.Ordinal));

        var (additiveCode, additiveOut, _) = Run("diff", oldPath, additive);
        var (breakingCode, breakingOut, _) = Run("diff", oldPath, breaking, "--format", "json");

        Assert.Equal(ConformanceCli.Ok, additiveCode);
        Assert.Contains("non-breaking enum-value-added at /components/schemas/HubRoleType/enum", additiveOut);
        Assert.Equal(ConformanceCli.Findings, breakingCode);
        Assert.Equal(1, JsonDocument.Parse(breakingOut).RootElement.GetProperty("breaking").GetInt32());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check", "only-one-argument.yaml")]
    [InlineData("diff", "a.yaml", "b.yaml", "--format", "xml")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (code, _, stderr) = Run(args);

        Assert.Equal(ConformanceCli.UsageOrLoadError, code);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public void Unreadable_inputs_exit_2_naming_the_file()
    {
        var brokenSpec = Path.Combine(_temp, "broken.yaml");
        File.WriteAllText(brokenSpec, "openapi: [unclosed");
        var missingPacts = Path.Combine(_temp, "missing");

        var (specCode, _, specError) = Run("check", brokenSpec, _temp);
        var (pactCode, _, pactError) = Run("check", Fixture.PathOf("mini-zoom-events.yaml"), missingPacts);

        Assert.Equal((ConformanceCli.UsageOrLoadError, ConformanceCli.UsageOrLoadError), (specCode, pactCode));
        Assert.Contains("broken.yaml", specError);
        Assert.Contains("missing", pactError);
    }

    [Theory]
    [InlineData("version-not-a-string.json", """{"metadata":{"pactSpecification":{"version":4}},"interactions":[]}""")]
    [InlineData("method-not-a-string.json", """{"interactions":[{"request":{"method":1,"path":"/v2/zoom_events/hubs"},"response":{"status":200}}]}""")]
    [InlineData("bad-base64.json", """{"interactions":[{"request":{"method":"GET","path":"/v2/zoom_events/hubs"},"response":{"status":200,"body":{"content":"%%%","encoded":"base64","contentType":"application/json"}}}]}""")]
    [InlineData("repeated-member.json", """{"interactions":[{"request":{"method":"GET","method":"POST","path":"/v2/zoom_events/hubs"},"response":{"status":200}}]}""")]
    public void A_pact_of_the_wrong_shape_exits_2_naming_the_file_not_1_as_if_it_were_findings(string name, string json)
    {
        var file = Path.Combine(_temp, name);
        File.WriteAllText(file, json);

        var (code, _, stderr) = Run("check", Fixture.PathOf("mini-zoom-events.yaml"), file);

        Assert.Equal(ConformanceCli.UsageOrLoadError, code);
        Assert.Contains($"Pact '{file}' is not shaped like a pact", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ConformanceCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
