using ZoomEvents.Generator.Tests.Infrastructure;
using static ZoomEvents.Generator.Tests.Infrastructure.GeneratedAssembly;

namespace ZoomEvents.Generator.Tests;

/// <summary>oneOf/anyOf: the discriminator decides when given, otherwise members do; nothing matching keeps the raw JSON.</summary>
public sealed class UnionTests
{
    private static readonly Lazy<GeneratedAssembly> Generated = new(() => Build("unions.yaml", "Test.Unions"));

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
    public void A_list_with_a_text_alternative_listed_first_is_sent_as_text_when_the_caller_builds_it()
    {
        var schedule = Activator.CreateInstance(Generated.Value.Type("Schedule"))!;
        schedule.GetType().GetProperty("DaysTextFirst")!.SetValue(schedule, new[] { 1, 3 });

        Assert.Equal("""{"days_text_first":"1,3"}""", Generated.Value.Write("Schedule", schedule));
        Assert.Equal(new[] { 1, 3 }, (IEnumerable<int>)Get(Generated.Value.Read("Schedule", """{"days_text_first":[1,3]}"""), "DaysTextFirst")!);
    }

    [Fact]
    public void A_string_alternative_of_a_string_list_is_one_item_not_text_to_split()
    {
        var schedule = Generated.Value.Read("Schedule", """{"labels":"a,b"}""");

        Assert.Equal(new[] { "a,b" }, (IEnumerable<string>)Get(schedule, "Labels")!);
        Assert.Equal("""{"labels":"a,b"}""", Generated.Value.Write("Schedule", schedule));
    }

    [Fact]
    public void An_array_paired_with_a_different_scalar_stays_a_union()
    {
        var property = Generated.Value.Type("Schedule").GetProperty("Slots")!;
        var schedule = Generated.Value.Read("Schedule", """{"slots":true}""");

        Assert.Equal("ScheduleSlots", property.PropertyType.Name);
        Assert.Equal(true, Get(Get(schedule, "Slots")!, "Boolean"));
    }
}
