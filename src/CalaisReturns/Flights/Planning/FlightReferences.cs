using Npgsql;
using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;
using Weasel.Postgresql.Tables;

namespace CalaisReturns.Flights.Planning;

/// <summary>
/// Hands out the human flight references <c>RF-{year}-{nnnn}</c>, numbered from 1 each year
/// without gaps. The counter row is incremented inside the session's own transaction, so a plan
/// that is refused or rolled back gives its number back, and concurrent plans queue on the row
/// lock instead of failing.
/// </summary>
public static class FlightReferences
{
    private const string TableName = "flight_reference_counter";

    public static void AddCounterTable(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, IdentifierUsage.General));
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static async Task<string> NextAsync(IDocumentSession session, int year, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var schema = session.DocumentStore.Options.Schema.DatabaseSchemaName;
        await using var command = new NpgsqlCommand(
            $"""
            insert into {schema}.{TableName} as c (year, last_number) values (@year, 1)
            on conflict (year) do update set last_number = c.last_number + 1
            returning last_number
            """,
            (NpgsqlConnection)session.Connection!);
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(year, number);
    }

    public static string Format(int year, int number) => $"RF-{year}-{number:0000}";
}
