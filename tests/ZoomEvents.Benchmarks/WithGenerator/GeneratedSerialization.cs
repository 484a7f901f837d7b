using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using ZoomEvents.Runtime.Serialization;
using Gen = ZoomEvents.Benchmarks.Generated;

namespace ZoomEvents.Benchmarks.Serialization;

/// <summary>
/// The generated side of the serialization benchmarks: models and converters emitted by our generator from
/// contracts/zoom-events.openapi.yaml while this project compiled (see the ZoomEventsSpec item in the csproj).
/// </summary>
public static class GeneratedContender
{
    private static readonly JsonTypeInfo<Gen.CreateTicketsRequest> TicketsInfo =
        (JsonTypeInfo<Gen.CreateTicketsRequest>)Gen.ZoomEventsClientJsonResolver.Options.GetTypeInfo(typeof(Gen.CreateTicketsRequest));

    /// <summary>Exactly what the generated SessionsClient.GetEventSessionListAsync does with the response bytes.</summary>
    public static Gen.SessionList Read(byte[] json) => ZoomJsonContent.Deserialize(json, Gen.SessionListJsonConverter.Instance);

    /// <summary>
    /// Through JsonSerializer with the generated resolver, the same entry point the STJ baseline uses, so the two
    /// differ only in their metadata and converters. (The generated client calls the converter directly via
    /// ZoomJsonContent.Create, which wraps the bytes in HttpContent.)
    /// </summary>
    public static byte[] Write(Gen.CreateTicketsRequest value) => JsonSerializer.SerializeToUtf8Bytes(value, TicketsInfo);

    public static Gen.CreateTicketsRequest Tickets(IReadOnlyList<Payloads.TicketSeed> seeds) => new()
    {
        RegistrationSource = Payloads.RegistrationSource,
        Tickets = seeds.Select(t => new Gen.TicketRequest
        {
            Email = t.Email,
            TicketTypeId = t.TicketTypeId,
            ExternalTicketId = t.ExternalTicketId,
            SendNotification = t.SendNotification,
            SessionIds = t.SessionIds,
            FirstName = t.FirstName,
            LastName = t.LastName,
            City = t.City,
            Country = t.Country,
            Organization = t.Organization,
            JobTitle = t.JobTitle,
            CustomQuestions = t.CustomQuestions.Select(q => new Gen.CustomQuestionAnswer { Title = q.Title, Answer = q.Answer }).ToArray(),
        }).ToArray(),
    };
}

public partial class DeserializeSessionsBenchmarks
{
    partial void SetupGenerated()
    {
    }

    [Benchmark(Description = "ZoomEvents generated models")]
    public int Generated() => GeneratedContender.Read(_json).Sessions!.Count;
}

public partial class SerializeTicketsBenchmarks
{
    private Gen.CreateTicketsRequest _generated = null!;

    partial void SetupGenerated(IReadOnlyList<Payloads.TicketSeed> seeds) => _generated = GeneratedContender.Tickets(seeds);

    [Benchmark(Description = "ZoomEvents generated models")]
    public int Generated() => GeneratedContender.Write(_generated).Length;
}
