using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using HW = ZoomEvents.Benchmarks.Serialization.HandWritten;
using NS = ZoomEvents.Benchmarks.Serialization.NSwagModels;

namespace ZoomEvents.Benchmarks.Serialization;

/// <summary>
/// How each contender reads a response body and writes a request body, mirroring what its client does on the wire:
/// STJ straight from/to UTF-8; NSwag's generated client streams the response through a JsonTextReader and turns the
/// request into a string (JsonConvert.SerializeObject) that StringContent then encodes as UTF-8.
/// </summary>
public static class Contenders
{
    public static HW.CreateTicketsRequest HandWrittenTickets(IReadOnlyList<Payloads.TicketSeed> seeds) => new()
    {
        RegistrationSource = Payloads.RegistrationSource,
        Tickets = seeds.Select(t => new HW.TicketRequest
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
            CustomQuestions = t.CustomQuestions.Select(q => new HW.CustomQuestionAnswer { Title = q.Title, Answer = q.Answer }).ToArray(),
        }).ToArray(),
    };

    public static NS.CreateTicketsRequest NSwagTickets(IReadOnlyList<Payloads.TicketSeed> seeds)
    {
        var request = new NS.CreateTicketsRequest { Registration_source = Payloads.RegistrationSource };
        foreach (var t in seeds)
        {
            request.Tickets.Add(new NS.TicketRequest
            {
                Email = t.Email,
                Ticket_type_id = t.TicketTypeId,
                External_ticket_id = t.ExternalTicketId,
                Send_notification = t.SendNotification,
                Session_ids = t.SessionIds.ToList(),
                First_name = t.FirstName,
                Last_name = t.LastName,
                City = t.City,
                Country = t.Country,
                Organization = t.Organization,
                Job_title = t.JobTitle,
                Custom_questions = t.CustomQuestions.Select(q => new NS.CustomQuestionAnswer { Title = q.Title, Answer = q.Answer }).ToList(),
            });
        }

        return request;
    }

    public static HW.SessionList? StjRead(byte[] json) => System.Text.Json.JsonSerializer.Deserialize(json, HW.HandWrittenJsonContext.Default.SessionList);

    public static byte[] StjWrite(HW.CreateTicketsRequest value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, HW.HandWrittenJsonContext.Default.CreateTicketsRequest);

    // NSwag's client keeps one settings instance per client; a default JsonSerializer is the equivalent for DTOs alone.
    private static readonly Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = Newtonsoft.Json.JsonSerializer.CreateDefault();
    private static readonly JsonSerializerSettings NewtonsoftSettings = new();

    public static NS.SessionList? NewtonsoftRead(byte[] json)
    {
        using var stream = new MemoryStream(json, writable: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var jsonReader = new JsonTextReader(reader);
        return NewtonsoftSerializer.Deserialize<NS.SessionList>(jsonReader);
    }

    public static byte[] NewtonsoftWrite(NS.CreateTicketsRequest value) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, NewtonsoftSettings));

    /// <summary>Semantic JSON equality used by the smoke check: same members and values, any order.</summary>
    public static bool JsonEquals(byte[] left, byte[] right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }
}
