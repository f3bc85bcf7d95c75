namespace Conversations.Infrastructure.Channels;

/// <summary>A channel's credentials. Only ever stored protected (<see cref="ChannelSecretProtector"/>).</summary>
/// <param name="AccessToken">Meta: the system user's access token for the Graph API.</param>
/// <param name="AppSecret">Meta: the app secret webhooks are signed with.</param>
/// <param name="AuthToken">Twilio: the account's auth token (API calls and webhook signatures).</param>
public sealed record ChannelSecrets(string? AccessToken = null, string? AppSecret = null, string? AuthToken = null);
