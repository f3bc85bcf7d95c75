namespace Conversations.Grains.Assistant.Offline;

/// <summary>Where an intent phrase counts: some words only mean the intent when they are said on their own ("morning!", "k").</summary>
internal enum PhraseScope
{
    Anywhere = 0,

    /// <summary>The phrase is the whole first clause: "morning, can I book?" greets, "morning slots?" does not.</summary>
    FirstClause = 1,

    /// <summary>The phrase is the whole message.</summary>
    WholeMessage = 2,
}
