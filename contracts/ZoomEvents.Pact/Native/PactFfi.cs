using System.Runtime.InteropServices;

namespace ZoomEvents.Pact.Native;

/// <summary>
/// Raw imports from libpact_ffi 0.5.x (see shared/docs/pact-ffi.md §4). Nothing outside <see cref="Native"/> calls these:
/// returned <c>char*</c> stay <see cref="IntPtr"/> because the marshaller would free Rust memory with libc's free() and
/// abort the process; <see cref="NativeStrings"/> copies them and frees exactly the ones the ownership table says to.
/// C <c>bool</c> is one byte, hence <c>U1</c> everywhere.
/// </summary>
internal static partial class PactFfi
{
    internal const string Library = "pact_ffi";

    internal const int RequestPart = 0;
    internal const int ResponsePart = 1;
    internal const int SpecificationV4 = 5;

    // ---- process-wide ---------------------------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "pactffi_version")]
    internal static partial IntPtr Version();

    [LibraryImport(Library, EntryPoint = "pactffi_log_to_buffer")]
    internal static partial int LogToBuffer(int levelFilter);

    [LibraryImport(Library, EntryPoint = "pactffi_fetch_log_buffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr FetchLogBuffer(string? logId);

    [LibraryImport(Library, EntryPoint = "pactffi_string_delete")]
    internal static partial void StringDelete(IntPtr value);

    [LibraryImport(Library, EntryPoint = "pactffi_get_error_message")]
    internal static unsafe partial int GetErrorMessage(byte* buffer, int length);

    // ---- consumer: pact and interactions --------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "pactffi_new_pact", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ushort NewPact(string consumer, string provider);

    [LibraryImport(Library, EntryPoint = "pactffi_with_specification")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithSpecification(ushort pact, int version);

    [LibraryImport(Library, EntryPoint = "pactffi_with_pact_metadata", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithPactMetadata(ushort pact, string ns, string name, string value);

    [LibraryImport(Library, EntryPoint = "pactffi_new_interaction", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint NewInteraction(ushort pact, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_given", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Given(uint interaction, string state);

    /// <returns>0 OK, 1 not modifiable, 2 invalid JSON, 3 invalid string.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_given_with_params", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GivenWithParams(uint interaction, string state, string paramsJson);

    [LibraryImport(Library, EntryPoint = "pactffi_with_request", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithRequest(uint interaction, string method, string path);

    [LibraryImport(Library, EntryPoint = "pactffi_with_query_parameter_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithQueryParameter(uint interaction, string name, nuint index, string? value);

    [LibraryImport(Library, EntryPoint = "pactffi_with_header_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithHeader(uint interaction, int part, string name, nuint index, string value);

    [LibraryImport(Library, EntryPoint = "pactffi_with_body", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithBody(uint interaction, int part, string contentType, string? body);

    [LibraryImport(Library, EntryPoint = "pactffi_response_status")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ResponseStatus(uint interaction, ushort status);

    [LibraryImport(Library, EntryPoint = "pactffi_response_status_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ResponseStatusJson(uint interaction, string status);

    [LibraryImport(Library, EntryPoint = "pactffi_set_pending")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool SetPending(uint interaction, [MarshalAs(UnmanagedType.U1)] bool pending);

    [LibraryImport(Library, EntryPoint = "pactffi_add_text_comment", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool AddTextComment(uint interaction, string comment);

    /// <returns>0 OK, 1 panic, 2 bad handle, 3 mock server already started, 4 not a V4 interaction.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_interaction_test_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint SetTestName(uint interaction, string testName);

    [LibraryImport(Library, EntryPoint = "pactffi_add_interaction_reference", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool AddReference(uint interaction, string group, string name, string jsonValue);

    // ---- consumer: mock server and pact file ----------------------------------------------------------------------

    /// <returns>The bound port (&gt; 0), or −1 bad handle, −2 config not JSON, −3 cannot start, −4 panic, −5 bad address, −6 TLS.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_create_mock_server_for_transport", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CreateMockServer(ushort pact, string address, ushort port, string? transport, string? transportConfig);

    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_matched")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool MockServerMatched(int port);

    /// <summary>Owned by the mock server: copy, never free, and copy before cleanup.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_mismatches")]
    internal static partial IntPtr MockServerMismatches(int port);

    /// <summary>Owned by the mock server: copy, never free, and copy before cleanup.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_logs")]
    internal static partial IntPtr MockServerLogs(int port);

    [LibraryImport(Library, EntryPoint = "pactffi_cleanup_mock_server")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool CleanupMockServer(int port);

    /// <returns>0 OK, 1 panic, 2 write failed, 3 no such pact handle.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_pact_handle_write_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WritePactFile(ushort pact, string? directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);

    /// <returns>0 OK, 1 invalid or already freed.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_free_pact_handle")]
    internal static partial uint FreePactHandle(ushort pact);

    // ---- provider verifier ----------------------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_new_for_application", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr VerifierNew(string application, string version);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_shutdown")]
    internal static partial void VerifierShutdown(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_info", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetProviderInfo(VerifierSafeHandle handle, string? name, string? scheme, string? host, ushort port, string? path);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_file_source", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddFileSource(VerifierSafeHandle handle, string file);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_directory_source", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddDirectorySource(VerifierSafeHandle handle, string directory);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_state", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetProviderState(VerifierSafeHandle handle, string url, byte teardown, byte body);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_filter_info", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetFilterInfo(VerifierSafeHandle handle, string? description, string? state, byte noState);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_verification_options")]
    internal static partial int VerifierSetVerificationOptions(VerifierSafeHandle handle, byte disableSslVerification, CULong requestTimeoutMs);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_coloured_output")]
    internal static partial int VerifierSetColouredOutput(VerifierSafeHandle handle, byte coloured);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_no_pacts_is_error")]
    internal static partial int VerifierSetNoPactsIsError(VerifierSafeHandle handle, byte isError);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_consumer_filters", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetConsumerFilters(VerifierSafeHandle handle, string[] filters, ushort count);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_custom_header", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddCustomHeader(VerifierSafeHandle handle, string name, string value);

    /// <returns>0 all passed, 1 verification failed, 2 could not run.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_execute")]
    internal static partial int VerifierExecute(VerifierSafeHandle handle);

    /// <summary>Caller owns the result: copy, then free.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_output")]
    internal static partial IntPtr VerifierOutput(VerifierSafeHandle handle, byte stripAnsi);

    /// <summary>Caller owns the result: copy, then free.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_json")]
    internal static partial IntPtr VerifierJson(VerifierSafeHandle handle);

    /// <summary>Caller owns the result: copy, then free.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_logs")]
    internal static partial IntPtr VerifierLogs(VerifierSafeHandle handle);
}
