namespace Conversations.Grains.Businesses;

/// <summary>Whether a business is open, by its opening hours in its own time zone.</summary>
public interface IBusinessHours
{
    Task<OpeningStatus> GetStatusAsync(Guid businessId, DateTimeOffset at, CancellationToken cancellationToken);
}
