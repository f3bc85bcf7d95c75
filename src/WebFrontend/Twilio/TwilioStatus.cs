using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.Twilio;

/// <param name="BusinessNumber">Our number the message left from, E.164.</param>
/// <param name="CustomerNumber">The customer's number, E.164.</param>
public sealed record TwilioStatus(
    string MessageSid, string BusinessNumber, string CustomerNumber, DeliveryState State, string? ErrorCode, string? ErrorMessage);
