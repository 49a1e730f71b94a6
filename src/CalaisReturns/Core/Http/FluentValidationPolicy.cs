using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http.CodeGen;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Checks every request body's text fields (<see cref="TextFields"/>), then runs its FluentValidation validator, if
/// it has one, before every Wolverine endpoint: an invalid body ends the request with a 400 problem listing each
/// field's messages.
/// (The WolverineFx FluentValidation packages are not served here, so this is our own.)
/// </summary>
public sealed class FluentValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HasRequestType))
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(chain.RequestType!);
            if (container.RegistrationsFor(validatorType).Any())
            {
                var method = typeof(FluentValidationPolicy).GetMethod(nameof(ValidateAsync))!
                    .MakeGenericMethod(chain.RequestType!);
                var call = new MethodCall(typeof(FluentValidationPolicy), method);
                chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
            }

            // Before the validator: a null body, or a text field holding invisible or control characters, ends here.
            var text = new MethodCall(typeof(TextFields), typeof(TextFields).GetMethod(nameof(TextFields.Check))!
                .MakeGenericMethod(chain.RequestType!));
            chain.Middleware.InsertRange(0, [text, new MaybeEndWithResultFrame(text.ReturnVariable!)]);
        }
    }

    public static async Task<IResult> ValidateAsync<T>(IValidator<T> validator, T request)
    {
        var result = await validator.ValidateAsync(request);
        if (result.IsValid)
        {
            return WolverineContinue.Result();
        }

        return Problems.Invalid(result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
    }
}
