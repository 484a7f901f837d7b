using ZoomEvents.Benchmarks.Generation;
using ZoomEvents.Benchmarks.Infrastructure;
using ZoomEvents.Benchmarks.Serialization;

namespace ZoomEvents.Benchmarks.Tools;

/// <summary>
/// "smoke": runs every contender once and checks that they did the same job, so a benchmark can never look fast
/// because it silently did less (empty output, a short list, a different payload). Exit code 1 on any mismatch.
/// </summary>
public static partial class Smoke
{
    public static int Run()
    {
        var failures = new List<string>();
        Check(failures);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("smoke: FAIL " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "smoke: all contenders agree" : $"smoke: {failures.Count} failure(s)");
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Check(List<string> failures)
    {
        foreach (var spec in new[] { SpecInputs.Contract, SpecInputs.Synthetic })
        {
            var code = NSwagRunner.GenerateClientAsync(SpecInputs.Text(spec), SpecInputs.VirtualPath(spec)).GetAwaiter().GetResult();
            Console.WriteLine($"smoke: NSwag on {spec}: {code.Length:N0} chars of C#");
            Expect(failures, code.Length > 10_000, $"NSwag produced only {code.Length} chars for {spec}");
        }

        var json = Payloads.SessionListJson();
        var stj = Contenders.StjRead(json)!;
        var nswag = Contenders.NewtonsoftRead(json)!;
        Console.WriteLine($"smoke: session list payload {json.Length:N0} bytes");
        Expect(failures, stj.Sessions!.Count == Payloads.SessionCount, "STJ read a different number of sessions");
        Expect(failures, nswag.Sessions.Count == Payloads.SessionCount, "Newtonsoft read a different number of sessions");
        Expect(failures, stj.Sessions[199].StartTime == nswag.Sessions.Last().Start_time, "last session start_time differs between STJ and Newtonsoft");

        var seeds = Payloads.Tickets();
        var stjBytes = Contenders.StjWrite(Contenders.HandWrittenTickets(seeds));
        var nswagBytes = Contenders.NewtonsoftWrite(Contenders.NSwagTickets(seeds));
        Console.WriteLine($"smoke: ticket batch STJ {stjBytes.Length:N0} bytes, Newtonsoft {nswagBytes.Length:N0} bytes");
        Expect(failures, Emails(stjBytes).SequenceEqual(Emails(nswagBytes)) && Emails(stjBytes).Count == Payloads.TicketCount,
            "ticket batches differ in their emails");

        ExtraChecks(failures);
    }

    /// <summary>Checks for contenders that exist only once the generator has landed (see GeneratedSmoke).</summary>
    static partial void ExtraChecks(List<string> failures);

    internal static IReadOnlyList<string> Emails(byte[] batch)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(batch);
        return doc.RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("email").GetString()!).ToArray();
    }

    internal static void Expect(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
