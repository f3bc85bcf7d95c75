using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>
/// The hub across businesses: a connection's groups come from its token alone, so a client of business B never
/// receives A's events, and the one method that names a conversation refuses A's.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class HubIsolationTests(IsolationFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private TenantWorld World => fixture.World;

    [Fact]
    public void The_hub_offers_no_way_to_name_a_group_and_every_method_is_classified()
    {
        var methods = typeof(ConversationsHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(ConversationsHub) && !m.IsSpecialName)
            .ToDictionary(m => m.Name, m => m.GetParameters().Select(p => p.ParameterType).ToArray());

        // Heartbeat and SetAway are the caller's own presence; Typing names a conversation, checked against the caller's business.
        Assert.Equal(["Heartbeat", "SetAway", "Typing"], methods.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([typeof(Guid)], methods["Typing"]);
        Assert.DoesNotContain(methods.Values.SelectMany(p => p), type => type == typeof(string));
    }

    [Fact]
    public async Task A_client_of_another_business_receives_none_of_our_events_and_cannot_type_in_our_conversations()
    {
        await using var ours = await fixture.App.ConnectHubAsync(World.Owner.AccessToken);
        await using var viewer = await fixture.App.ConnectHubAsync(World.Viewer.AccessToken);
        await using var theirs = await fixture.App.ConnectHubAsync(World.OtherOwner.AccessToken);
        var ourEvents = Record(ours);
        var viewerEvents = Record(viewer);
        var theirEvents = Record(theirs);

        // A's customer writes, A's owner types and writes a note mentioning the viewer.
        var waId = "34688" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.App.CustomerWritesAsync(fixture.TenantA, waId, $"wamid.{Guid.NewGuid():N}", $"Otra vez {World.Marker}");
        var conversation = ConversationIds.For(World.BusinessId, waId);
        await ours.InvokeAsync("Typing", conversation);
        using (var a = fixture.Client(World.Owner.AccessToken))
        using (var note = await a.PostAsync("/api/notes", System.Net.Http.Json.JsonContent.Create(new { conversationId = conversation, body = $"Psst {World.Marker}", mentions = new[] { World.ViewerId } })))
        {
            note.EnsureSuccessStatusCode();
        }

        await ExpectAsync(ourEvents, "MessageAdded", conversation);
        await ExpectAsync(ourEvents, "NoteAdded", conversation);
        await ExpectAsync(viewerEvents, "Notification", conversation);

        // B may not type in A's conversation, and neither may A's viewer (who may not reply).
        var refused = await Assert.ThrowsAsync<HubException>(() => theirs.InvokeAsync("Typing", conversation));
        Assert.Contains("No such conversation", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync("Typing", conversation));

        // B's own customer writes: B's client is live and gets B's message, and nothing of A's came before it.
        var theirWaId = "34677" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.App.CustomerWritesAsync(fixture.TenantB, theirWaId, $"wamid.{Guid.NewGuid():N}", "B's own");
        await ExpectAsync(theirEvents, "MessageAdded", ConversationIds.For(fixture.TenantB.BusinessId, theirWaId));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var secrets = World.Secrets.Append(conversation.ToString()).ToList();
        var leaked = theirEvents.Log.Where(e => secrets.Any(s => e.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaked.Count == 0, $"B's client received A's events:\n{string.Join("\n", leaked)}");
        Assert.DoesNotContain(theirEvents.Log, e => e.StartsWith("Typing", StringComparison.Ordinal) || e.StartsWith("NoteAdded", StringComparison.Ordinal));

        // A's typing reached A (from the owner's call) and never the refused calls.
        Assert.Single(ourEvents.Log, e => e.StartsWith("Typing", StringComparison.Ordinal));
    }

    private static async Task ExpectAsync(Recorder recorder, string name, Guid conversation)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var received = await recorder.Events.Reader.ReadAsync(timeout.Token);
            if (received.StartsWith(name, StringComparison.Ordinal) && received.Contains(conversation.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }

    /// <summary>Records every event the hub may send (all of <see cref="IConversationsClient"/>) as "Name [arguments as JSON]".</summary>
    private static Recorder Record(HubConnection connection)
    {
        var recorder = new Recorder();
        foreach (var method in typeof(IConversationsClient).GetMethods().Where(m => m.Name != nameof(IConversationsClient.Ready)))
        {
            var types = method.GetParameters().Select(_ => typeof(JsonElement)).ToArray();
            connection.On(method.Name, types, (arguments, _) =>
            {
                var entry = $"{method.Name} {JsonSerializer.Serialize(arguments)}";
                recorder.Log.Enqueue(entry);
                recorder.Events.Writer.TryWrite(entry);
                return Task.CompletedTask;
            }, recorder);
        }

        return recorder;
    }

    private sealed class Recorder
    {
        public ConcurrentQueue<string> Log { get; } = new();

        public Channel<string> Events { get; } = Channel.CreateUnbounded<string>();
    }
}
