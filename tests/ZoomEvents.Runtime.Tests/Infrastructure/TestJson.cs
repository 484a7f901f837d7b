using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZoomEvents.Runtime.Tests.Infrastructure;

/// <summary>Reflection-based JSON is fine in tests (the runtime itself never uses it).</summary>
public static class TestJson
{
    public static JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}
