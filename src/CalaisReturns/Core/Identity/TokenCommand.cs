using JasperFx.CommandLine;

namespace CalaisReturns.Core.Identity;

public sealed class TokenInput : NetCoreInput
{
    [Description("Planner, Finance, Auditor or Admin")]
    public Role RoleFlag { get; set; } = Role.Planner;

    [Description("UK or FR")]
    public State StateFlag { get; set; } = State.UK;

    [Description("Display name recorded with every change")]
    public string NameFlag { get; set; } = "Development User";

    [Description("User id (subject); defaults to one derived from the name")]
    public string? SubjectFlag { get; set; }

    [Description("Hours the token is valid")]
    public int HoursFlag { get; set; } = 8;
}

/// <summary>
/// <c>dotnet run --project src/CalaisReturns -- token --role Planner --state UK --name "A. Planner"</c>
/// prints a bearer token signed with the development key, and refuses if any other key is configured.
/// </summary>
[Description("Issue a development bearer token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public override Task<bool> Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var settings = host.Services.GetRequiredService<AuthSettings>();
        if (!settings.UsesDevelopmentKey)
        {
            Console.Error.WriteLine("Refused: tokens are only issued here while Auth:SigningKey is the development key.");
            return Task.FromResult(false);
        }

        var subject = input.SubjectFlag ?? input.NameFlag.ToLowerInvariant().Replace(' ', '.');
        var actor = new Actor(subject, input.NameFlag, input.RoleFlag, input.StateFlag);
        Console.WriteLine(DevelopmentTokens.Issue(settings, actor, TimeProvider.System.GetUtcNow(),
            TimeSpan.FromHours(input.HoursFlag)));
        return Task.FromResult(true);
    }
}
