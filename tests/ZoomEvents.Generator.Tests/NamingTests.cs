using ZoomEvents.Generator.Model;
using ZoomEvents.Generator.Parsing;

namespace ZoomEvents.Generator.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("event_id", "EventId")]
    [InlineData("SIMPLE_EVENT", "SimpleEvent")]
    [InlineData("getHubList", "GetHubList")]
    [InlineData("initiateAndCompleteAEventMultipartUpload.", "InitiateAndCompleteAEventMultipartUpload")]
    [InlineData("group-join", "GroupJoin")]
    [InlineData("Education & Family", "EducationFamily")]
    [InlineData("self check-in (virtual)", "SelfCheckInVirtual")]
    [InlineData("1:1", "_11")]
    [InlineData("日本", "Value")]
    [InlineData("a\"b*/c", "ABC")]
    [InlineData("", "Value")]
    public void Pascal_keeps_only_ascii_words(string input, string expected) => Assert.Equal(expected, Naming.Pascal(input));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("role_type", "roleType")]
    [InlineData("1st-page", "_1stPage")]
    public void Camel_escapes_keywords(string input, string expected) => Assert.Equal(expected, Naming.Camel(input));

    [Theory]
    [InlineData("My.Api", true)]
    [InlineData("My..Api", false)]
    [InlineData("1My", false)]
    [InlineData("My.class", false)]
    [InlineData("Über", false)]
    public void Namespaces_are_validated(string value, bool valid) => Assert.Equal(valid, Naming.IsValidNamespace(value));

    [Fact]
    public void Name_table_numbers_later_claims_case_insensitively()
    {
        var names = new NameTable();

        Assert.Equal("Event", names.Claim("Event"));
        Assert.Equal("event2", names.Claim("event"));
        Assert.Equal("Event3", names.Claim("Event"));
    }

    [Fact]
    public void Equatable_array_compares_by_elements()
    {
        var a = new EquatableArray<string>(new[] { "x", "y" });
        var b = new EquatableArray<string>(new List<string> { "x", "y" });
        var c = new EquatableArray<string>(new[] { "y", "x" });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal(EquatableArray<string>.Empty, default);
    }

    [Fact]
    public void Spec_records_are_value_equal_through_nested_arrays()
    {
        static TypeSpec Make() => new(TypeKind.Object, "T", null,
            new EquatableArray<PropertySpec>(new[] { new PropertySpec("a", "A", TypeRef.ListOf(TypeRef.String), false, false, null, false) }),
            EquatableArray<EnumMemberSpec>.Empty, EquatableArray<VariantSpec>.Empty, null, TypeRef.Json);

        Assert.Equal(Make(), Make());
    }
}
