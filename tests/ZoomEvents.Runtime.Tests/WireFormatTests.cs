using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomEvents.Runtime.Serialization;

namespace ZoomEvents.Runtime.Tests;

public sealed class WireFormatTests
{
    // A hand-written converter shaped like the generated ones, to exercise ZoomWire/ZoomJsonContent end to end.
    private sealed record Sample(DateTimeOffset Start, int Count, IReadOnlyList<int> WeeklyDays);

    private sealed class SampleConverter : JsonConverter<Sample>
    {
        public override Sample Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            DateTimeOffset start = default;
            var count = 0;
            IReadOnlyList<int> days = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "start_time": start = ZoomWire.ReadDateTime(ref reader); break;
                    case "count": count = ZoomWire.ReadInt32(ref reader); break;
                    case "weekly_days": days = ZoomWire.ReadInt32ListOrCsv(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new Sample(start, count, days);
        }

        public override void Write(Utf8JsonWriter writer, Sample value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("start_time");
            ZoomWire.WriteDateTime(writer, value.Start);
            writer.WriteNumber("count", value.Count);
            writer.WritePropertyName("weekly_days");
            ZoomWire.WriteInt32Csv(writer, value.WeeklyDays);
            writer.WriteEndObject();
        }
    }

    [Fact]
    public async Task Writes_utc_whole_seconds_with_Z_and_reads_back()
    {
        // 15:30:45.678 at +02:00 is 13:30:45 UTC; milliseconds are dropped because Zoom rejects them.
        var local = new DateTimeOffset(2025, 12, 12, 15, 30, 45, 678, TimeSpan.FromHours(2));
        using var content = ZoomJsonContent.Create(new Sample(local, 3, [2, 6]), new SampleConverter());
        var json = await content.ReadAsStringAsync();
        Assert.Equal("""{"start_time":"2025-12-12T13:30:45Z","count":3,"weekly_days":"2,6"}""", json);
        Assert.Equal("application/json", content.Headers.ContentType?.MediaType);

        using var response = new HttpResponseMessage { Content = new StringContent(json) };
        var back = await ZoomJsonContent.ReadAsync(response, new SampleConverter(), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2025, 12, 12, 13, 30, 45, TimeSpan.Zero), back.Start);
        Assert.Equal(TimeSpan.Zero, back.Start.Offset);
        Assert.Equal([2, 6], back.WeeklyDays);
    }

    [Theory]
    [InlineData("\"2025-12-12T13:00:00Z\"", "2025-12-12T13:00:00Z")]
    [InlineData("\"2025-12-12T13:00:00\"", "2025-12-12T13:00:00Z")] // no offset: Zoom means UTC
    [InlineData("\"2025-12-12T08:00:00-05:00\"", "2025-12-12T13:00:00Z")]
    [InlineData("\"2025-12-12T13:00:00.250Z\"", "2025-12-12T13:00:00Z")]
    public void Reads_date_times_in_every_form_Zoom_sends(string json, string expectedUtc)
    {
        var reader = Reader(json);
        var value = ZoomWire.ReadDateTime(ref reader);
        Assert.Equal(expectedUtc, ZoomWire.FormatDateTime(value));
    }

    [Fact]
    public void Rejects_a_non_date_with_the_value_in_the_message()
    {
        var ex = Assert.Throws<JsonException>(() =>
        {
            var reader = Reader("\"next tuesday\"");
            ZoomWire.ReadDateTime(ref reader);
        });
        Assert.Contains("next tuesday", ex.Message);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1.0", 1)]
    [InlineData("\"42\"", 42)]
    [InlineData("\"7.0\"", 7)]
    [InlineData("3e2", 300)]
    [InlineData("-5", -5)]
    public void Reads_ints_tolerantly(string json, int expected)
    {
        var reader = Reader(json);
        Assert.Equal(expected, ZoomWire.ReadInt32(ref reader));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("4294967296")] // does not fit Int32
    public void Rejects_ints_that_are_not_whole_or_in_range(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = Reader(json);
            ZoomWire.ReadInt32(ref reader);
        });
    }

    [Fact]
    public void Reads_int64_meeting_ids_from_numbers_and_strings()
    {
        var a = Reader("98765432109.0");
        var b = Reader("\"98765432109\"");
        Assert.Equal(98765432109L, ZoomWire.ReadInt64(ref a));
        Assert.Equal(98765432109L, ZoomWire.ReadInt64(ref b));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"0\"", false)]
    public void Reads_booleans_tolerantly(string json, bool expected)
    {
        var reader = Reader(json);
        Assert.Equal(expected, ZoomWire.ReadBoolean(ref reader));
    }

    [Fact]
    public void Reads_doubles_from_numbers_and_strings()
    {
        var a = Reader("2.5");
        var b = Reader("\"2.5\"");
        Assert.Equal(2.5, ZoomWire.ReadDouble(ref a));
        Assert.Equal(2.5, ZoomWire.ReadDouble(ref b));
    }

    [Theory]
    [InlineData("[2,6]", new[] { 2, 6 })]
    [InlineData("[\"1\", 7.0]", new[] { 1, 7 })]
    [InlineData("\"2,6\"", new[] { 2, 6 })]
    [InlineData("\" 1 , 3,5 \"", new[] { 1, 3, 5 })]
    [InlineData("\"\"", new int[0])]
    [InlineData("4", new[] { 4 })]
    public void Reads_weekly_days_as_array_or_csv(string json, int[] expected)
    {
        var reader = Reader(json);
        Assert.Equal(expected, ZoomWire.ReadInt32ListOrCsv(ref reader));
    }

    [Fact]
    public void Rejects_csv_with_a_non_number_and_names_it()
    {
        var ex = Assert.Throws<JsonException>(() =>
        {
            var reader = Reader("\"2,x\"");
            ZoomWire.ReadInt32ListOrCsv(ref reader);
        });
        Assert.Contains("'x'", ex.Message);
    }

    [Fact]
    public async Task Empty_or_trailing_bodies_fail_with_a_clear_message()
    {
        using var empty = new HttpResponseMessage { Content = new StringContent(string.Empty) };
        var ex = await Assert.ThrowsAsync<JsonException>(() => ZoomJsonContent.ReadAsync(empty, new SampleConverter(), CancellationToken.None));
        Assert.Contains("empty", ex.Message);

        Assert.ThrowsAny<JsonException>(() => ZoomJsonContent.Deserialize(
            Encoding.UTF8.GetBytes("""{"count":1} {"count":2}"""), new SampleConverter()));
    }

    [Fact]
    public void Base_options_are_read_only_and_never_fall_back_to_reflection()
    {
        Assert.True(ZoomJsonContent.Options.IsReadOnly);
        // An empty resolver: serializing a type without a generated converter must fail, not reflect.
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Serialize(new Uri("https://example.com"), ZoomJsonContent.Options));
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
