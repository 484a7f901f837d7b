namespace ZoomEvents.Sandbox.Store;

/// <summary>Everything the sandbox knows. Only touched through <see cref="SandboxStore.Execute{T}"/>.</summary>
internal sealed class StoreData(TimeProvider time)
{
    public Dictionary<string, HubRecord> Hubs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EventRecord> Events { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; } = time;

    public long NextSequence { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>A copy that can be changed without touching this one (hubs are immutable records and are shared).</summary>
    public StoreData Clone()
    {
        var copy = new StoreData(Time) { NextSequence = NextSequence };
        foreach (var (id, hub) in Hubs)
        {
            copy.Hubs[id] = hub;
        }

        foreach (var (id, record) in Events)
        {
            copy.Events[id] = record.Clone();
        }

        return copy;
    }
}

/// <summary>
/// The sandbox's in-memory state behind one lock. A single lock is deliberate: operations are microseconds long, and
/// whole-operation atomicity (for example "name unique per event" or "tickets of one batch") is then trivially true.
/// </summary>
internal sealed class SandboxStore
{
    private readonly Lock _gate = new();
    private readonly SandboxOptions _options;
    private StoreData _data;

    public SandboxStore(SandboxOptions options)
    {
        _options = options;
        _data = Seed();
    }

    public T Execute<T>(Func<StoreData, T> operation)
    {
        lock (_gate)
        {
            return operation(_data);
        }
    }

    public void Execute(Action<StoreData> operation)
    {
        lock (_gate)
        {
            operation(_data);
        }
    }

    /// <summary>
    /// Runs a multi-step change all or nothing: it works on a copy that replaces the state only when it returns, so a
    /// step that throws half-way (a provider state with a bad param) leaves nothing behind. Meant for rare setup calls;
    /// copying the whole state is too slow for the API's hot paths.
    /// </summary>
    public T ExecuteAtomically<T>(Func<StoreData, T> operation)
    {
        lock (_gate)
        {
            var draft = _data.Clone();
            var result = operation(draft);
            _data = draft;
            return result;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _data = Seed();
        }
    }

    private StoreData Seed()
    {
        var data = new StoreData(_options.TimeProvider);
        data.Hubs[_options.SeedHubId] = new HubRecord(_options.SeedHubId, _options.SeedHubName, "Hub every sandbox starts with.", "PUBLIC");
        return data;
    }
}
