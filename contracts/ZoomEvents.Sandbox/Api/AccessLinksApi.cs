using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox.Api;

/// <summary>Registration and group-join links under <c>/v2/zoom_events/events/{eventId}/access_links</c>.</summary>
internal static class AccessLinksApi
{
    private static readonly string[] LinkTypes = ["registration", "group-join"];
    private static readonly string[] AuthenticationMethods = ["zoom_account", "zoom_account_otp", "corporate_idp", "bypass_auth", "accelerated_auth"];
    private static readonly string[] RegistrationOptionValues = [RegistrationOptions.AllSessions, RegistrationOptions.SingleSession, RegistrationOptions.MultipleSessions];

    public static void Map(RouteGroupBuilder api)
    {
        const string root = "/events/{eventId}/access_links";

        api.MapGet(root, (string eventId, HttpRequest request, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                var site = EventsApi.Site(request);
                return new JsonObject
                {
                    ["total_records"] = record.Links.Count,
                    ["access_links"] = ZoomJson.Array(record.Links.Select(l => (JsonNode)Render.AccessLink(record, l, site))),
                };
            })));

        api.MapPost(root, async (string eventId, HttpContext context, SandboxStore store) =>
        {
            var input = Parse(await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted), create: true);
            return ZoomJson.Created(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                return Render.AccessLink(record, AccessLinkDomain.Create(record, input), site: null);
            }));
        });

        api.MapGet(root + "/{accessLinkId}", (string eventId, string accessLinkId, HttpRequest request, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                return Render.AccessLink(record, AccessLinkDomain.Get(record, accessLinkId), EventsApi.Site(request));
            })));

        api.MapPatch(root + "/{accessLinkId}", async (string eventId, string accessLinkId, HttpContext context, SandboxStore store) =>
        {
            var patch = Parse(await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted), create: false);
            store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                AccessLinkDomain.Update(record, AccessLinkDomain.Get(record, accessLinkId), patch);
            });
            return Results.NoContent();
        });

        api.MapDelete(root + "/{accessLinkId}", (string eventId, string accessLinkId, SandboxStore store) =>
        {
            store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                AccessLinkDomain.Delete(record, AccessLinkDomain.Get(record, accessLinkId));
            });
            return Results.NoContent();
        });
    }

    internal static AccessLinkInput Parse(JsonObject body, bool create)
    {
        var r = new RequestReader();
        var input = new AccessLinkInput
        {
            Name = r.String(body, "name", required: create, maxLength: 200, nonEmpty: true),
            Type = r.Enum(body, "type", LinkTypes, required: create),
            AuthenticationMethod = r.Enum(body, "authentication_method", AuthenticationMethods, required: create),
            IsDefault = r.Bool(body, "is_default"),
            IdpName = r.String(body, "idp_name"),
            AllowDomainList = r.Strings(body, "allow_domain_list", maxItems: 20_000),
            EmailRestrictList = r.Strings(body, "email_restrict_list", maxItems: 50_000),
            TicketTypeId = r.String(body, "ticket_type_id"),
            RecurringRegistrationOption = r.Enum(body, "recurring_registration_option", RegistrationOptionValues),
        };

        if (r.Object(body, "security_at_join") is { } security)
        {
            // The tutorial's requires_authentication is read as Zoom's email_authentication.
            input.EmailAuthentication = r.Bool(security, "email_authentication", "security_at_join") ?? r.Bool(security, "requires_authentication", "security_at_join");
            input.SecurityCodeVerification = r.Bool(security, "security_code_verification", "security_at_join");
        }

        r.ThrowIfInvalid();
        return input;
    }
}
