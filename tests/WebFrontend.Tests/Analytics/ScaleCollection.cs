namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>The scale tests, on their own database so its million rows slow no other collection's queries.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleCollection : ICollectionFixture<ScaleFixture>
{
    public const string Name = "analytics-scale";
}
