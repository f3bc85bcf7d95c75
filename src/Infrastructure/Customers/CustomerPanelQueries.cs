using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Customers;

public sealed class CustomerPanelQueries(TenantDatabase database, CustomerDirectory customers)
{
    /// <summary>The panel for the customer of a conversation of this business.</summary>
    public async Task<CustomerPanel> ReadAsync(Guid businessId, Guid conversationId, string customerWaId, CancellationToken cancellationToken)
    {
        var customer = await customers.FindByWaIdAsync(businessId, customerWaId, cancellationToken);
        var bookings = new List<PanelBooking>();
        var value = new List<MoneyAmount>();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        if (customer is not null)
        {
            await using var command = new NpgsqlCommand("""
                SELECT b.id, b.service_id, s.name, b.starts_at, b.status, s.price_minor, s.currency
                FROM bookings b JOIN services s ON s.id = b.service_id
                WHERE b.business_id = @b AND b.customer_id = @customer
                ORDER BY b.starts_at DESC LIMIT 20;
                SELECT sum(s.price_minor)::bigint, s.currency
                FROM bookings b JOIN services s ON s.id = b.service_id
                WHERE b.business_id = @b AND b.customer_id = @customer AND b.status = 'completed'
                GROUP BY s.currency ORDER BY s.currency
                """, connection);
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("customer", customer.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                bookings.Add(new PanelBooking(
                    reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetString(4), reader.GetInt64(5), reader.GetString(6).Trim()));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                value.Add(new MoneyAmount(reader.GetInt64(0), reader.GetString(1).Trim()));
            }
        }

        var handledBy = new List<Guid>();
        await using (var history = new NpgsqlCommand("""
            SELECT employee FROM (
                SELECT coalesce(to_employee, from_employee) AS employee, max(id) AS latest
                FROM conversation_assignments
                WHERE business_id = @b AND conversation_id = @conversation AND coalesce(to_employee, from_employee) IS NOT NULL
                GROUP BY coalesce(to_employee, from_employee)) h
            ORDER BY latest DESC
            """, connection))
        {
            history.Parameters.AddWithValue("b", businessId);
            history.Parameters.AddWithValue("conversation", conversationId);
            await using var reader = await history.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                handledBy.Add(reader.GetGuid(0));
            }
        }

        return new CustomerPanel(customer, bookings, value, handledBy);
    }
}
