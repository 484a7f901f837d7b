namespace ZoomEvents.Conformance.Schemas;

/// <summary>
/// Which side of the exchange a value travels on. Requests are checked as the provider would check them;
/// responses are checked the bi-directional way: undeclared properties are errors, <c>required</c> is relaxed.
/// </summary>
public enum SchemaDirection
{
    Request,
    Response,
}
