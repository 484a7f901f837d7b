using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>Naming and scoping rules on the Zoom-shaped fixture (all schemas inline, per-operation enums).</summary>
public sealed class VendorShapeTests
{
    private static readonly Lazy<Dictionary<string, string>> Sources = new(() =>
    {
        var (result, _, _) = GeneratorHarness.Run(InputFile.Spec("/specs/vendor-shaped.yaml", GeneratorHarness.ReadSpec("vendor-shaped.yaml")));
        return result.GeneratedSources.ToDictionary(s => s.HintName.Replace("VendorShaped.", "").Replace(".g.cs", ""), s => s.SourceText.ToString());
    });

    [Fact]
    public void Same_enum_values_in_two_operations_share_one_type()
    {
        Assert.Contains("global::Test.Api.EventAttendanceType? AttendanceType", Sources.Value["Event"]);
        Assert.Contains("required global::Test.Api.EventAttendanceType AttendanceType", Sources.Value["CreateEventRequest"]);
    }

    [Fact]
    public void Same_property_name_with_other_values_gets_its_own_scoped_type()
    {
        var report = Sources.Value["EventAttendanceReportResponseAttendeesItemAttendanceType"];

        Assert.Contains("SelfCheckInVirtual { get; } = new(\"self check-in (virtual)\")", report);
        Assert.Contains("RegistrationJoin { get; } = new(\"Registration & Join\")", report);
        Assert.Contains("new(\"in_person\")", report);
        Assert.DoesNotContain("new(\"in-person\")", report);
    }

    [Fact]
    public void Shape_drift_yields_separate_types_and_array_enums_describe_items()
    {
        Assert.Contains("IReadOnlyList<global::System.Int32>? WeeklyDays", Sources.Value["CreateEventRequestRecurrence"]);
        Assert.Contains("global::System.String? WeeklyDays", Sources.Value["EventRecurrence"]);
        Assert.Contains("IReadOnlyList<global::Test.Api.EventCategoriesItem>? Categories", Sources.Value["Event"]);
        Assert.Contains("EducationFamily { get; } = new(\"Education & Family\")", Sources.Value["EventCategoriesItem"]);
    }

    [Fact]
    public void Trailing_dot_operation_ids_and_number_counts_are_handled()
    {
        Assert.Contains("InitiateAndCompleteAEventMultipartUploadAsync(", Sources.Value["FilesClient"]);
        Assert.Contains("global::System.Int32? TotalRecords", Sources.Value["GetEventsResponse"]);
        Assert.Contains("GetEventsAllAsync(", Sources.Value["EventsClient"]);
        // "required" naming an absent property is ignored rather than inventing a member.
        Assert.DoesNotContain("NotAProperty", Sources.Value["CreateEventRequest"]);
    }

    [Fact]
    public void Integer_enum_names_come_from_the_description_when_complete()
    {
        Assert.Contains("Daily = 1,", Sources.Value["EventRecurrenceType"]);
        Assert.Contains("Value1 = 1,", Sources.Value["CreateEventRequestRecurrenceType"]);
        Assert.Contains("ValueMinus1 = -1,", Sources.Value["CreateEventRequestRecurrenceMonthlyWeek"]);
    }

    [Fact]
    public void Optional_response_bodies_return_null_when_empty()
    {
        var (result, _, _) = GeneratorHarness.Run(InputFile.Spec("/specs/unions.yaml", GeneratorHarness.ReadSpec("unions.yaml")));
        var client = result.GeneratedSources.Single(s => s.HintName == "Unions.ShapesClient.g.cs").SourceText.ToString();

        Assert.Contains("Task<global::Test.Api.UploadStep?> AddShapeAsync(", client);
        Assert.Contains("if (__bytes.Length == 0) return default;", client);
    }
}
