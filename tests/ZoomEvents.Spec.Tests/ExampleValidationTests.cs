namespace ZoomEvents.Spec.Tests;

public sealed class ExampleValidationTests
{
    [Fact]
    public void Contract_has_examples_in_every_place_the_tutorial_flow_needs_them()
    {
        var locations = ExampleValidator.Collect(SpecJson.Contract).Select(c => c.Location).ToList();

        // Guards against the walker silently finding nothing, which would make the validation test pass vacuously.
        Assert.True(locations.Count >= 60, $"Only {locations.Count} examples were found:\n" + string.Join("\n", locations));
        Assert.Contains("paths[\"/zoom_events/events\"].post.requestBody.content[\"application/json\"].example", locations);
        Assert.Contains(
            "paths[\"/zoom_events/events/{eventId}/access_links\"].post.requestBody.content[\"application/json\"].examples.singleSession.value",
            locations);
        Assert.Contains("components.parameters.PageSize.example", locations);
        Assert.Contains("components.headers.RetryAfter.example", locations);
        Assert.Contains(locations, l => l.StartsWith("components.schemas.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_example_in_the_contract_matches_its_schema()
    {
        var failures = ExampleValidator.Validate(SpecJson.Contract);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}

public sealed class BrokenExampleFixtureTests
{
    private static IReadOnlyList<string> Failures() =>
        ExampleValidator.Validate(SpecJson.LoadFile(SpecFiles.FixturePath("broken-example.fixture.yaml")));

    [Fact]
    public void Only_the_broken_example_is_reported()
    {
        var failures = Failures();

        var failure = Assert.Single(failures);
        Assert.StartsWith(
            "paths[\"/zoom_events/events\"].post.requestBody.content[\"application/json\"].example: example does not match its schema",
            failure,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar[0].end_time", "end_time", "PropertyRequired")]
    [InlineData("calendar[1].start_time", "start_time", "DateTimeExpected")]
    [InlineData("recurrence.monthly_week", "monthly_week", "NotInEnumeration")]
    [InlineData("recurrence.monthly_week_dya", "monthly_week_dya", "NoAdditionalPropertiesAllowed")]
    public void Failure_names_the_json_path_and_the_field(string jsonPath, string field, string kind)
    {
        var failure = Assert.Single(Failures());

        Assert.Contains($"at #/{jsonPath}: field '{field}': {kind}", failure, StringComparison.Ordinal);
    }
}
