using Xunit;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact.Tests;

/// <summary>Wrong use raises .NET exceptions with a reason — never a crash, never a silent no-op.</summary>
public sealed class MisuseTests : IDisposable
{
    private readonly TempDir _dir = new();

    private PactV4 NewPact() => Pact.V4("MisuseClient", "MisuseProvider", new PactConfig { PactDir = _dir.Path });

    [Fact]
    public void The_engine_is_the_pinned_version() => Assert.Equal(PactEngine.ExpectedVersion, Pact.EngineVersion);

    [Fact]
    public async Task Verifying_without_interactions_throws()
    {
        using var pact = NewPact();
        var ex = await Assert.ThrowsAsync<PactException>(() => pact.VerifyAsync(_ => Task.CompletedTask));
        Assert.Contains("UponReceiving", ex.Message);
    }

    [Fact]
    public async Task An_interaction_without_a_request_is_rejected_before_the_server_starts()
    {
        using var pact = NewPact();
        pact.UponReceiving("half described").Given("something");
        var ex = await Assert.ThrowsAsync<PactException>(() => pact.VerifyAsync(_ => Task.CompletedTask));
        Assert.Contains("'half described'", ex.Message);
    }

    [Fact]
    public async Task Changing_an_interaction_after_its_pact_was_verified_throws()
    {
        using var pact = NewPact();
        var interaction = pact.UponReceiving("ping");
        var request = interaction.WithRequest(HttpMethod.Get, "/ping");
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("ping")).EnsureSuccessStatusCode();
        });

        Assert.Contains("already verified", Assert.Throws<PactException>(() => interaction.Given("late state")).Message);
        Assert.Throws<PactException>(() => request.WithHeader("X-Late", "1"));
        Assert.Throws<PactException>(() => request.WillRespond().WithStatus(204));
        // The pact itself is reusable: the next UponReceiving starts a fresh set of interactions.
        pact.UponReceiving("ping again").WithRequest(HttpMethod.Get, "/ping");
    }

    [Fact]
    public void Double_request_or_body_and_bad_arguments_throw()
    {
        using var pact = NewPact();
        var interaction = pact.UponReceiving("twice");
        var request = interaction.WithRequest(HttpMethod.Post, "/x").WithJsonBody(new { a = 1 });
        Assert.Throws<PactException>(() => interaction.WithRequest(HttpMethod.Get, "/y"));
        Assert.Throws<PactException>(() => request.WithJsonBody(new { b = 2 }));
        Assert.Throws<ArgumentException>(() => pact.UponReceiving("relative").WithRequest(HttpMethod.Get, "x"));
        Assert.Contains("WithQuery", Assert.Throws<ArgumentException>(() => pact.UponReceiving("query in path").WithRequest(HttpMethod.Get, "/x?a=1")).Message);
        Assert.Throws<ArgumentException>(() => pact.UponReceiving("array params").Given("state", new[] { 1, 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => request.WillRespond().WithStatus(99));
        Assert.Throws<ArgumentException>(() => Pact.V4(" ", "p"));
    }

    [Fact]
    public async Task A_disposed_pact_refuses_work()
    {
        var pact = NewPact();
        var interaction = pact.UponReceiving("x");
        pact.Dispose();
        Assert.Throws<PactException>(() => interaction.WithRequest(HttpMethod.Get, "/x"));
        Assert.Throws<ObjectDisposedException>(() => pact.UponReceiving("y"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pact.VerifyAsync(_ => Task.CompletedTask));
    }

    [Fact]
    public void Native_refusals_carry_the_engine_error_text()
    {
        // Bypass the DSL's guards to provoke the engine itself: a pact handle that was already freed.
        PactEngine.EnsureInitialized();
        var pact = PactFfi.NewPact("NativeMisuse", "Provider");
        Assert.Equal(0u, PactFfi.FreePactHandle(pact));
        Assert.Equal(1u, PactFfi.FreePactHandle(pact));
        Assert.Equal(-1, PactFfi.CreateMockServer(pact, "127.0.0.1", 0, "http", null));
        Assert.False(PactFfi.CleanupMockServer(1));
        Assert.Equal(3, PactFfi.WritePactFile(pact, _dir.Path, overwrite: false));

        // given_with_params with broken JSON sets the thread-local error, which NativeFailure surfaces.
        var live = PactFfi.NewPact("NativeMisuse", "Provider");
        try
        {
            var interaction = PactFfi.NewInteraction(live, "bad params");
            Assert.Equal(2, PactFfi.GivenWithParams(interaction, "state", "{not json"));
            var ex = NativeFailure.Create("Could not add provider state");
            Assert.StartsWith("Could not add provider state", ex.Message);
            Assert.True(ex.Message.Length > "Could not add provider state.".Length, $"no engine text in: {ex.Message}");
        }
        finally
        {
            PactFfi.FreePactHandle(live);
        }
    }

    [Fact]
    public void Strings_owned_by_the_caller_are_copied_and_freed()
    {
        PactEngine.EnsureInitialized();
        // The global log buffer is handed to the caller: copying then freeing it must not crash, repeatedly.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(NativeStrings.CopyAndFree(PactFfi.FetchLogBuffer(null)));
        }
        Assert.Null(NativeStrings.CopyAndFree(IntPtr.Zero));
    }

    public void Dispose() => _dir.Dispose();
}
