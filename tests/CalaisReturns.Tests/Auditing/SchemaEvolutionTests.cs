using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using JasperFx;
using Marten;
using Marten.Services.Json.Transformations.SystemTextJson;
using Npgsql;
using Weasel.Core;

namespace CalaisReturns.Tests.Auditing;

/// <summary>
/// Stored history is never migrated in place. An event renamed and reshaped since it was stored is
/// read through an upcaster; a field added since is read as absent. Two stores on one schema play
/// the old and the current version of the application.
/// </summary>
public class SchemaEvolutionTests : IAsyncLifetime
{
    /// <summary>How an earlier version of the application called a cancellation, and what it stored.</summary>
    public sealed record FlightCalledOff(Guid FlightId, string Why, DateTimeOffset At);

    /// <summary>A cost as stored before cost lines could carry a reason.</summary>
    public sealed record CostRecordedV1(Guid FlightId, Guid LineId, CostCategory Category, string Description, Money Amount,
        State PaidBy, bool Shared, string InvoiceReference, DateTimeOffset RecordedAt);

    private readonly string schema = "t_evo_" + Guid.NewGuid().ToString("N")[..8];

    private DocumentStore Store(Action<StoreOptions> version) => DocumentStore.For(o =>
    {
        o.Connection(AppFixture.ConnectionString);
        o.DatabaseSchemaName = schema;
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        o.AutoCreateSchemaObjects = AutoCreate.All;
        version(o);
    });

    [Fact]
    public async Task Old_event_names_and_shapes_are_still_read_without_migrating_the_stored_history()
    {
        var flight = Guid.CreateVersion7();
        var at = new DateTimeOffset(2014, 8, 1, 9, 0, 0, TimeSpan.Zero);
        using (var old = Store(o =>
               {
                   o.Events.MapEventType<FlightCalledOff>("flight_called_off");
                   o.Events.MapEventType<CostRecordedV1>("cost_recorded");
               }))
        {
            await using var session = old.LightweightSession();
            session.Events.StartStream(flight,
                new FlightPlanned(flight, "RF-2014-0007", State.UK, [State.UK, State.FR], "AL", "STN", "TIA", at.AddDays(20), at),
                new CostRecordedV1(flight, Guid.CreateVersion7(), CostCategory.Charter, "Charter", new Money(100m, Currency.GBP),
                    State.UK, true, "INV-1", at),
                new FlightCalledOff(flight, "Landing permission withdrawn", at.AddDays(1)));
            await session.SaveChangesAsync();
        }

        using var current = Store(o =>
        {
            o.ConfigureFlights(new ManifestRules());
            o.ConfigureFinance();
            o.Events.Upcast<FlightCancelled>("flight_called_off", JsonTransformations.Upcast(doc => new FlightCancelled(
                doc.RootElement.GetProperty("FlightId").GetGuid(),
                doc.RootElement.GetProperty("Why").GetString()!,
                doc.RootElement.GetProperty("At").GetDateTimeOffset())));
        });
        await using (var session = current.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(flight);
            Assert.Equal(new FlightCancelled(flight, "Landing permission withdrawn", at.AddDays(1)), events[2].Data);
            Assert.Null(Assert.IsType<CostRecorded>(events[1].Data).Reason);
            Assert.Equal(FlightStatus.Cancelled, (await session.Events.AggregateStreamAsync<Flight>(flight))!.Status);
        }

        // New events are written under the current name; the old rows keep theirs.
        await using (var session = current.LightweightSession())
        {
            session.Events.Append(Guid.CreateVersion7(), new FlightPlanned(Guid.NewGuid(), "RF-2026-0001", State.UK, [State.UK],
                "AL", "STN", "TIA", at, at), new FlightCancelled(flight, "x", at));
            await session.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var names = new NpgsqlCommand(
            $"select string_agg(type, ',' order by seq_id) from {schema}.mt_events where type like 'flight_ca%'", connection);
        Assert.Equal("flight_called_off,flight_cancelled", await names.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_as_of_report_finds_its_flights_under_whatever_names_the_store_maps_their_planning_events_to()
    {
        var (planned, moved) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var at = new DateTimeOffset(2014, 8, 1, 9, 0, 0, TimeSpan.Zero);
        using var renamed = Store(o =>
        {
            o.ConfigureFlights(new ManifestRules());
            o.ConfigureFinance();
            o.Events.MapEventType<FlightPlanned>("returns_flight_planned");
            o.Events.MapEventType<FlightRescheduled>("returns_flight_moved");
        });
        await using (var session = renamed.LightweightSession())
        {
            session.Events.StartStream(planned,
                new FlightPlanned(planned, "RF-2014-0001", State.UK, [State.UK], "AL", "STN", "TIA", at.AddDays(40), at));
            session.Events.StartStream(moved,
                new FlightPlanned(moved, "RF-2014-0002", State.UK, [State.UK], "AL", "STN", "TIA", at.AddDays(100), at),
                new FlightRescheduled(moved, at.AddDays(45), "Slot", at));
            await session.SaveChangesAsync();
        }

        await using var query = renamed.QuerySession();
        var report = await GetCostShareReportEndpoint.AsOf(query, Period.Parse("2014-09")!, DateTimeOffset.UtcNow, default);
        Assert.Equal(["RF-2014-0001", "RF-2014-0002"], report.FlightList.Select(f => f.Reference).Order());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
