using System.Collections.Frozen;
using static Conversations.Infrastructure.Roles.Permissions;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>
/// Every route of the API, classified: who may call it, which permission it needs, and how to aim it at another
/// business's resources. <see cref="IsolationMatrixTests"/> fails for a route of the running app missing here, so a
/// new endpoint cannot ship without saying who may call it and being probed across tenants.
/// </summary>
public static class RouteTable
{
    private const string Later = "2027-04-01T10:00:00Z";

    public static FrozenDictionary<string, RouteCase> Routes { get; } = new Dictionary<string, RouteCase>
    {
        // Public: signed by their provider, or the steps before one has a token.
        ["* /health/live"] = Anonymous(),
        ["* /health/ready"] = Anonymous(),
        ["GET /openapi/v1.json"] = Anonymous(),
        ["GET /api/reference/{documentName?}"] = Anonymous(),
        ["GET /api/reference/scalar.js"] = Anonymous(),
        ["GET /api/reference/scalar.aspnetcore.js"] = Anonymous(),
        ["GET /api/reference/favicon.svg"] = Anonymous(),

        // Prometheus scraping: served to the local host only (or where the operator allows), no token.
        ["* /metrics"] = Anonymous(),
        ["POST /api/businesses"] = Anonymous(),
        ["POST /api/auth/login"] = Anonymous(),
        ["POST /api/auth/login/2fa"] = Anonymous(),
        ["POST /api/auth/refresh"] = Anonymous(),
        ["POST /api/auth/accept-invitation"] = Anonymous(),
        ["POST /api/auth/forgot-password"] = Anonymous(),
        ["POST /api/auth/reset-password"] = Anonymous(),
        ["POST /api/auth/verify-email"] = Anonymous(),
        ["GET /api/webhook/whatsapp"] = Anonymous(),
        ["POST /api/webhook/whatsapp"] = Anonymous(),
        ["POST /api/webhook/twilio"] = Anonymous(),
        ["POST /api/webhook/twilio/status"] = Anonymous(),
        ["POST /api/webhook/stripe"] = Anonymous(),
        ["GET /calendar/{secret}.ics"] = Anonymous(),
        ["POST /api/platform/login"] = Anonymous(),
        ["GET /api/plans"] = Anonymous(),

        // The platform's own scheme.
        ["GET /api/platform/businesses"] = Platform(_ => new("/api/platform/businesses")),
        ["POST /api/platform/businesses/{id:guid}/suspend"] = Platform(w => new($"/api/platform/businesses/{w.BusinessId}/suspend", new { reason = "test" })),
        ["POST /api/platform/businesses/{id:guid}/reactivate"] = Platform(w => new($"/api/platform/businesses/{w.BusinessId}/reactivate")),
        ["POST /api/platform/orleans-dashboard/session"] = Platform(_ => new("/api/platform/orleans-dashboard/session")),

        // The Orleans dashboard, mounted by the Microsoft.Orleans.Dashboard package: the platform's, by token or cookie.
        ["GET /orleans-dashboard"] = OrleansDashboard("/orleans-dashboard"),
        ["GET /orleans-dashboard/ClusterStats"] = OrleansDashboard("/orleans-dashboard/ClusterStats"),
        ["GET /orleans-dashboard/DashboardCounters"] = OrleansDashboard("/orleans-dashboard/DashboardCounters"),
        ["GET /orleans-dashboard/GrainState"] = OrleansDashboard("/orleans-dashboard/GrainState"),
        ["GET /orleans-dashboard/GrainStats/{*grainName}"] = OrleansDashboard("/orleans-dashboard/GrainStats/Conversations.Grains.ConversationGrain"),
        ["GET /orleans-dashboard/GrainTypes"] = OrleansDashboard("/orleans-dashboard/GrainTypes"),
        ["GET /orleans-dashboard/HistoricalStats/{*path}"] = OrleansDashboard("/orleans-dashboard/HistoricalStats/x"),
        ["GET /orleans-dashboard/LifecycleStages"] = OrleansDashboard("/orleans-dashboard/LifecycleStages"),
        ["GET /orleans-dashboard/Reminders"] = OrleansDashboard("/orleans-dashboard/Reminders"),
        ["GET /orleans-dashboard/Reminders/{page:int}"] = OrleansDashboard("/orleans-dashboard/Reminders/1"),
        ["GET /orleans-dashboard/SiloCounters/{*address}"] = OrleansDashboard("/orleans-dashboard/SiloCounters/127.0.0.1:11111@1"),
        ["GET /orleans-dashboard/SiloMetadata/{*address}"] = OrleansDashboard("/orleans-dashboard/SiloMetadata/127.0.0.1:11111@1"),
        ["GET /orleans-dashboard/SiloProperties/{*address}"] = OrleansDashboard("/orleans-dashboard/SiloProperties/127.0.0.1:11111@1"),
        ["GET /orleans-dashboard/SiloStats/{*address}"] = OrleansDashboard("/orleans-dashboard/SiloStats/127.0.0.1:11111@1"),
        ["GET /orleans-dashboard/TopGrainMethods"] = OrleansDashboard("/orleans-dashboard/TopGrainMethods"),
        ["GET /orleans-dashboard/Trace"] = OrleansDashboard("/orleans-dashboard/Trace"),
        ["GET /orleans-dashboard/favicon.ico"] = OrleansDashboard("/orleans-dashboard/favicon.ico"),
        ["GET /orleans-dashboard/fonts/{**path}"] = OrleansDashboard("/orleans-dashboard/fonts/x.woff"),
        ["GET /orleans-dashboard/img/{**path}"] = OrleansDashboard("/orleans-dashboard/img/x.png"),
        ["GET /orleans-dashboard/index.css"] = OrleansDashboard("/orleans-dashboard/index.css"),
        ["GET /orleans-dashboard/index.html"] = OrleansDashboard("/orleans-dashboard/index.html"),
        ["GET /orleans-dashboard/index.min.js"] = OrleansDashboard("/orleans-dashboard/index.min.js"),
        ["GET /orleans-dashboard/version"] = OrleansDashboard("/orleans-dashboard/version"),

        // The hub: its methods are covered by HubIsolationTests.
        ["* /hubs/conversations"] = new(RouteAccess.Hub, null, null, CrossTenant.Skip),
        ["* /hubs/conversations/negotiate"] = new(RouteAccess.Hub, null, null, CrossTenant.Skip),

        // One's own account: every employee, viewers included, may do these to themselves.
        ["POST /api/auth/logout"] = OwnAccount(),
        ["POST /api/auth/logout-all"] = OwnAccount(),
        ["POST /api/auth/change-password"] = OwnAccount(),
        ["POST /api/auth/resend-verification"] = OwnAccount(),
        ["GET /api/auth/sessions"] = OwnAccount(),
        ["DELETE /api/auth/sessions/{id:guid}"] = OwnAccount(w => new($"/api/auth/sessions/{w.OwnerSessionId}")),
        ["GET /api/auth/2fa"] = OwnAccount(),
        ["POST /api/auth/2fa/setup"] = OwnAccount(),
        ["POST /api/auth/2fa/enable"] = OwnAccount(),
        ["POST /api/auth/2fa/disable"] = OwnAccount(),
        ["POST /api/auth/2fa/recovery-codes"] = OwnAccount(),
        ["GET /api/notifications"] = OwnAccount(),
        ["POST /api/notifications/{id:guid}/read"] = OwnAccount(w => new($"/api/notifications/{w.NotificationId}/read")),
        ["POST /api/notifications/read-all"] = OwnAccount(),
        ["GET /api/notifications/vapid-public-key"] = OwnAccount(),
        ["POST /api/notifications/subscribe"] = OwnAccount(),
        ["POST /api/notifications/unsubscribe"] = OwnAccount(),

        // Team and roles.
        ["GET /api/employees"] = Scoped(EmployeesRead, _ => new("/api/employees")),
        ["GET /api/employees/{id:guid}"] = Found(EmployeesRead, w => new($"/api/employees/{w.ViewerId}")),
        ["POST /api/employees"] = Scoped(EmployeesManage, w => new("/api/employees", new { email = $"x-{Guid.NewGuid():N}@example.test", role = w.RoleName })),
        ["PATCH /api/employees/{id:guid}"] = Found(EmployeesManage, w => new($"/api/employees/{w.ViewerId}", new { displayName = "Taken" })),
        ["DELETE /api/employees/{id:guid}"] = Found(EmployeesManage, w => new($"/api/employees/{w.ViewerId}")),
        ["GET /api/presence"] = Scoped(EmployeesRead, _ => new("/api/presence")),
        ["GET /api/roles"] = Scoped(RolesManage, _ => new("/api/roles")),
        ["GET /api/roles/{id:guid}"] = Found(RolesManage, w => new($"/api/roles/{w.RoleId}")),
        ["POST /api/roles"] = Scoped(RolesManage, _ => new("/api/roles", new { name = $"r{Guid.NewGuid():N}"[..20], permissions = new[] { ConversationsRead } })),
        ["PATCH /api/roles/{id:guid}"] = Found(RolesManage, w => new($"/api/roles/{w.RoleId}", new { name = "taken" })),
        ["DELETE /api/roles/{id:guid}"] = Found(RolesManage, w => new($"/api/roles/{w.RoleId}")),

        // The inbox.
        ["GET /api/conversations"] = Scoped(ConversationsRead, w => new($"/api/conversations?q={w.Marker}")),
        ["GET /api/conversations/{id:guid}"] = Found(ConversationsRead, w => new($"/api/conversations/{w.ConversationId}")),
        ["GET /api/conversations/{id:guid}/customer"] = Found(ConversationsRead, w => new($"/api/conversations/{w.ConversationId}/customer")),
        ["GET /api/conversations/{id:guid}/assistant"] = Found(ConversationsRead, w => new($"/api/conversations/{w.ConversationId}/assistant")),
        ["POST /api/conversations/{id:guid}/read"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/read", new { sequence = w.LastSequence })),
        ["POST /api/conversations/{id:guid}/takeover"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/takeover")),
        ["POST /api/conversations/{id:guid}/release"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/release")),
        ["POST /api/conversations/{id:guid}/handoff"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/handoff")),
        ["POST /api/conversations/{id:guid}/assign"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/assign", new { employeeId = (Guid?)null })),
        ["POST /api/conversations/{id:guid}/transfer"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/transfer", new { employeeId = w.OtherOwnerId })),
        ["POST /api/conversations/{id:guid}/status"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/status", new { status = "resolved" })),
        ["POST /api/conversations/{id:guid}/labels"] = Found(ConversationsHandle, w => new($"/api/conversations/{w.ConversationId}/labels", new { add = new[] { "vip" } })),
        ["GET /api/assignments"] = Found(ActivityRead, w => new($"/api/assignments?conversationId={w.ConversationId}")),
        ["POST /api/conversations/takeover"] = Found(ConversationsHandle, w => new("/api/conversations/takeover", new { conversationId = w.ConversationId, action = "takeover" })),
        ["POST /api/assignments"] = Found(ConversationsHandle, w => new("/api/assignments", new { conversationId = w.ConversationId, employeeId = (Guid?)null })),
        ["GET /api/messages"] = Found(ConversationsRead, w => new($"/api/messages?conversationId={w.ConversationId}")),
        ["POST /api/messages"] = Found(ConversationsReply, w => new("/api/messages", new { conversationId = w.ConversationId, text = "Hola" })),
        ["GET /api/media"] = Scoped(ConversationsRead, _ => new("/api/media")),
        ["POST /api/media"] = Scoped(ConversationsReply, _ => new("/api/media", new { file = "not a form" })),
        ["POST /api/media/upload"] = Scoped(ConversationsReply, _ => new("/api/media/upload", new { file = "not a form" })),
        ["GET /api/media/{id:guid}"] = Found(ConversationsRead, w => new($"/api/media/{w.MediaId}")),
        ["DELETE /api/media/{id:guid}"] = Found(ConversationsReply, w => new($"/api/media/{w.MediaId}")),
        ["GET /api/outbox"] = Scoped(ConversationsRead, _ => new("/api/outbox")),
        ["POST /api/voice/transcribe"] = Found(ConversationsReply, w => new("/api/voice/transcribe", new { messageId = w.MessageId })),
        ["GET /api/notes"] = Found(ConversationsRead, w => new($"/api/notes?conversationId={w.ConversationId}")),
        ["POST /api/notes"] = Found(NotesWrite, w => new("/api/notes", new { conversationId = w.ConversationId, body = "Mine now" })),
        ["PATCH /api/notes/{id:guid}"] = Found(NotesWrite, w => new($"/api/notes/{w.NoteId}", new { body = "Mine now" })),
        ["DELETE /api/notes/{id:guid}"] = Found(NotesWrite, w => new($"/api/notes/{w.NoteId}")),
        ["GET /api/canned-responses"] = Scoped(ConversationsRead, w => new($"/api/canned-responses?q=hello")),
        ["GET /api/canned-responses/{id:guid}"] = Found(ConversationsRead, w => new($"/api/canned-responses/{w.CannedResponseId}")),
        ["POST /api/canned-responses"] = Scoped(CannedResponsesWrite, _ => new("/api/canned-responses", new { shortcode = $"s{Guid.NewGuid():N}"[..12], title = "B's", body = "Hi" })),
        ["PATCH /api/canned-responses/{id:guid}"] = Found(CannedResponsesWrite, w => new($"/api/canned-responses/{w.CannedResponseId}", new { title = "Mine now" })),
        ["DELETE /api/canned-responses/{id:guid}"] = Found(CannedResponsesWrite, w => new($"/api/canned-responses/{w.CannedResponseId}")),
        ["POST /api/canned-responses/{id:guid}/use"] = Found(ConversationsReply, w => new($"/api/canned-responses/{w.CannedResponseId}/use", new { })),
        ["GET /api/ratings"] = Scoped(RatingsRead, _ => new("/api/ratings")),
        ["GET /api/ratings/recent"] = Scoped(RatingsRead, _ => new("/api/ratings/recent")),
        ["GET /api/assistant/usage"] = Scoped(AssistantRead, _ => new("/api/assistant/usage")),
        ["GET /api/context"] = Scoped(AssistantRead, _ => new("/api/context")),

        // The business's reports.
        ["GET /api/analytics/conversations"] = Scoped(AnalyticsRead, _ => new("/api/analytics/conversations")),
        ["GET /api/analytics/revenue"] = Scoped(AnalyticsRead, _ => new("/api/analytics/revenue")),
        ["GET /api/analytics/performance"] = Scoped(AnalyticsRead, _ => new("/api/analytics/performance")),
        ["GET /api/analytics/sla"] = Scoped(AnalyticsRead, _ => new("/api/analytics/sla")),
        ["POST /api/analytics/export"] = Scoped(AnalyticsRead, _ => new("/api/analytics/export", new { report = "performance" })),
        ["GET /api/analytics/exports"] = Scoped(AnalyticsRead, _ => new("/api/analytics/exports")),

        // Customers.
        ["GET /api/customers"] = Scoped(CustomersRead, w => new($"/api/customers?search={w.Marker}")),
        ["GET /api/customers/{id:guid}"] = Found(CustomersRead, w => new($"/api/customers/{w.CustomerId}")),
        ["POST /api/customers"] = Scoped(CustomersWrite, _ => new("/api/customers", new { name = "Berta" })),
        ["PATCH /api/customers/{id:guid}"] = Found(CustomersWrite, w => new($"/api/customers/{w.CustomerId}", new { name = "Taken" })),
        ["DELETE /api/customers/{id:guid}"] = Found(CustomersErase, w => new($"/api/customers/{w.CustomerId}")),
        ["GET /api/customers/export"] = Scoped(CustomersExport, _ => new("/api/customers/export")),
        ["POST /api/customers/import"] = Scoped(CustomersImport, _ => new("/api/customers/import?mode=per-row", Csv: "name,phone\nCarla,+34699000999\n")),
        ["GET /api/customers/{id:guid}/export"] = Found(CustomersExport, w => new($"/api/customers/{w.CustomerId}/export")),
        ["POST /api/customers/{id:guid}/erase"] = Found(CustomersErase, w => new($"/api/customers/{w.CustomerId}/erase")),
        ["GET /api/customers/segments"] = Scoped(CustomersRead, _ => new("/api/customers/segments")),
        ["GET /api/customers/segments/{id:guid}"] = Found(CustomersRead, w => new($"/api/customers/segments/{w.SegmentId}")),
        ["POST /api/customers/segments"] = Scoped(CustomersWrite, _ => new("/api/customers/segments", new { name = "B's" })),
        ["PATCH /api/customers/segments/{id:guid}"] = Found(CustomersWrite, w => new($"/api/customers/segments/{w.SegmentId}", new { name = "Taken" })),
        ["DELETE /api/customers/segments/{id:guid}"] = Found(CustomersWrite, w => new($"/api/customers/segments/{w.SegmentId}")),
        ["GET /api/customers/segments/{id:guid}/customers"] = Found(CustomersRead, w => new($"/api/customers/segments/{w.SegmentId}/customers")),

        // Services, hours and bookings.
        ["GET /api/services"] = Scoped(BookingsRead, _ => new("/api/services")),
        ["GET /api/services/{id:guid}"] = Found(BookingsRead, w => new($"/api/services/{w.ServiceId}")),
        ["POST /api/services"] = Scoped(ServicesManage, _ => new("/api/services", new { name = "B's service", priceMinor = 100, currency = "EUR", durationMinutes = 30 })),
        ["PATCH /api/services/{id:guid}"] = Found(ServicesManage, w => new($"/api/services/{w.ServiceId}", new { name = "Taken" })),
        ["DELETE /api/services/{id:guid}"] = Found(ServicesManage, w => new($"/api/services/{w.ServiceId}")),
        ["GET /api/availability"] = Found(BookingsRead, w => new($"/api/availability?serviceId={w.ServiceId}&date=2027-04-01")),
        ["GET /api/availability/hours"] = Scoped(BookingsRead, _ => new("/api/availability/hours")),
        ["PUT /api/availability/hours"] = Scoped(ServicesManage, _ => new("/api/availability/hours", new { weeklyHours = Array.Empty<object>() })),
        ["GET /api/bookings"] = Scoped(BookingsRead, _ => new("/api/bookings?from=2027-01-01T00:00:00Z")),
        ["GET /api/bookings/{id:guid}"] = Found(BookingsRead, w => new($"/api/bookings/{w.BookingId}")),
        ["POST /api/bookings"] = Found(BookingsWrite, w => new("/api/bookings", new { serviceId = w.ServiceId, customerId = w.CustomerId, start = Later })),
        ["PATCH /api/bookings/{id:guid}"] = Found(BookingsWrite, w => new($"/api/bookings/{w.BookingId}", new { status = "confirmed" })),
        ["DELETE /api/bookings/{id:guid}"] = Found(BookingsWrite, w => new($"/api/bookings/{w.BookingId}")),
        ["GET /api/bookings/{id:guid}/history"] = Found(ActivityRead, w => new($"/api/bookings/{w.BookingId}/history")),
        ["POST /api/bookings/{id:guid}/payment-link"] = Found(BookingsWrite, w => new($"/api/bookings/{w.BookingId}/payment-link", new { send = false })),
        ["GET /api/bookings/{id:guid}/payments"] = Found(BookingsRead, w => new($"/api/bookings/{w.BookingId}/payments")),
        ["GET /api/calendar/feeds"] = Scoped(BookingsRead, _ => new("/api/calendar/feeds")),

        // Rotating one's own feed is every reader's; the business's feed (probed here) needs calendar.business, checked in the handler.
        ["POST /api/calendar/feeds/{kind}/rotate"] = Scoped(BookingsRead, _ => new("/api/calendar/feeds/business/rotate")),

        // The assistant's knowledge and templates.
        ["GET /api/knowledge"] = Scoped(KnowledgeRead, w => new($"/api/knowledge?q={w.Marker}")),
        ["GET /api/knowledge/search"] = Scoped(KnowledgeRead, w => new($"/api/knowledge/search?q=opening+hours+{w.Marker}")),
        ["GET /api/knowledge/{id:guid}"] = Found(KnowledgeRead, w => new($"/api/knowledge/{w.KnowledgeArticleId}")),
        ["POST /api/knowledge"] = Scoped(KnowledgeManage, _ => new("/api/knowledge", new { title = "B's", body = "Text" })),
        ["PATCH /api/knowledge/{id:guid}"] = Found(KnowledgeManage, w => new($"/api/knowledge/{w.KnowledgeArticleId}", new { title = "Taken" })),
        ["DELETE /api/knowledge/{id:guid}"] = Found(KnowledgeManage, w => new($"/api/knowledge/{w.KnowledgeArticleId}")),
        ["GET /api/templates"] = Scoped(TemplatesRead, _ => new("/api/templates")),
        ["GET /api/templates/variables"] = Scoped(TemplatesRead, _ => new("/api/templates/variables")),
        ["GET /api/templates/{id:guid}"] = Found(TemplatesRead, w => new($"/api/templates/{w.TemplateId}")),
        ["POST /api/templates"] = Scoped(TemplatesManage, _ => new("/api/templates", new { flowState = "faq", name = "B's", body = "Hola {{customer.name}}." })),
        ["PATCH /api/templates/{id:guid}"] = Found(TemplatesManage, w => new($"/api/templates/{w.TemplateId}", new { name = "Taken" })),
        ["DELETE /api/templates/{id:guid}"] = Found(TemplatesManage, w => new($"/api/templates/{w.TemplateId}")),
        ["POST /api/templates/{id:guid}/test"] = Found(TemplatesRead, w => new($"/api/templates/{w.TemplateId}/test", new { }), changesNothing: true),
        ["POST /api/templates/{id:guid}/versions/{version:int}/restore"] = Found(TemplatesManage, w => new($"/api/templates/{w.TemplateId}/versions/1/restore")),

        // Settings.
        ["GET /api/settings/whatsapp"] = Scoped(SettingsRead, _ => new("/api/settings/whatsapp")),
        ["POST /api/settings/whatsapp"] = Scoped(SettingsManage, _ => new("/api/settings/whatsapp", new { provider = "fax" })),
        ["DELETE /api/settings/whatsapp/{id:guid}"] = Found(SettingsManage, w => new($"/api/settings/whatsapp/{w.ChannelId}")),
        ["POST /api/settings/whatsapp/{id:guid}/test-message"] = Found(
            SettingsManage, w => new($"/api/settings/whatsapp/{w.ChannelId}/test-message", new { to = "+34600111222" })),
        ["GET /api/activity"] = Scoped(AuditRead, _ => new("/api/activity")),
        ["GET /api/settings"] = Scoped(SettingsRead, _ => new("/api/settings")),
        ["PATCH /api/settings"] = Scoped(SettingsManage, _ => new("/api/settings", new { branding = new { primaryColor = "#123456" } })),
        ["GET /api/settings/workspace"] = Scoped(SettingsRead, _ => new("/api/settings/workspace")),
        ["PATCH /api/settings/workspace"] = Scoped(SettingsManage, _ => new("/api/settings/workspace", new { announceAgentJoined = false })),
        ["GET /api/settings/security"] = Scoped(SettingsRead, _ => new("/api/settings/security")),
        ["PATCH /api/settings/security"] = Scoped(SecurityManage, _ => new("/api/settings/security", new { requireTwoFactor = false })),
        ["GET /api/settings/ai"] = Scoped(AssistantRead, _ => new("/api/settings/ai")),
        ["PATCH /api/settings/ai"] = Scoped(AssistantManage, _ => new("/api/settings/ai", new { instructions = "Be kind." })),
        ["GET /api/settings/voice"] = Scoped(AssistantRead, _ => new("/api/settings/voice")),
        ["PATCH /api/settings/voice"] = Scoped(AssistantManage, _ => new("/api/settings/voice", new { enabled = false })),
        ["GET /api/payments/settings"] = Scoped(SettingsRead, _ => new("/api/payments/settings")),
        ["PATCH /api/payments/settings"] = Scoped(SettingsManage, _ => new("/api/payments/settings", new { onlinePayments = true })),

        // Integrations: API keys and outbound webhooks.
        ["GET /api/api-keys"] = Scoped(IntegrationsManage, _ => new("/api/api-keys")),
        ["POST /api/api-keys"] = Scoped(IntegrationsManage, _ => new("/api/api-keys", new { name = "B's key", scopes = new[] { "customers:read" } })),
        ["DELETE /api/api-keys/{id:guid}"] = Found(IntegrationsManage, w => new($"/api/api-keys/{w.ApiKeyId}")),
        ["GET /api/webhooks/endpoints"] = Scoped(IntegrationsManage, _ => new("/api/webhooks/endpoints")),
        ["POST /api/webhooks/endpoints"] = Scoped(IntegrationsManage, _ => new("/api/webhooks/endpoints", new { url = "https://b.example.test/hook", eventTypes = new[] { "booking.created" } })),
        ["GET /api/webhooks/endpoints/{id:guid}"] = Found(IntegrationsManage, w => new($"/api/webhooks/endpoints/{w.WebhookEndpointId}")),
        ["PATCH /api/webhooks/endpoints/{id:guid}"] = Found(IntegrationsManage, w => new($"/api/webhooks/endpoints/{w.WebhookEndpointId}", new { description = "Taken" })),
        ["DELETE /api/webhooks/endpoints/{id:guid}"] = Found(IntegrationsManage, w => new($"/api/webhooks/endpoints/{w.WebhookEndpointId}")),
        ["GET /api/webhooks/endpoints/{id:guid}/deliveries"] = Found(IntegrationsManage, w => new($"/api/webhooks/endpoints/{w.WebhookEndpointId}/deliveries")),
        ["POST /api/webhooks/endpoints/{id:guid}/test"] = Found(IntegrationsManage, w => new($"/api/webhooks/endpoints/{w.WebhookEndpointId}/test")),

        // Automation: rules and their log, macros, SLA policies.
        ["GET /api/automation/rules"] = Scoped(AutomationManage, _ => new("/api/automation/rules")),
        ["POST /api/automation/rules"] = Scoped(AutomationManage, _ => new("/api/automation/rules", new { name = "B's rule", trigger = "resolved", actions = new[] { new { kind = "hand_off" } } })),
        ["GET /api/automation/rules/{id:guid}"] = Found(AutomationManage, w => new($"/api/automation/rules/{w.RuleId}")),
        ["PATCH /api/automation/rules/{id:guid}"] = Found(AutomationManage, w => new($"/api/automation/rules/{w.RuleId}", new { enabled = false })),
        ["DELETE /api/automation/rules/{id:guid}"] = Found(AutomationManage, w => new($"/api/automation/rules/{w.RuleId}")),
        ["PUT /api/automation/rules/order"] = Scoped(AutomationManage, w => new("/api/automation/rules/order", new { ruleIds = new[] { w.RuleId } })),
        ["GET /api/automation/executions"] = Scoped(AutomationManage, w => new($"/api/automation/executions?conversationId={w.ConversationId}")),
        ["GET /api/macros"] = Scoped(MacrosRun, _ => new("/api/macros")),
        ["GET /api/macros/{id:guid}"] = Found(MacrosRun, w => new($"/api/macros/{w.MacroId}")),
        ["POST /api/macros"] = Scoped(MacrosManage, _ => new("/api/macros", new { name = "B's macro", actions = new[] { new { kind = "hand_off" } } })),
        ["PATCH /api/macros/{id:guid}"] = Found(MacrosManage, w => new($"/api/macros/{w.MacroId}", new { name = "Taken" })),
        ["DELETE /api/macros/{id:guid}"] = Found(MacrosManage, w => new($"/api/macros/{w.MacroId}")),
        ["POST /api/conversations/{id:guid}/macros/{macroId:guid}"] = Found(MacrosRun, w => new($"/api/conversations/{w.ConversationId}/macros/{w.MacroId}")),
        ["GET /api/sla-policies"] = Scoped(SlaManage, _ => new("/api/sla-policies")),
        ["POST /api/sla-policies"] = Scoped(SlaManage, _ => new("/api/sla-policies", new { name = "B's policy", firstResponseMinutes = 30 })),
        ["GET /api/sla-policies/{id:guid}"] = Found(SlaManage, w => new($"/api/sla-policies/{w.SlaPolicyId}")),
        ["PUT /api/sla-policies/{id:guid}"] = Found(SlaManage, w => new($"/api/sla-policies/{w.SlaPolicyId}", new { name = "Taken", firstResponseMinutes = 5 })),
        ["DELETE /api/sla-policies/{id:guid}"] = Found(SlaManage, w => new($"/api/sla-policies/{w.SlaPolicyId}")),

        // The business's plan.
        ["GET /api/subscription"] = Scoped(BillingManage, _ => new("/api/subscription")),
        ["GET /api/subscription/invoices"] = Scoped(BillingManage, _ => new("/api/subscription/invoices")),
        ["POST /api/subscription/checkout"] = Scoped(BillingManage, _ => new("/api/subscription/checkout", new { plan = "professional" })),
        ["POST /api/subscription/upgrade"] = Scoped(BillingManage, _ => new("/api/subscription/upgrade", new { plan = "professional" })),
        ["POST /api/subscription/cancel"] = Scoped(BillingManage, _ => new("/api/subscription/cancel")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The POST, PUT, PATCH and DELETE routes a viewer may still call: their own account's, and previews.</summary>
    public static IEnumerable<string> ViewerWrites =>
        Routes.Where(r => IsWrite(r.Key) && (r.Value.Access == RouteAccess.OwnAccount || r.Value.ChangesNothing)).Select(r => r.Key).Order(StringComparer.Ordinal);

    public static bool IsWrite(string key) => key.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE";

    private static RouteCase Anonymous() => new(RouteAccess.Anonymous, null, null, CrossTenant.Skip);

    private static RouteCase Platform(Func<TenantWorld, RouteRequest> request) => new(RouteAccess.Platform, null, request, CrossTenant.Refused);

    private static RouteCase OrleansDashboard(string path) => new(RouteAccess.OrleansDashboard, null, _ => new(path), CrossTenant.Refused);

    private static RouteCase OwnAccount(Func<TenantWorld, RouteRequest>? request = null) =>
        new(RouteAccess.OwnAccount, null, request, request is null ? CrossTenant.Skip : CrossTenant.NotFound);

    /// <summary>A route naming A's resources: B gets 404.</summary>
    private static RouteCase Found(string permission, Func<TenantWorld, RouteRequest> request, bool changesNothing = false) =>
        new(RouteAccess.Permission, permission, request, CrossTenant.NotFound, changesNothing);

    /// <summary>A route naming no resource: B sees only its own business.</summary>
    private static RouteCase Scoped(string permission, Func<TenantWorld, RouteRequest> request) =>
        new(RouteAccess.Permission, permission, request, CrossTenant.NoLeak);
}
