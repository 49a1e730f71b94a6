using Npgsql;

namespace CalaisReturns.Tests.Faults;

/// <summary>What the fault tests watch: a number in the database, and a condition that must come true in time.</summary>
internal static class Waits
{
    public static async Task<long> Scalar(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task Until(Func<Task<bool>> condition, string failure, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }

    /// <summary>A session of the test's own that holds a flight's stream row, so that any append to it waits.</summary>
    public static async Task HoldStream(this NpgsqlConnection connection, string schema, Guid streamId)
    {
        await using var hold = new NpgsqlCommand($"begin; select 1 from {schema}.mt_streams where id = @id for update", connection);
        hold.Parameters.AddWithValue("id", streamId);
        await hold.ExecuteNonQueryAsync();
    }

    public static async Task Release(this NpgsqlConnection connection)
    {
        await using var release = new NpgsqlCommand("rollback", connection);
        await release.ExecuteNonQueryAsync();
    }

    /// <summary>Another session waits for this one's lock: the work under test has reached the held row.</summary>
    public static async Task<bool> SomeoneWaits(this NpgsqlConnection connection) =>
        await connection.Scalar("select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))") > 0;
}
