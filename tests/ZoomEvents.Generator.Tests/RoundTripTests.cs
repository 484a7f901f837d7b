using System.Text.Json;
using ZoomEvents.Generator.Tests.Infrastructure;
using static ZoomEvents.Generator.Tests.Infrastructure.GeneratedAssembly;

namespace ZoomEvents.Generator.Tests;

/// <summary>
/// Runs the converters generated from the contract: the tutorial's payloads survive read → write byte for byte,
/// unknown enum values and extra members are kept, and lenient reading copes with Zoom's loose number types.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly GeneratedAssembly Generated = Contract;

    public static TheoryData<string> Payloads => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Payloads"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_round_trips_byte_for_byte(string file)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", file));
        var typeName = file.Substring(0, file.IndexOf('.'));

        var model = Generated.Read(typeName, json);

        Assert.IsType(Generated.Type(typeName), model);
        Assert.Equal(json, Generated.Write(typeName, model));
    }

    [Fact]
    public void Unknown_string_enum_values_are_kept_and_flagged()
    {
        var link = Generated.Read("AccessLink", """{"type":"vanity-link","recurring_registration_option":"multiple_sessions"}""");

        var type = Get(link, "Type")!;
        Assert.Equal("vanity-link", type.ToString());
        Assert.False((bool)Get(type, "IsKnown")!);
        var option = Get(link, "RecurringRegistrationOption")!;
        Assert.True((bool)Get(option, "IsKnown")!);
        Assert.Equal(Generated.Type("RecurringRegistrationOption").GetProperty("MultipleSessions")!.GetValue(null), option);
    }

    [Fact]
    public void Integer_enums_use_varnames_and_keep_unknown_numbers()
    {
        var recurrence = Generated.Read("Recurrence", """{"type":3,"monthly_week":-1,"monthly_week_day":4}""");

        Assert.Equal("Monthly", Get(recurrence, "Type")!.ToString());
        Assert.Equal("Last", Get(recurrence, "MonthlyWeek")!.ToString());
        Assert.Equal("Wednesday", Get(recurrence, "MonthlyWeekDay")!.ToString());
        var unknown = Generated.Read("Recurrence", """{"type":9}""");
        Assert.Equal(9, Convert.ToInt32(Get(unknown, "Type"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("""{"type":9}""", Generated.Write("Recurrence", unknown));
    }

    [Fact]
    public void Weekly_days_are_one_list_read_from_the_array_the_comma_separated_or_the_single_shape()
    {
        var asArray = Generated.Read("Recurrence", """{"weekly_days":[2,6]}""");
        var asText = Generated.Read("Recurrence", """{"weekly_days":"2, 6"}""");
        var asOne = Generated.Read("Recurrence", """{"weekly_days":4}""");
        var padded = Generated.Read("Recurrence", """{"weekly_days":"02,+6"}""");

        Assert.Equal(new[] { "Monday", "Friday" }, Items(Get(asArray, "WeeklyDays")));
        Assert.Equal(new[] { "Monday", "Friday" }, Items(Get(asText, "WeeklyDays")));
        Assert.Equal(new[] { "Wednesday" }, Items(Get(asOne, "WeeklyDays")));
        Assert.Equal(new[] { "Monday", "Friday" }, Items(Get(padded, "WeeklyDays")));
    }

    [Fact]
    public void Weekly_days_are_sent_in_the_contracts_first_shape_whatever_shape_they_were_read_in()
    {
        // Zoom reports "2,6" on a read but create takes [2,6]; a recurrence copied from a read event into a create
        // request must go out as the array the contract lists first.
        Assert.Equal("""{"weekly_days":[2,6]}""", Generated.Write("Recurrence", Generated.Read("Recurrence", """{"weekly_days":"2,6"}""")));
        Assert.Equal("""{"weekly_days":[4]}""", Generated.Write("Recurrence", Generated.Read("Recurrence", """{"weekly_days":4}""")));
        Assert.Equal("""{"weekly_days":[2,6]}""", Generated.Write("Recurrence", Generated.Read("Recurrence", """{"weekly_days":[2,6]}""")));
    }

    [Fact]
    public void Monthly_days_read_a_single_number_as_a_one_item_list()
    {
        var single = Generated.Read("Recurrence", """{"monthly_days":15}""");

        Assert.Equal(new[] { "15" }, Items(Get(single, "MonthlyDays")));
        Assert.Equal("""{"monthly_days":[15]}""", Generated.Write("Recurrence", single));
    }

    [Fact]
    public void Weekly_days_keep_an_unknown_number_from_the_comma_separated_shape()
    {
        var model = Generated.Read("Recurrence", """{"weekly_days":"2,9"}""");

        Assert.Equal("""{"weekly_days":[2,9]}""", Generated.Write("Recurrence", model));
    }

    private static string[] Items(object? list)
        => ((System.Collections.IEnumerable)list!).Cast<object>().Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture)!).ToArray();

    [Fact]
    public void Date_times_are_written_as_whole_second_utc()
    {
        var entry = Generated.Read("CalendarEntry", """{"start_time":"2025-12-03T10:00:00-05:00","end_time":"2025-12-03T15:15:00.000Z"}""");

        Assert.Equal("""{"start_time":"2025-12-03T15:00:00Z","end_time":"2025-12-03T15:15:00Z"}""", Generated.Write("CalendarEntry", entry));
    }

    [Fact]
    public void Counts_typed_as_number_and_integers_sent_as_1_0_or_strings_are_read_tolerantly()
    {
        var recurrence = Generated.Read("Recurrence", """{"repeat_interval":1.0,"duration":"15"}""");
        var list = Generated.Read("SessionList", """{"total_records":2.0,"sessions":[]}""");

        Assert.Equal("""{"repeat_interval":1,"duration":15}""", Generated.Write("Recurrence", recurrence));
        Assert.Equal(2, Get(list, "TotalRecords"));
    }

    [Fact]
    public void Unknown_members_are_kept_in_AdditionalProperties_and_written_back()
    {
        const string json = """{"event_id":"e1","brand_new_field":{"nested":[1,2]}}""";

        var result = Generated.Read("EventActionResult", json);

        var extra = (IReadOnlyDictionary<string, JsonElement>)Get(result, "AdditionalProperties")!;
        Assert.Equal("""{"nested":[1,2]}""", extra["brand_new_field"].GetRawText());
        Assert.Equal(json, Generated.Write("EventActionResult", result));
    }

    [Fact]
    public void Missing_required_request_member_fails_with_a_message_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => Generated.Read("CreateTicketsRequest", """{"registration_source":"x"}"""));

        Assert.Contains("'tickets'", error.Message);
    }
}
