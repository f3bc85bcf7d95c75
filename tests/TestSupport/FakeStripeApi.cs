using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Conversations.TestSupport;

/// <summary>
/// The Stripe API endpoints we use, as documented: form-encoded requests with bracketed keys
/// (<c>metadata[booking_id]</c>), bearer secret key, JSON objects in answer, and idempotency: a request repeating
/// an <c>Idempotency-Key</c> gets the first answer again. Checkout Sessions, Refunds, Customers and
/// Subscriptions; tests play the customer with <see cref="CompletePayment"/> and <see cref="CompleteSubscription"/>.
/// </summary>
public sealed class FakeStripeApi : FakeProviderServer
{
    public const string SecretKey = "sk_test_fake_platform_key";

    private readonly Lock gate = new();
    private readonly Dictionary<string, (int Status, string Body)> replays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> intents = new(StringComparer.Ordinal);
    private readonly List<string> idempotencyKeys = [];
    private int counter;

    /// <summary>Every Idempotency-Key received, in order (repeats included).</summary>
    public IReadOnlyList<string> IdempotencyKeys
    {
        get
        {
            lock (gate)
            {
                return idempotencyKeys.ToList();
            }
        }
    }

    public int SessionCount
    {
        get
        {
            lock (gate)
            {
                return sessions.Count;
            }
        }
    }

    public JsonObject Session(string id)
    {
        lock (gate)
        {
            return (JsonObject)sessions[id].DeepClone();
        }
    }

    public JsonObject Subscription(string id)
    {
        lock (gate)
        {
            return (JsonObject)subscriptions[id].DeepClone();
        }
    }

    /// <summary>The customer pays the session: it is complete and paid, with a payment intent for the amount. Returns the session.</summary>
    public JsonObject CompletePayment(string sessionId)
    {
        lock (gate)
        {
            var session = sessions[sessionId];
            var intent = NextId("pi");
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["payment_intent"] = intent;
            intents[intent] = session["amount_total"]!.GetValue<long>();
            return (JsonObject)session.DeepClone();
        }
    }

    /// <summary>The owner pays a subscription's Checkout: the subscription starts for a month. Returns the session.</summary>
    public JsonObject CompleteSubscription(string sessionId)
    {
        lock (gate)
        {
            var session = sessions[sessionId];
            var id = NextId("sub");
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            subscriptions[id] = new JsonObject
            {
                ["id"] = id,
                ["object"] = "subscription",
                ["customer"] = session["customer"]?.GetValue<string>(),
                ["status"] = "active",
                ["cancel_at_period_end"] = false,
                ["created"] = now,
                ["start_date"] = now,
                ["metadata"] = session["subscription_metadata"]!.DeepClone(),
                ["items"] = new JsonObject
                {
                    ["object"] = "list",
                    ["data"] = new JsonArray(new JsonObject
                    {
                        ["id"] = NextId("si"),
                        ["object"] = "subscription_item",
                        ["price"] = new JsonObject { ["id"] = session["price"]!.GetValue<string>(), ["object"] = "price" },
                        ["quantity"] = 1,
                        ["current_period_start"] = now,
                        ["current_period_end"] = now + 30 * 86_400,
                        ["subscription"] = id,
                    }),
                    ["has_more"] = false,
                    ["url"] = $"/v1/subscription_items?subscription={id}",
                },
            };
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["subscription"] = id;
            return (JsonObject)session.DeepClone();
        }
    }

