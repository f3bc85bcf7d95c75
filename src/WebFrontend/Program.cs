using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Conversations.Infrastructure.Hosting;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Analytics;
using Conversations.WebFrontend.Assistant;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Automation;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Businesses;
using Conversations.WebFrontend.Calendar;
using Conversations.WebFrontend.Conversations;
using Conversations.WebFrontend.Customers;
using Conversations.WebFrontend.Dashboard;
using Conversations.WebFrontend.Employees;
using Conversations.WebFrontend.Health;
using Conversations.WebFrontend.Hosting;
using Conversations.WebFrontend.Integrations;
using Conversations.WebFrontend.Knowledge;
using Conversations.WebFrontend.Media;
using Conversations.WebFrontend.OpenApi;
using Conversations.WebFrontend.Outbox;
using Conversations.WebFrontend.Platform;
using Conversations.WebFrontend.Payments;
using Conversations.WebFrontend.Plans;
using Conversations.WebFrontend.PromptTemplates;
using Conversations.WebFrontend.Realtime;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Services;
using Conversations.WebFrontend.Settings;
using Conversations.WebFrontend.Twilio;
using Conversations.WebFrontend.Voice;
using Conversations.WebFrontend.WhatsApp;
using Conversations.WebFrontend.Workspace;

var builder = WebApplication.CreateBuilder(args);

builder.AddConversationsPlatform();
builder.AddConversationsTelemetry(
    "conversations-frontend",
    tracing => tracing.AddAspNetCoreInstrumentation(),
    metrics => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter());
builder.AddConversationsCluster();
builder.AddConversationsWeb();
builder.Services.AddConversationsApiKeys();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDashboard();
app.UseAuthentication();
app.UseApiKeyScopes();
app.UseTwoFactorSetupGate();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthApi();
app.MapApiDocumentation();
app.MapMetrics();
app.MapAuthApi();
app.MapTwoFactorApi();
app.MapPlatformApi();
app.MapOrleansDashboardForAdministrators();
app.MapSessionsApi();
app.MapPasswordApi();
app.MapEmailVerificationApi();
app.MapBusinessesApi();
app.MapEmployeesApi();
app.MapRolesApi();
app.MapWhatsAppWebhook();
app.MapTwilioWebhook();
app.MapConversationsApi();
app.MapHandlingApi();
app.MapSeedHandlingRoutes();
app.MapNotesApi();
app.MapCannedResponsesApi();
app.MapNotificationsApi();
app.MapPresenceApi();
app.MapRatingsApi();
app.MapWebPushApi();
app.MapWorkspaceSettingsApi();
app.MapSettingsApi();
app.MapMessagesApi();
app.MapOutboxApi();
app.MapMediaApi();
app.MapWhatsAppSettingsApi();
app.MapCustomersApi();
app.MapServicesApi();
app.MapBookingsApi();
app.MapAvailabilityApi();
app.MapCalendarApi();
app.MapKnowledgeApi();
app.MapPromptTemplatesApi();
app.MapAssistantApi();
app.MapAnalyticsApi();
app.MapVoiceApi();
app.MapPaymentsApi();
app.MapStripeWebhook();
app.MapPlansApi();
app.MapSubscriptionApi();
app.MapWebhooksApi();
app.MapApiKeysApi();
app.MapActivityApi();
app.MapAutomationRulesApi();
app.MapMacrosApi();
app.MapSlaPoliciesApi();
app.MapHub<ConversationsHub>(ConversationsHub.Path);

app.Run();

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
