using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Pacts;

namespace ZoomEvents.Conformance.Tests;

/// <summary>
/// The base path a pact path must carry comes from the spec's servers: templated URLs are read with their variables'
/// defaults, a path under any server is served, and when no base path can be worked out none is required.
/// </summary>
public sealed class ServerBasePathTests(ITestOutputHelper output)
{
    private const string RegionServer = """
          - url: 'https://{region}.example.com/v2'
            variables:
              region: {default: us, enum: [us, eu]}
        """;

    private const string VersionServer = """
          - url: 'https://api.example.com/{version}'
            variables:
              version: {default: v2}
        """;

    private const string TwoServers = """
          - url: https://api.example.com/v2
          - url: https://beta.example.com/beta
        """;

    // No variable named "version" is declared, so the path of this URL cannot be worked out.
    private const string UnresolvedServer = """
          - url: 'https://api.example.com/{version}'
        """;

    public static TheoryData<string, string, string?> Cases => new()
    {
        { RegionServer, "/v2/pets/p1", null },
        { RegionServer, "/pets/p1", "/request/path" },
        { VersionServer, "/v2/pets/p1", null },
        { VersionServer, "/v3/pets/p1", "/request/path" },
        { TwoServers, "/v2/pets/p1", null },
        { TwoServers, "/beta/pets/p1", null },
        { TwoServers, "/gamma/pets/p1", "/request/path" },
        { UnresolvedServer, "/pets/p1", null },
        { UnresolvedServer, "/nowhere/p1", "/request/path" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pact_path_is_matched_under_the_servers_base_paths(string servers, string path, string? expectedPointer)
    {
        var spec = ResponseCompositionTests.SpecReturning("Bark", ComponentsWithBark, servers: servers);
        var result = new PactChecker(spec).Check(ResponseCompositionTests.PactWith(path, """{"bark":true}"""));
        output.WriteLine(result.ToString());

        if (expectedPointer is null)
        {
            Assert.Empty(result.Findings);
        }
        else
        {
            var finding = Assert.Single(result.Findings);
            Assert.Equal((RuleCodes.RequestPathOrMethodUnknown, expectedPointer), (finding.Code, finding.Pointer));
        }
    }

    [Fact]
    public void Base_paths_list_every_server_with_variables_replaced()
    {
        Assert.Equal(["/v2"], ResponseCompositionTests.SpecReturning("Bark", ComponentsWithBark, servers: RegionServer).BasePaths!);
        Assert.Equal(["/v2", "/beta"], ResponseCompositionTests.SpecReturning("Bark", ComponentsWithBark, servers: TwoServers).BasePaths!);
        Assert.Null(ResponseCompositionTests.SpecReturning("Bark", ComponentsWithBark, servers: UnresolvedServer).BasePaths);
    }

    private const string ComponentsWithBark = """
        Bark:
          type: object
          properties:
            bark: {type: boolean}
        """;
}
