using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Routing;
using CalaisReturns.Flights.Scheduling;
using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;

namespace CalaisReturns.Tests.Flights.Routing;

/// <summary>
/// A flight stored before flights had stops (the fixture holds its rows as they were stored) is read by today's code as
/// a two-stop flight: the write model, the schedule and the finance facts; its manifest entries board at the departure
/// and leave at the destination. A stop added after the upgrade changes it from then on, and replaying it as of an
/// instant before the change shows the route as it was.
/// </summary>
public class LegacyRouteTests : IAsyncLifetime
{
    private readonly string schema = "t_route_" + Guid.NewGuid().ToString("N")[..8];
    private DocumentStore store = null!;

    public async Task InitializeAsync()
    {
        store = DocumentStore.For(o =>
        {
            o.Connection(AppFixture.ConnectionString);
            o.DatabaseSchemaName = schema;
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.ConfigureFlights(new ManifestRules());
            o.ConfigureFinance();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        store.Dispose();
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Writes the fixture's rows as they were stored, with no code of today's in between.</summary>
    private async Task<Guid> StoreFixture()
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory,
            "Flights", "Routing", "Fixtures", "single-route-flight.json")))!;
        var stream = Guid.Parse(fixture["streamId"]!.GetValue<string>());
        var events = fixture["events"]!.AsArray();
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using (var streamRow = new NpgsqlCommand(
            $"insert into {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) " +
            "values ($1, 'flight', $2, $3, $3, '*DEFAULT*', false)", connection))
        {
            streamRow.Parameters.AddWithValue(stream);
            streamRow.Parameters.AddWithValue((long)events.Count);
            streamRow.Parameters.AddWithValue(DateTimeOffset.Parse(events[^1]!["timestamp"]!.GetValue<string>()));
            await streamRow.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < events.Count; i++)
        {
            await using var row = new NpgsqlCommand(
                $"insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) " +
                $"values (nextval('{schema}.mt_events_sequence'), $1, $2, $3, $4::jsonb, $5, $6, '*DEFAULT*', null, false)", connection);
            row.Parameters.AddWithValue(Guid.CreateVersion7());
            row.Parameters.AddWithValue(stream);
            row.Parameters.AddWithValue((long)i + 1);
            row.Parameters.AddWithValue(events[i]!["data"]!.ToJsonString());
            row.Parameters.AddWithValue(events[i]!["type"]!.GetValue<string>());
            row.Parameters.AddWithValue(DateTimeOffset.Parse(events[i]!["timestamp"]!.GetValue<string>()));
            await row.ExecuteNonQueryAsync();
        }

        return stream;
    }

    [Fact]
    public async Task A_flight_stored_with_one_route_is_read_as_two_stops_and_replays_as_it_stood_before_a_stop_was_added()
    {
        var id = await StoreFixture();
        var (departure, destination) = (FlightRoute.PlannedStopId(id, 0), FlightRoute.PlannedStopId(id, 1));

        await using (var session = store.QuerySession())
        {
            var flight = (await session.Events.AggregateStreamAsync<Flight>(id))!;
            Assert.Equal([("STN", StopKind.Departure, null), ("TIA", StopKind.DropOff, "AL")],
                flight.Stops.Select(s => (s.Airport, s.Kind, s.CountryOfReturn)));
            Assert.Equal([State.UK, State.FR], flight.Stops[0].States);
            Assert.Equal([(departure, destination), (departure, destination)],
                flight.Manifest.Select(m => (m.BoardingStopId, m.DropOffStopId)));

            var schedule = (await session.Events.AggregateStreamAsync<FlightSchedule>(id))!;
            Assert.Equal([departure, destination], schedule.Stops.Select(s => s.StopId));
            Assert.Equal(["AL"], schedule.CountriesOfReturn);
            Assert.Equal([("STN", "TIA", 2)], schedule.Legs.Select(l => (l.From, l.To, l.Returnees)));

            var ledger = (await session.Events.AggregateStreamAsync<FlightLedger>(id))!;
            Assert.Equal("AL", ledger.Facts.CountryOfReturn);
        }

        // After the upgrade the lead planner adds a pick-up at Lille for France; the stored entries keep their stops.
        var before = DateTimeOffset.Parse("2026-06-01T00:00:00+00:00");
        await using (var session = store.LightweightSession())
        {
            var flight = (await session.Events.AggregateStreamAsync<Flight>(id))!;
            var added = RouteChanges.Add(new AddStop("LIL", StopKind.PickUp, flight.ScheduledDeparture.AddHours(2), departure,
                "French cases board at Lille", [State.FR]), flight, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
            Assert.Null(added.Refusal);
            session.Events.Append(id, added.Events.ToArray());
            await session.SaveChangesAsync();
        }

        await using (var session = store.QuerySession())
        {
            var now = (await session.Events.AggregateStreamAsync<FlightSchedule>(id))!;
            Assert.Equal(["STN", "LIL", "TIA"], now.Stops.Select(s => s.Airport));
            Assert.Equal([departure, departure], now.Manifest.Select(m => m.BoardingStopId));
            var then = (await session.Events.AggregateStreamAsync<FlightSchedule>(id, timestamp: before))!;
            Assert.Equal(["STN", "TIA"], then.Stops.Select(s => s.Airport));
            Assert.Equal(5, then.Version);
        }
    }
}
