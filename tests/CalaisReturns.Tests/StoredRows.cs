using Npgsql;

namespace CalaisReturns.Tests;

/// <summary>Searches what the app stored: every table of the test's schema and of Hangfire's.</summary>
internal static class StoredRows
{
    /// <summary>Rows of every table in the test schema whose text contains the needle, by table (events by type).</summary>
    public static async Task<Dictionary<string, long>> Containing(AppFixture app, string needle)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        // The application's schema (events, documents, Wolverine) and Hangfire's.
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_schema || '.' || table_name from information_schema.tables "
            + "where table_schema in (@schema, @schema || '_hangfire') and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", app.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.EndsWith("_hangfire.job"));
        var found = new Dictionary<string, long>();
        foreach (var qualified in tables)
        {
            var table = qualified[(qualified.IndexOf('.') + 1)..];
            var filter = table == "mt_events" ? "t.type" : "'row'";
            await using var count = new NpgsqlCommand(
                $"select {filter}, count(*) from {qualified} t where t::text ilike @needle group by 1", connection);
            count.Parameters.AddWithValue("needle", $"%{needle}%");
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found[table == "mt_events" ? $"mt_events:{reader.GetString(0)}" : table] = reader.GetInt64(1);
            }
        }

        return found;
    }
}
