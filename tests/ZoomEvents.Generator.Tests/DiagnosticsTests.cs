using Microsoft.CodeAnalysis;
using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>Broken inputs produce a stable diagnostic id located at the right line of the file, never an exception.</summary>
public sealed class DiagnosticsTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n";

    /// <summary>(case, file name, spec text, expected id, expected 1-based line).</summary>
    public static TheoryData<string, string, string, string, int> BrokenSpecs => new()
    {
        { "yaml syntax", "a.yaml", Header + "paths:\n  /a:\n    get: [unclosed\n", "ZEG001", 8 },
        { "json syntax", "a.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {,}\n}", "ZEG001", 4 },
        { "empty file", "a.yaml", "", "ZEG001", 1 },
        { "unsupported version", "a.yaml", "# leading comment\nopenapi: 9.0.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n", "ZEG004", 2 },
        { "missing title", "a.yaml", "openapi: 3.0.3\ninfo:\n  version: '1'\npaths: {}\n", "ZEG002", 2 },
        {
            "unresolved $ref", "a.yaml",
            Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        id:\n          type: string\n        b:\n          $ref: '#/components/schemas/Missing'\n",
            "ZEG003", 13
        },
        {
            "unresolved $ref in JSON", "a.json",
            "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"A\": {\"type\": \"object\", \"properties\": {\n      \"b\": {\"$ref\": \"#/components/schemas/Missing\"}}}}}\n}",
            "ZEG003", 7
        },
        {
            "cookie parameter", "a.yaml",
            Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: session\n          in: cookie\n          schema:\n            type: string\n      responses:\n        '204':\n          description: ok\n",
            "ZEG005", 10
        },
        {
            "missing operationId", "a.yaml",
            Header + "paths:\n  /things/{id}:\n    delete:\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '204':\n          description: ok\n",
            "ZEG011", 7
        },
        {
            "schema takes a generated name", "a.yaml",
            Header + "paths: {}\ncomponents:\n  schemas:\n    ZoomEventsClient:\n      type: object\n      properties:\n        id:\n          type: string\n",
            "ZEG006", 8
        },
        {
            "not keyword", "a.yaml",
            Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        id:\n          type: string\n          not:\n            enum: [x]\n",
            "ZEG005", 13
        },
        {
            "allOf including itself", "a.yaml",
            Header + "paths: {}\ncomponents:\n  schemas:\n    Loop:\n      allOf:\n        - $ref: '#/components/schemas/Loop'\n        - type: object\n          properties:\n            id:\n              type: string\n",
            "ZEG005", 10
        },
    };

    [Theory]
    [MemberData(nameof(BrokenSpecs))]
    public void Broken_spec_reports_id_at_line(string name, string file, string spec, string id, int line)
    {
        var (result, _, _) = GeneratorHarness.Run(InputFile.Spec("/specs/" + file, spec));

        Assert.Null(result.Exception);
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, $"{name}: expected {id}, got: {GeneratorHarness.Describe(result.Diagnostics)}");
        var span = diagnostic!.Location.GetLineSpan();
        Assert.Equal("/specs/" + file, span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1, $"{name}: expected line {line}, got {span.StartLinePosition.Line + 1}: {diagnostic}");
    }

    [Theory]
    [InlineData("Namespace", "1.Bad")]
    [InlineData("ClientName", "class")]
    [InlineData("Visibility", "protected")]
    public void Bad_configuration_is_reported_and_nothing_is_generated(string setting, string value)
    {
        var spec = InputFile.Spec("/specs/a.yaml", Header + "paths: {}\n",
            ns: setting == "Namespace" ? value : "Ok.Api",
            clientName: setting == "ClientName" ? value : null,
            visibility: setting == "Visibility" ? value : null);

        var (result, _, _) = GeneratorHarness.Run(spec);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "ZEG007");
        Assert.Contains(setting, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Broken_template_is_reported_at_its_line_and_the_built_in_is_used()
    {
        var spec = InputFile.Spec("/specs/pets.yaml", GeneratorHarness.ReadSpec("petstore.yaml"));
        var template = InputFile.Template("/templates/model.sbn-cs", "model", "// fine\n// fine\n{{ for p in properties }}\n{{ if }}\n");

        var (result, output, _) = GeneratorHarness.Run(spec, template);

        var errors = result.Diagnostics.Where(d => d.Id == "ZEG008").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, d => Assert.Equal("/templates/model.sbn-cs", d.Location.GetLineSpan().Path));
        Assert.Equal(4, errors[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void A_template_error_reported_with_a_reversed_span_is_a_diagnostic_not_a_generator_crash()
    {
        // Scriban places this error at a later start line with an end of (0,0).
        var (result, _, _) = GeneratorHarness.Run(
            InputFile.Spec("/specs/petstore.yaml", GeneratorHarness.ReadSpec("petstore.yaml")),
            InputFile.Template("/templates/model.sbn-cs", "model", "{{\n\n\n func }}"));

        Assert.Null(result.Exception);
        Assert.Contains(result.Diagnostics, d => d.Id == "ZEG008" && d.Location.GetLineSpan().Path == "/templates/model.sbn-cs");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void Specs_generating_the_same_types_are_reported()
    {
        var spec = GeneratorHarness.ReadSpec("petstore.yaml");

        var (result, _, _) = GeneratorHarness.Run(InputFile.Spec("/a/api.yaml", spec, "One.Api"), InputFile.Spec("/b/other.yaml", spec, "One.Api"));

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "ZEG013");
        Assert.Equal("/b/other.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Specs_sharing_a_namespace_are_reported_even_with_different_client_names()
    {
        // Model types are named after schemas, so two clients in one namespace would both emit Pet and fail with CS0102.
        var spec = GeneratorHarness.ReadSpec("petstore.yaml");

        var (result, _, _) = GeneratorHarness.Run(
            InputFile.Spec("/a/pets.yaml", spec, "Same.Ns", clientName: "PetsClient"),
            InputFile.Spec("/b/other.yaml", spec, "Same.Ns", clientName: "OtherClient"));

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "ZEG013");
        Assert.Contains("namespace Same.Ns", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Specs_with_the_same_file_name_get_distinct_hint_names()
    {
        var spec = GeneratorHarness.ReadSpec("petstore.yaml");

        var (result, output, _) = GeneratorHarness.Run(InputFile.Spec("/a/api.yaml", spec, "One.Api"), InputFile.Spec("/b/api.yaml", spec, "Two.Api"));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Api.Pet.g.cs");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Api2.Pet.g.cs");
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Unknown_template_kind_is_reported()
    {
        var (result, _, _) = GeneratorHarness.Run(
            InputFile.Spec("/specs/pets.yaml", GeneratorHarness.ReadSpec("petstore.yaml")),
            InputFile.Template("/templates/x.sbn-cs", "modle", "{{ name }}"));

        Assert.Contains(result.Diagnostics, d => d.Id == "ZEG012" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("modle"));
    }

    [Fact]
    public void Every_descriptor_id_is_unique_and_listed_in_release_tracking()
    {
        var descriptors = ZoomEvents.Generator.Diagnostics.DiagnosticDescriptors.All.ToList();
        var unshipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "generator", "ZoomEvents.Generator", "AnalyzerReleases.Unshipped.md"));

        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.Matches("^ZEG\\d{3}$", d.Id);
            Assert.Contains(d.Id + " | " + d.Category + " | " + d.DefaultSeverity, unshipped);
        }
    }
}
