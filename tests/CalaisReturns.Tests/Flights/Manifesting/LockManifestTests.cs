using CalaisReturns.Cases;
using CalaisReturns.Flights.Manifesting;
using Marten;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights.Manifesting;

/// <summary>The lock reads the barriers from the cases' own events, not from a read model.</summary>
public class LockManifestTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_barred_confirmed_cases_of_a_manifest_are_found_in_the_cases_own_events()
    {
        var (barred, lifted, clear, reserve) = (await App.OpenCase(), await App.OpenCase(), await App.OpenCase(), await App.OpenCase());
        await using (var session = App.Store.LightweightSession())
        {
            var (raised, raisedAgain) = (Guid.CreateVersion7(), Guid.CreateVersion7());
            // Appended as the application appends: each case's stream fetched for writing first (a sealed append).
            (await session.Events.FetchForExclusiveWriting<ReturneeCase>(barred)).AppendOne(
                new BarrierRaised(barred, raised, BarrierKind.JudicialReview, "JR/1", Now));
            (await session.Events.FetchForExclusiveWriting<ReturneeCase>(lifted)).AppendMany(
                new BarrierRaised(lifted, raisedAgain, BarrierKind.MedicallyUnfit, "GP", Now), new BarrierLifted(lifted, raisedAgain, "Fit to fly", Now));
            (await session.Events.FetchForExclusiveWriting<ReturneeCase>(reserve)).AppendOne(
                new BarrierRaised(reserve, Guid.CreateVersion7(), BarrierKind.Other, "x", Now));
            await session.SaveChangesAsync();
        }

        var flight = Given(Planned(), Booked(), Allocated(10, 10), Manifested(barred), Manifested(lifted), Manifested(clear),
            Manifested(reserve, confirmed: false));
        await using var query = App.Store.QuerySession();
        Assert.Equal([barred], await LockManifestEndpoint.BarredCases(query, flight, default));
        Assert.Empty(await LockManifestEndpoint.BarredCases(query, Given(Planned(), Booked()), default));
    }
}
