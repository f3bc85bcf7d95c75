namespace Conversations.Infrastructure.Activity;

/// <summary>The actions the activity log records, named <c>area.verb</c>.</summary>
public static class ActivityActions
{
    public const string LoggedIn = "auth.login";
    public const string LoginFailed = "auth.login_failed";
    public const string SettingsUpdated = "settings.updated";
    public const string WhatsAppTestMessageSent = "whatsapp.test_message";
    public const string ConversationTakenOver = "conversation.taken_over";
    public const string ConversationReleased = "conversation.released";
    public const string MediaUploaded = "media.uploaded";
    public const string MediaDeleted = "media.deleted";
    public const string EmployeeInvited = "employee.invited";
    public const string EmployeeRoleChanged = "employee.role_changed";
    public const string EmployeeDeactivated = "employee.deactivated";
    public const string CustomersExported = "customers.exported";
    public const string CustomerDataExported = "customer.data_exported";
}
