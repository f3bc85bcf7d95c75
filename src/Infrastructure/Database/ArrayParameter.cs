using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Database;

/// <summary>An array parameter, for writing many rows in one statement with <c>unnest</c>.</summary>
public static class ArrayParameter
{
    public static NpgsqlParameter Of<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
