using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox.Store;

/// <summary>Access-link fields from a create or update request; null = not given.</summary>
internal sealed class AccessLinkInput
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? AuthenticationMethod { get; set; }

    public bool? IsDefault { get; set; }

    public string? IdpName { get; set; }

    public List<string>? AllowDomainList { get; set; }

    public List<string>? EmailRestrictList { get; set; }

    public bool? EmailAuthentication { get; set; }

    public bool? SecurityCodeVerification { get; set; }

    public string? TicketTypeId { get; set; }

    public string? RecurringRegistrationOption { get; set; }
}

/// <summary>Access-link rules; every method runs inside the store lock.</summary>
internal static class AccessLinkDomain
{
    public static AccessLinkRecord Get(EventRecord record, string accessLinkId) =>
        record.Links.FirstOrDefault(l => l.Id == accessLinkId) ?? throw new ZoomProblem(404, 261201, "Access link not found.");

    public static AccessLinkRecord Create(EventRecord record, AccessLinkInput input, string? accessLinkId = null)
    {
        RequireEventEditable(record);
        var replaced = record.Links.FirstOrDefault(l => l.Id == accessLinkId);
        RequireUniqueName(record, input.Name!, except: replaced);
        Check(record, input, input.Type!, existing: null);
        var link = new AccessLinkRecord
        {
            Id = accessLinkId ?? SandboxIds.New(),
            Name = input.Name!,
            Type = input.Type!,
            AuthenticationMethod = input.AuthenticationMethod!,
        };

        Apply(record, link, input);

        // Recurring registration links always have an option; all_sessions is what Zoom's UI preselects.
        if (record.IsRecurring && link.Type == "registration")
        {
            link.RecurringRegistrationOption ??= RegistrationOptions.AllSessions;
        }

        record.Links.RemoveAll(l => l.Id == link.Id);
        record.Links.Add(link);
        if (!record.Links.Any(l => l.IsDefault))
        {
            link.IsDefault = true;
        }

        return link;
    }

    public static void Update(EventRecord record, AccessLinkRecord link, AccessLinkInput patch)
    {
        RequireEventEditable(record);
        if (patch.Type is not null && patch.Type != link.Type)
        {
            throw ZoomProblem.Validation("type", "The type of an access link can't be changed.");
        }

        if (patch.Name is not null)
        {
            RequireUniqueName(record, patch.Name, except: link);
        }

        Check(record, patch, link.Type, existing: link);
        link.Name = patch.Name ?? link.Name;
        link.AuthenticationMethod = patch.AuthenticationMethod ?? link.AuthenticationMethod;
        Apply(record, link, patch);
    }

    public static void Delete(EventRecord record, AccessLinkRecord link) => record.Links.Remove(link);

    private static void Apply(EventRecord record, AccessLinkRecord link, AccessLinkInput input)
    {
        link.IdpName = input.IdpName ?? link.IdpName;
        link.AllowDomainList = input.AllowDomainList ?? link.AllowDomainList;
        link.EmailRestrictList = input.EmailRestrictList ?? link.EmailRestrictList;
        link.EmailAuthentication = input.EmailAuthentication ?? link.EmailAuthentication;
        link.SecurityCodeVerification = input.SecurityCodeVerification ?? link.SecurityCodeVerification;
        link.TicketTypeId = input.TicketTypeId ?? link.TicketTypeId;
        link.RecurringRegistrationOption = input.RecurringRegistrationOption ?? link.RecurringRegistrationOption;
        if (input.IsDefault == true)
        {
            record.Links.ForEach(l => l.IsDefault = false);
            link.IsDefault = true;
        }
        else if (input.IsDefault == false)
        {
            link.IsDefault = false;
        }
    }

    // Checks the link as it would be after the change: a PATCH is judged together with what the link already has, so
    // {"authentication_method":"corporate_idp"} is fine on a link that has an idp_name and {"idp_name":""} is not.
    private static void Check(EventRecord record, AccessLinkInput input, string type, AccessLinkRecord? existing)
    {
        if (input.TicketTypeId is not null && input.TicketTypeId != record.TicketType.Id)
        {
            throw new ZoomProblem(400, 261202, "Ticket type not found.");
        }

        if (input.RecurringRegistrationOption is not null && !record.IsRecurring)
        {
            throw ZoomProblem.Validation("recurring_registration_option", "recurring_registration_option applies to RECURRING events only.");
        }

        // The option says which sessions a registration covers; a group-join link admits people who already have tickets.
        if (input.RecurringRegistrationOption is not null && type != "registration")
        {
            throw ZoomProblem.Validation("recurring_registration_option", "recurring_registration_option applies to registration links only, not group-join links.");
        }

        var authenticationMethod = input.AuthenticationMethod ?? existing?.AuthenticationMethod;
        var idpName = input.IdpName ?? existing?.IdpName;
        if (authenticationMethod == "corporate_idp" && string.IsNullOrWhiteSpace(idpName))
        {
            throw ZoomProblem.Validation("idp_name", "idp_name is required with corporate_idp authentication.");
        }

        if (input.EmailAuthentication == true && type != "registration")
        {
            throw ZoomProblem.Validation("security_at_join.email_authentication", "email_authentication applies to registration links only.");
        }
    }

    private static void RequireUniqueName(EventRecord record, string name, AccessLinkRecord? except)
    {
        if (record.Links.Any(l => l != except && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ZoomProblem(400, 261203, $"An access link named '{name}' already exists for this event.");
        }
    }

    private static void RequireEventEditable(EventRecord record)
    {
        if (record.Status == EventStatus.Cancelled)
        {
            throw new ZoomProblem(400, 260210, "A cancelled event can't be changed.");
        }
    }
}
