using ZoomEvents.Generator.Tests.Infrastructure;
using static ZoomEvents.Generator.Tests.Infrastructure.GeneratedAssembly;

namespace ZoomEvents.Generator.Tests;

/// <summary>oneOf/anyOf: the discriminator decides when given, otherwise members do; nothing matching keeps the raw JSON.</summary>
public sealed class UnionTests
{
    private const string BookingProbe = """
        public static class BookingProbe
        {
            public static global::System.Threading.Tasks.Task RunAsync(global::System.Net.Http.HttpClient http)
            {
                var culture = global::System.Globalization.CultureInfo.CurrentCulture;
                // A comma-decimal culture must not leak into the header.
                global::System.Globalization.CultureInfo.CurrentCulture = new global::System.Globalization.CultureInfo("de-DE");
                try
                {
                    return new global::Test.Unions.BookingsClient(http).PutBookingAsync(
                        new[] { global::Test.Unions.Day.Sunday, global::Test.Unions.Day.Monday },
                        new global::Test.Unions.Booking { Note = null, Picks = null },
                        new[] { 0.5, 2.0 });
                }
                finally
                {
                    global::System.Globalization.CultureInfo.CurrentCulture = culture;
                }
            }
        }
        """;

    private static readonly Lazy<GeneratedAssembly> Generated = new(() => Build("unions.yaml", "Test.Unions", BookingProbe));

    [Fact]
    public void Discriminator_mapping_picks_the_variant()
    {
        var shape = Generated.Value.Read("Shape", """{"kind":"boxy","side":2,"radius":9}""");

        Assert.Null(shape.GetType().GetProperty("Circle")!.GetValue(shape));
        Assert.Equal(2.0, Get(Get(shape, "Square")!, "Side"));
        Assert.Equal("""{"kind":"boxy","side":2,"radius":9}""", Generated.Value.Write("Shape", shape));
    }

    [Theory]
    [InlineData("""{"method":"CompleteMultipartUpload","upload_id":"u1","parts":[1,2]}""", "FinishUpload")]
    [InlineData("""{"method":"CreateMultipartUpload","file_name":"a.mp4"}""", "StartUpload")]
    [InlineData("\"just text\"", "String")]
    public void Without_discriminator_the_best_matching_variant_wins(string json, string variant)
    {
        var step = Generated.Value.Read("UploadStep", json);

        Assert.NotNull(step.GetType().GetProperty(variant)!.GetValue(step));
        Assert.Null(step.GetType().GetProperty("Raw")!.GetValue(step));
        Assert.Equal(json, Generated.Value.Write("UploadStep", step));
    }

    [Theory]
    [InlineData("""{"something":"else"}""")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"kind":"triangle","sides":3}""")]
    public void Nothing_matching_keeps_the_raw_json(string json)
    {
        var type = json.Contains("kind") ? "Shape" : "UploadStep";

        var value = Generated.Value.Read(type, json);

        Assert.NotNull(value.GetType().GetProperty("Raw")!.GetValue(value));
        Assert.Equal(json, Generated.Value.Write(type, value));
    }

    [Fact]
    public void A_list_with_a_text_alternative_listed_first_is_always_sent_as_text()
    {
        var schedule = Activator.CreateInstance(Generated.Value.Type("Schedule"))!;
        schedule.GetType().GetProperty("DaysTextFirst")!.SetValue(schedule, new[] { 1, 3 });

        Assert.Equal("""{"days_text_first":"1,3"}""", Generated.Value.Write("Schedule", schedule));
        var readAsArray = Generated.Value.Read("Schedule", """{"days_text_first":[1,3]}""");
        Assert.Equal(new[] { 1, 3 }, (IEnumerable<int>)Get(readAsArray, "DaysTextFirst")!);
        Assert.Equal("""{"days_text_first":"1,3"}""", Generated.Value.Write("Schedule", readAsArray));
    }

    [Fact]
    public void A_string_alternative_of_a_string_list_is_one_item_not_text_to_split()
    {
        var schedule = Generated.Value.Read("Schedule", """{"labels":"a,b"}""");

        Assert.Equal(new[] { "a,b" }, (IEnumerable<string>)Get(schedule, "Labels")!);
        Assert.Equal("""{"labels":["a,b"]}""", Generated.Value.Write("Schedule", schedule));
    }

    [Fact]
    public void An_array_paired_with_a_different_scalar_stays_a_union()
    {
        var property = Generated.Value.Type("Schedule").GetProperty("Slots")!;
        var schedule = Generated.Value.Read("Schedule", """{"slots":true}""");

        Assert.Equal("ScheduleSlots", property.PropertyType.Name);
        Assert.Equal(true, Get(Get(schedule, "Slots")!, "Boolean"));
    }

    [Fact]
    public async Task List_path_and_header_values_are_wire_values_and_required_nulls_are_sent()
    {
        var zoom = new FakeZoom().On("PUT", "/v2/bookings/", System.Net.HttpStatusCode.NoContent);

        await (Task)Generated.Value.Assembly.GetType("BookingProbe")!.GetMethod("RunAsync")!.Invoke(null, new object[] { zoom.Client() })!;

        var request = Assert.Single(zoom.Requests);
        // Integer enums go out as their numbers (not "Sunday,Monday"), whatever the culture.
        Assert.Equal("/v2/bookings/1%2C2", request.PathAndQuery);
        Assert.Equal("0.5,2", Assert.Single(zoom.Headers)["X-Weights"]);
        Assert.Equal("""{"note":null,"picks":null}""", request.Body);
    }

    [Fact]
    public void Null_flagged_on_a_oneOf_alternative_makes_the_property_nullable()
    {
        var booking = Generated.Value.Read("Booking", """{"note":"x","picks":null}""");

        Assert.Null(booking.GetType().GetProperty("Picks")!.GetValue(booking));
        Assert.Equal("""{"note":"x","picks":null}""", Generated.Value.Write("Booking", booking));
    }

    [Fact]
    public void Nullable_list_items_and_map_values_keep_their_nulls()
    {
        const string json = """{"scores":[1,null,3],"limits":{"a":null,"b":2.5}}""";

        var schedule = Generated.Value.Read("Schedule", json);

        Assert.Equal(new int?[] { 1, null, 3 }, (IEnumerable<int?>)Get(schedule, "Scores")!);
        Assert.Null(((IReadOnlyDictionary<string, double?>)Get(schedule, "Limits")!)["a"]);
        Assert.Equal(json, Generated.Value.Write("Schedule", schedule));
    }

    [Fact]
    public void A_list_or_item_component_is_a_list_alias_not_a_union_type()
    {
        var schedule = Generated.Value.Read("Schedule", """{"rest_days":1}""");

        Assert.Null(Generated.Value.Assembly.GetType("Test.Unions.DaysOrDay"));
        Assert.Equal(new[] { "Sunday" }, ((System.Collections.IEnumerable)Get(schedule, "RestDays")!).Cast<object>().Select(d => d.ToString()));
        Assert.Equal("""{"rest_days":[1]}""", Generated.Value.Write("Schedule", schedule));
    }
}
