using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>RFC 9457 problem responses used across the API.</summary>
public static class Problems
{
    public static IResult NotFound(string what, Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has the id {id}.");

    public static IResult StaleVersion(long expected, long actual) =>
        Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
            detail: $"You acted on version {expected}, but it has since changed to version {actual}. "
                + "Reload and decide again.");

    public static IResult Forbidden(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: reason);

    public static IResult Refused(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: reason);

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.Problem(new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest });
}
