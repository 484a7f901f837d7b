using System.Runtime.InteropServices;

namespace ZoomEvents.Pact.Native;

/// <summary>Owns a pact handle (a 16-bit id, not a pointer) and frees it exactly once.</summary>
internal sealed class PactSafeHandle : SafeHandle
{
    internal PactSafeHandle(ushort value)
        : base(invalidHandleValue: IntPtr.Zero, ownsHandle: true)
    {
        Value = value;
        SetHandle(1); // any non-zero marker: the real id lives in Value, which may legitimately be 0
    }

    internal ushort Value { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => PactFfi.FreePactHandle(Value) == 0;
}

/// <summary>Owns a running mock server, identified by its port; disposing shuts it down.</summary>
internal sealed class MockServerSafeHandle : SafeHandle
{
    internal MockServerSafeHandle(int port)
        : base(invalidHandleValue: IntPtr.Zero, ownsHandle: true)
    {
        Port = port;
        SetHandle((IntPtr)port);
    }

    internal int Port { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => PactFfi.CleanupMockServer(Port);
}

/// <summary>Owns a <c>VerifierHandle*</c>; disposing calls pactffi_verifier_shutdown.</summary>
internal sealed class VerifierSafeHandle : SafeHandle
{
    public VerifierSafeHandle()
        : base(invalidHandleValue: IntPtr.Zero, ownsHandle: true)
    {
    }

    internal static VerifierSafeHandle FromPointer(IntPtr pointer)
    {
        var safe = new VerifierSafeHandle();
        safe.SetHandle(pointer);
        return safe;
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        PactFfi.VerifierShutdown(handle);
        return true;
    }
}
