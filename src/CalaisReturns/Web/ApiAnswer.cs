using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Web;

/// <summary>
/// What one of the API's query functions answered, called in-process by a page with the signed-in
/// person: either the value or the problem the API would have sent (not found, forbidden, invalid).
/// </summary>
public sealed record ApiAnswer<T>(T? Value, ProblemDetails? Problem) where T : class
{
    public static async Task<ApiAnswer<T>> Of(Task<IResult> call) => From(await call);

    public static ApiAnswer<T> From(IResult result) => result switch
    {
        IValueHttpResult { Value: T value } => new(value, null),
        ProblemHttpResult problem => new(null, problem.ProblemDetails),
        _ => throw new InvalidOperationException($"The API answered {result.GetType().Name}, not {typeof(T).Name}."),
    };

    public int Status => Problem?.Status ?? StatusCodes.Status200OK;
}
