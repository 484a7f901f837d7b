using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Pacts;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Tests;

/// <summary>
/// Response bodies are checked with undeclared properties treated as errors; these cases prove that closing objects does not
/// make composed schemas (properties next to oneOf, allOf members that hold a oneOf) reject the bodies they describe.
/// </summary>
public sealed class ResponseCompositionTests(ITestOutputHelper output)
{
    // Pet: a shared "kind" next to a oneOf of dog/cat specifics. Tagged: allOf of Pet plus a "name".
    private const string Components = """
        Pet:
          type: object
          properties:
            kind: {type: string}
          oneOf:
            - type: object
              properties:
                bark: {type: boolean}
            - type: object
              properties:
                meow: {type: boolean}
        Tagged:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - type: object
              properties:
                name: {type: string}
        Loose:
          type: object
          additionalProperties: true
          properties:
            id: {type: string}
        LooseMember:
          allOf:
            - $ref: '#/components/schemas/Loose'
            - type: object
              properties:
                name: {type: string}
        NullableBranch:
          type: object
          properties:
            kind: {type: string}
          oneOf:
            - $ref: '#/components/schemas/Bark'
            - type: object
              nullable: true
              properties:
                meow: {type: boolean}
        Bark:
          type: object
          properties:
            bark: {type: boolean}
        Either:
          anyOf:
            - $ref: '#/components/schemas/Bark'
            - type: object
              properties:
                meow: {type: boolean}
        KindOfEither:
          type: object
          properties:
            kind: {type: string}
          anyOf:
            - $ref: '#/components/schemas/Bark'
            - type: object
              properties:
                meow: {type: boolean}
        """;

    public static TheoryData<string, string> ValidBodies => new()
    {
        { "Pet", """{"kind":"dog","bark":true}""" },
        { "Pet", """{"kind":"cat","meow":false}""" },
        { "Pet", """{"bark":true}""" },
        { "Tagged", """{"kind":"dog","bark":true,"name":"Rex"}""" },
        { "Tagged", """{"name":"Tom","meow":true}""" },
        { "NullableBranch", """{"kind":"dog","bark":true}""" },
        { "Loose", """{"id":"p1","colour":"brown"}""" },
        { "LooseMember", """{"id":"p1","name":"Rex","colour":"brown"}""" },
        { "Either", """{"bark":true}""" },
        { "Either", """{"bark":true,"meow":false}""" },
        { "KindOfEither", """{"kind":"both","bark":true,"meow":false}""" },
    };

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "Pet", """{"kind":"dog","bark":true,"colour":"brown"}""", "/response/body/colour" },
        { "Pet", """{"kind":"dog","bark":"loud"}""", "/response/body/bark" },
        { "Pet", """{"kind":7,"meow":true}""", "/response/body/kind" },
        { "Pet", """{"kind":7}""", "/response/body/kind" },
        { "Tagged", """{"kind":7,"name":"Rex"}""", "/response/body/kind" },
        { "Tagged", """{"kind":"dog","bark":true,"name":"Rex","colour":"brown"}""", "/response/body/colour" },
        { "Tagged", """{"name":1,"meow":true}""", "/response/body/name" },
        { "Loose", """{"id":7,"colour":"brown"}""", "/response/body/id" },
        { "Bark", """{"bark":true,"colour":"brown"}""", "/response/body/colour" },
        { "Either", """{"bark":true,"meow":false,"colour":"brown"}""", "/response/body/colour" },
        { "Either", """{"bark":true,"meow":"no"}""", "/response/body/meow" },
        { "KindOfEither", """{"kind":7,"bark":true,"meow":false}""", "/response/body/kind" },
    };

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void A_body_that_fits_one_composed_variant_passes(string schema, string body)
    {
        var result = Check(schema, body);
        output.WriteLine(result.ToString());

        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void A_body_that_breaks_its_variant_is_reported_at_the_field(string schema, string body, string pointer)
    {
        var result = Check(schema, body);
        output.WriteLine(result.ToString());

        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.ResponseBodyIncompatible, pointer), (finding.Code, finding.Pointer));
    }

    /// <param name="servers">YAML list items for <c>servers</c>, indented by 4; the default is one server with base path /v2.</param>
    internal static OpenApiSpec SpecReturning(string schemaName, string components = Components, string servers = "    - url: https://api.example.com/v2") =>
        OpenApiSpec.Parse($$"""
            openapi: 3.0.3
            info: {title: composition fixture, version: '1'}
            servers:
            {{servers}}
            paths:
              /pets/{petId}:
                get:
                  operationId: getPet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: string} }
                  responses:
                    '200':
                      description: one pet
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/{{schemaName}}'
            components:
              schemas:
            {{Indent(components, 4)}}
            """, "composition-fixture.yaml");

    internal static PactFile PactWith(string path, string body)
    {
        var json = new JsonObject
        {
            ["consumer"] = new JsonObject { ["name"] = "c" },
            ["provider"] = new JsonObject { ["name"] = "p" },
            ["interactions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Synchronous/HTTP",
                ["description"] = "a request for one pet",
                ["request"] = new JsonObject { ["method"] = "GET", ["path"] = path },
                ["response"] = new JsonObject
                {
                    ["status"] = 200,
                    ["headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") },
                    ["body"] = new JsonObject { ["content"] = JsonNode.Parse(body), ["contentType"] = "application/json", ["encoded"] = false },
                },
            }),
            ["metadata"] = new JsonObject { ["pactSpecification"] = new JsonObject { ["version"] = "4.0" } },
        };
        return PactFile.Parse(json.ToJsonString(), "composition-pact.json");
    }

    private static PactFileResult Check(string schema, string body) =>
        new PactChecker(SpecReturning(schema)).Check(PactWith("/v2/pets/p1", body));

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));
}
