namespace ZoomEvents.Spec.Tests;

public sealed class LintTests
{
    [Fact]
    public void Contract_follows_the_house_rules()
    {
        var problems = SpecLinter.Lint(SpecJson.Contract);

        Assert.True(problems.Count == 0, "Lint problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Contract_has_at_least_45_operations_with_unique_operation_ids()
    {
        var ids = SpecLinter.Operations(SpecJson.Contract).Select(o => o.OperationId).ToList();

        Assert.True(ids.Count >= 45, $"Only {ids.Count} operations are described.");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Paginated_lists_are_the_ones_zoom_paginates()
    {
        var paginated = SpecLinter.Operations(SpecJson.Contract)
            .Where(o => o.Parameters.Any(p => p["name"]?.GetValue<string>() == "page_size"))
            .Select(o => o.OperationId ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[] { "getEvents", "getRegistrants", "getSessionAttendeeList", "getTickets", "gethubhostList" },
            paginated);
    }

    [Fact]
    public void Lint_reports_each_kind_of_violation_in_the_fixture()
    {
        var problems = SpecLinter.Lint(SpecJson.LoadFile(SpecFiles.FixturePath("lint-violations.fixture.yaml")));
        var text = string.Join("\n", problems);

        string[] expected =
        [
            "GET /things/{thingId} (no operationId) has no operationId.",
            "GET /things/{thingId} (no operationId) has no tag.",
            "GET /things/{thingId} (no operationId) does not declare the path parameter 'thingId'.",
            "POST /things (createThing) declares no 2xx response.",
            "POST /things (createThing) does not document the 404 response.",
            "POST /things (createThing): the 400 response body is not the ZoomError schema.",
            "POST /things (createThing): the 429 response does not document the X-RateLimit-Type header.",
            "GET /things (listThings) paginates but does not declare the page_size query parameter.",
            "GET /things (listThings) uses tag 'Gadgets' that the document does not declare.",
        ];
        foreach (var line in expected)
        {
            Assert.True(problems.Contains(line), $"Expected lint to report:\n  {line}\nbut it reported:\n{text}");
        }
    }
}
