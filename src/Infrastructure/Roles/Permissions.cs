using System.Collections.Frozen;

namespace Conversations.Infrastructure.Roles;

/// <summary>
/// The named permissions a role is made of. Every API route and hub method requires one of them (or is
/// listed as public or as the caller's own account); a role is the set of permissions it grants. The names
/// are stored in <c>roles.permissions</c>, so a name is never changed, only added.
/// </summary>
public static class Permissions
{
    public const string ConversationsRead = "conversations.read";
    public const string ConversationsReply = "conversations.reply";
    public const string ConversationsHandle = "conversations.handle";
    public const string ConversationsSupervise = "conversations.supervise";
    public const string NotesWrite = "notes.write";
    public const string CannedResponsesWrite = "canned_responses.write";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string CustomersImport = "customers.import";
    public const string CustomersExport = "customers.export";
    public const string CustomersErase = "customers.erase";
    public const string BookingsRead = "bookings.read";
    public const string BookingsWrite = "bookings.write";
    public const string ServicesManage = "services.manage";
    public const string CalendarBusiness = "calendar.business";
    public const string KnowledgeRead = "knowledge.read";
    public const string KnowledgeManage = "knowledge.manage";
    public const string TemplatesRead = "templates.read";
    public const string TemplatesManage = "templates.manage";
    public const string AssistantRead = "assistant.read";
    public const string AssistantManage = "assistant.manage";
    public const string SettingsRead = "settings.read";
    public const string SettingsManage = "settings.manage";
    public const string SecurityManage = "security.manage";
    public const string EmployeesRead = "employees.read";
    public const string EmployeesManage = "employees.manage";
    public const string RolesManage = "roles.manage";
    public const string IntegrationsManage = "integrations.manage";
    public const string BillingManage = "billing.manage";
    public const string RatingsRead = "ratings.read";
    public const string AnalyticsRead = "analytics.read";
    public const string ActivityRead = "activity.read";
    public const string AuditRead = "audit.read";
    public const string AutomationManage = "automation.manage";
    public const string MacrosManage = "macros.manage";
    public const string MacrosRun = "macros.run";
    public const string SlaManage = "sla.manage";

    /// <summary>Every permission with what it allows, in the order documents list them.</summary>
    public static IReadOnlyList<PermissionInfo> All { get; } =
    [
        new(ConversationsRead, "See the inbox: conversations, their messages and media, the business's uploaded files, notes, the customer panel, the assistant's work in a conversation, canned responses, the local outbox; receive live events."),
        new(ConversationsReply, "Write to customers: send messages and templates, upload files (and delete one's own), use canned responses, transcribe voice notes, show typing."),
        new(ConversationsHandle, "Handle conversations: take over, release, hand off, assign, transfer, set status and labels, move the team's read cursor."),
        new(ConversationsSupervise, "Act on colleagues' work: release or reassign a conversation someone else holds, delete anyone's note or uploaded file."),
        new(NotesWrite, "Write internal notes (and edit or delete one's own)."),
        new(CannedResponsesWrite, "Create, change and delete canned responses."),
        new(CustomersRead, "See customers and segments."),
        new(CustomersWrite, "Create and change customers; create, change and delete segments."),
        new(CustomersImport, "Import customers from CSV."),
        new(CustomersExport, "Export all customers as CSV, and everything held about one customer."),
        new(CustomersErase, "Delete customers and erase a customer's personal data."),
        new(BookingsRead, "See bookings, their payments, services, opening hours, availability and one's own calendar feed."),
        new(BookingsWrite, "Make, change and cancel bookings; make and send payment links."),
        new(ServicesManage, "Create, change and delete services; set the business's opening hours."),
        new(CalendarBusiness, "See and rotate the business's calendar feed (every booking)."),
        new(KnowledgeRead, "See the knowledge base and what the assistant would answer from it."),
        new(KnowledgeManage, "Write, change and delete knowledge-base articles."),
        new(TemplatesRead, "See the assistant's prompt templates and try them."),
        new(TemplatesManage, "Create, change, delete and restore prompt templates."),
        new(AssistantRead, "See the assistant's and voice transcription's settings (never their keys), what the assistant works from, and its usage and cost."),
        new(AssistantManage, "Change the assistant's and voice transcription's settings (provider, model, keys, instructions)."),
        new(SettingsRead, "See the business's settings: WhatsApp numbers, workspace, payments, security."),
        new(SettingsManage, "Connect and remove WhatsApp numbers; change the workspace and payment settings."),
        new(SecurityManage, "Require two-factor authentication for the whole team."),
        new(EmployeesRead, "See the team and its presence."),
        new(EmployeesManage, "Invite, rename, change the role of and deactivate employees."),
        new(RolesManage, "See, create, change and delete the business's roles."),
        new(IntegrationsManage, "Make, list and revoke API keys (with scopes one's own role covers); manage outbound webhook endpoints, their deliveries, tests and secrets."),
        new(BillingManage, "See and change the business's plan; see its invoices."),
        new(RatingsRead, "See customers' ratings per employee and the newest ratings with their comments."),
        new(AnalyticsRead, "See and export the business's reports: conversations and response times, revenue, each colleague's performance."),
        new(ActivityRead, "See the history of a conversation's assignments and of a booking's changes."),
        new(AutomationManage, "See, create, change, reorder, enable, disable and delete automation rules; read the log of what rules and macros did."),
        new(MacrosManage, "Create, change and delete macros."),
        new(MacrosRun, "See the macros and run one on a conversation (its actions happen whatever the caller's other permissions)."),
        new(SlaManage, "See, create, change and delete SLA policies (first-response and resolution targets)."),
        new(AuditRead, "See the business's activity log: who logged in or failed to, changed which settings (each field before and after), exported customers, took conversations over, uploaded or deleted files, invited, changed or deactivated colleagues — when and from where."),
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? permission) => permission is not null && Names.Contains(permission);
}