    protected override async Task AnswerAsync(HttpContext context, string body)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await ErrorAsync(context, 401, "authentication_error", "Invalid API Key provided.");
            return;
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0)
        {
            lock (gate)
            {
                idempotencyKeys.Add(key);
            }
        }

        (int Status, string Body)? replay = null;
        lock (gate)
        {
            if (key.Length > 0 && replays.TryGetValue(key, out var seen))
            {
                replay = seen;
            }
        }

        if (replay is { } answer)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            await WriteAsync(context, answer.Status, answer.Body);
            return;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var (status, json) = Route(request.Method, request.Path.Value!, form);
        if (key.Length > 0 && request.Method == "POST")
        {
            lock (gate)
            {
                replays[key] = (status, json);
            }
        }

        await WriteAsync(context, status, json);
    }

    private (int Status, string Body) Route(string method, string path, IFormCollection? form)
    {
        var segments = path.Trim('/').Split('/');
        lock (gate)
        {
            return (method, segments) switch
            {
                ("POST", ["v1", "checkout", "sessions"]) => (200, CreateSession(form!).ToJsonString()),
                ("POST", ["v1", "refunds"]) => CreateRefund(form!),
                ("POST", ["v1", "customers"]) => (200, new JsonObject
                {
                    ["id"] = NextId("cus"),
                    ["object"] = "customer",
                    ["name"] = form!["name"].ToString(),
                    ["email"] = form["email"].ToString(),
                    ["metadata"] = Nested(form, "metadata"),
                }.ToJsonString()),
                ("GET", ["v1", "subscriptions", var id]) => subscriptions.TryGetValue(id, out var found)
                    ? (200, found.ToJsonString())
                    : Error(404, "invalid_request_error", $"No such subscription: '{id}'"),
                ("POST", ["v1", "subscriptions", var id]) => subscriptions.TryGetValue(id, out var found)
                    ? (200, UpdateSubscription(found, form!).ToJsonString())
                    : Error(404, "invalid_request_error", $"No such subscription: '{id}'"),
                _ => Error(404, "invalid_request_error", $"Unrecognized request URL ({method}: {path})."),
            };
        }
    }

    private JsonObject CreateSession(IFormCollection form)
    {
        var id = NextId("cs_test");
        var mode = form["mode"].ToString();
        long? amount = long.TryParse(form["line_items[0][price_data][unit_amount]"], out var unit)
            ? unit * (long.TryParse(form["line_items[0][quantity]"], out var quantity) ? quantity : 1)
            : null;
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = mode,
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
            ["client_reference_id"] = Value(form, "client_reference_id"),
            ["customer"] = Value(form, "customer"),
            ["currency"] = Value(form, "line_items[0][price_data][currency]") ?? (mode == "subscription" ? "eur" : null),
            ["amount_total"] = amount,
            ["amount_subtotal"] = amount,
            ["metadata"] = Nested(form, "metadata"),
            ["success_url"] = Value(form, "success_url"),
            ["cancel_url"] = Value(form, "cancel_url"),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["expires_at"] = long.TryParse(form["expires_at"], out var expires) ? expires : DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["payment_intent"] = null,
            ["subscription"] = null,
        };
        sessions[id] = session;

        // Kept for CompleteSubscription; Stripe keeps them on the session's line items and subscription_data.
        session["price"] = Value(form, "line_items[0][price]");
        session["subscription_metadata"] = Nested(form, "subscription_data[metadata]");
        session["product_name"] = Value(form, "line_items[0][price_data][product_data][name]");
        return session;
    }

    private (int, string) CreateRefund(IFormCollection form)
    {
        var intent = form["payment_intent"].ToString();
        if (!intents.TryGetValue(intent, out var paid))
        {
            return Error(400, "invalid_request_error", $"No such payment_intent: '{intent}'");
        }

        return (200, new JsonObject
        {
            ["id"] = NextId("re"),
            ["object"] = "refund",
            ["amount"] = long.TryParse(form["amount"], out var amount) ? amount : paid,
            ["currency"] = "eur",
            ["payment_intent"] = intent,
            ["reason"] = Value(form, "reason"),
            ["status"] = "succeeded",
            ["metadata"] = Nested(form, "metadata"),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }.ToJsonString());
    }

    private static JsonObject UpdateSubscription(JsonObject subscription, IFormCollection form)
    {
        if (form.TryGetValue("cancel_at_period_end", out var cancel))
        {
            subscription["cancel_at_period_end"] = cancel.ToString() == "true";
        }

        if (Value(form, "items[0][price]") is { } price)
        {
            var item = subscription["items"]!["data"]![0]!;
            if (Value(form, "items[0][id]") != item["id"]!.GetValue<string>())
            {
                throw new InvalidOperationException("The subscription item to change is not the subscription's.");
            }

            item["price"] = new JsonObject { ["id"] = price, ["object"] = "price" };
        }

        var metadata = (JsonObject)subscription["metadata"]!;
        foreach (var (key, value) in Nested(form, "metadata"))
        {
            metadata[key] = value?.DeepClone();
        }

        return (JsonObject)subscription.DeepClone();
    }

    private static string? Value(IFormCollection form, string key) => form.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    /// <summary>The entries <c>prefix[key]=value</c> of a form as an object.</summary>
    private static JsonObject Nested(IFormCollection form, string prefix)
    {
        var nested = new JsonObject();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.EndsWith(']') && key.IndexOf('[', prefix.Length + 1) < 0)
            {
                nested[key[(prefix.Length + 1)..^1]] = value.ToString();
            }
        }

        return nested;
    }

    private string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref counter):D6}{Guid.NewGuid():N}"[..(prefix.Length + 25)];

    private static (int, string) Error(int status, string type, string message) =>
        (status, JsonSerializer.Serialize(new { error = new { type, message } }));

    private static Task ErrorAsync(HttpContext context, int status, string type, string message)
    {
        var (code, body) = Error(status, type, message);
        return WriteAsync(context, code, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
