using CalaisReturns.Core.Http;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.History;

/// <summary>One stored event with the metadata that says who recorded it, when and in which request.</summary>
public sealed record HistoryEntry(
    long Sequence,
    long Version,
    DateTimeOffset Timestamp,
    string Type,
    object Data,
    string? UserId,
    string? UserName,
    string? Role,
    string? State,
    string? CorrelationId)
{
    public static HistoryEntry From(IEvent e) =>
        new(e.Sequence, e.Version, e.Timestamp, e.EventTypeName, e.Data, e.UserName,
            Header(e, EventMetadata.UserName), Header(e, EventMetadata.Role), Header(e, EventMetadata.State),
            e.CorrelationId);

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString();
}

public static class GetFlightHistoryEndpoint
{
    [WolverineGet("/api/flights/{flightId}/history", OperationId = "GetFlightHistory", Summary = "Every event of a flight with who, when and why")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, IQuerySession session, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (events.FirstOrDefault()?.Data is not FlightPlanned planned)
        {
            return Problems.NotFound("Flight", flightId);
        }

        return FlightAccess.HistoryReader(Actor.From(user), planned.ParticipatingStates) is { } forbidden
            ? Problems.Forbidden(forbidden)
            : Results.Ok(events.Select(HistoryEntry.From).ToList());
    }
}
