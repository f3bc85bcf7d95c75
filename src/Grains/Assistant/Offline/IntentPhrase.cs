namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Words that express an intent. A phrase of <see cref="CustomerIntent.Unknown"/> expresses nothing but keeps its
/// words from being read as another phrase ("cancellation policy" is not a cancellation).
/// </summary>
internal sealed record IntentPhrase(IReadOnlyList<string> Words, CustomerIntent Intent, PhraseScope Scope);
