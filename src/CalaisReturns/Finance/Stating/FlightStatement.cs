using System.Globalization;
using CalaisReturns.Web;

namespace CalaisReturns.Finance.Stating;

public sealed record StatementFact(string Label, string Value);

/// <param name="Amount">Money, right-aligned and never wrapped.</param>
public sealed record StatementColumn(string Label, bool Amount = false);

public sealed record StatementTable(IReadOnlyList<StatementColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A heading, then its facts (label: value), its table and its notes, in that order; any may be empty.</summary>
public sealed record StatementSection(string Heading, IReadOnlyList<StatementFact> Facts, StatementTable? Table,
    IReadOnlyList<string> Notes);

/// <summary>
/// A flight's reconciliation statement as the reader reads it: every label from the texts and every value written the
/// reader's way (<see cref="Show"/>: their language, their zone, money as the pages write it), so that each figure on
/// paper is character for character the one the pages show and the API's cost share holds. What the paper lays out is
/// <see cref="StatementPdf"/>'s concern; what it says is decided here, from the facts alone.
/// </summary>
/// <param name="Footer">On every page, before its number: which flight, and when the statement was generated.</param>
public sealed record FlightStatement(string Title, string Generated, string Footer, IReadOnlyList<StatementSection> Sections)
{
    /// <summary>"page 2 of 3", in the statement's language.</summary>
    public string PageFormat { get; init; } = "{0}/{1}";

    public string Page(int page, int pages) => string.Format(CultureInfo.CurrentCulture, PageFormat, page, pages);

    /// <summary>The statement in the current culture and reader's zone, as generated at <paramref name="at"/> by <paramref name="reader"/>.</summary>
    public static FlightStatement Of(StatementFacts facts, Actor reader, DateTimeOffset at)
    {
        var finance = facts.Finance;
        var figures = CostShare.Compute(finance);
        var generated = Show.Instant(at);
        return new FlightStatement(
            Texts.Format("Statement.Title", finance.Reference),
            Texts.Format("Statement.Generated", generated, reader.Name, reader.Id, Show.Enum(reader.Role), reader.State),
            Texts.Format("Statement.Footer", finance.Reference, generated),
            [
                Flight(facts, figures),
                StatementLines.Costs(finance, facts.Changes),
                Terms(finance),
                StatementLines.Shares(finance, figures),
                .. StatementLines.Funding(finance),
                StatementLines.Settlements(finance),
                Confirmations(facts),
                Seal(facts),
            ])
        {
            PageFormat = Texts.Get("Statement.Page"),
        };
    }

    private static StatementSection Flight(StatementFacts facts, CostShareFigures figures)
    {
        var finance = facts.Finance;
        var departure = finance.ScheduledDeparture;
        return new StatementSection(Texts.Get("Statement.Flight"),
        [
            new(Texts.Get("Field.Reference"), finance.Reference),
            new(Texts.Get("Statement.Route"), Show.Route(finance.Stops)),
            new(Texts.Get("Field.LeadState"), finance.LeadState.ToString()),
            new(Texts.Get("Field.ParticipatingStates"), string.Join(", ", finance.States)),
            new(Texts.Get("Field.ScheduledDeparture"), Show.Time(departure)),
            new(Texts.Get("Field.DepartureAirport"), Show.AtAirport(departure, finance.Stops[0].Airport)),
            new(Texts.Get("Finance.FlightStatus"), Show.Enum(facts.Status)),
            new(Texts.Get("Statement.CostShareStatus"), Show.Enum(figures.Status)),
        ], null, []);
    }

    private static StatementSection Terms(FlightFinance finance) => new(Texts.Get("Statement.Terms"),
    [
        new(Texts.Get("Share.Rate"), finance.Rate is { } rate
            ? Texts.Format("Share.RateFacts", rate.EurPerGbp, rate.RateDate, rate.Source)
            : Texts.Get("Share.NotFixed")),
        new(Texts.Get("Share.Split"), finance.Split is { } split
            ? Texts.Format("Share.SplitAgreed", Show.Terms(split), split.SettlementCurrency)
            : finance.Proposal is { } p
                ? Texts.Format("Share.SplitProposed", p.ProposedBy, Show.Terms(p.Terms), p.Terms.SettlementCurrency)
                : Texts.Get("Share.NotProposed")),
    ], null, []);

    private static StatementSection Confirmations(StatementFacts facts) => new(Texts.Get("Statement.Confirmations"), [],
        new StatementTable(
            [new(Texts.Get("Field.State")), new(Texts.Get("Audit.Who")), new(Texts.Format("Audit.WhenIn", Show.Zone))],
            [
                .. facts.Finance.States.Select(state => facts.Confirmations.FirstOrDefault(c => c.State == state) is { } c
                    ? (IReadOnlyList<string>)[state.ToString(), Who(c), Show.Instant(c.At)]
                    : [state.ToString(), Texts.Get("Statement.NotConfirmed"), "—"]),
            ]),
        []);

    private static string Who(StatementConfirmation c) =>
        c.UserName is { } name && name != c.UserId ? $"{name} ({c.UserId})" : c.UserId ?? "—";

    private static StatementSection Seal(StatementFacts facts)
    {
        var head = facts.Head;
        return new StatementSection(Texts.Get("Statement.SealHeading"),
        [
            new(Texts.Get("Statement.StreamHead"), Texts.Format("Statement.Version", head.Version)),
            new(Texts.Get("Statement.Seal"), head.Seal),
            new(Texts.Get("Statement.SealsChecked"), head.Broken is { } broken
                ? Texts.Format("Statement.SealsBroken", broken.Problem)
                : Texts.Format("Statement.SealsIntact", head.Version)),
            new(Texts.Get("Statement.Checkpoint"), facts.Checkpoint is { } checkpoint
                ? Texts.Format("Statement.CheckpointCovers", Show.Instant(checkpoint.TakenAt),
                    checkpoint.TakenAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), checkpoint.Version)
                : Texts.Format("Statement.NoCheckpoint", head.Version)),
        ], null, [Texts.Get("Statement.HowToCheck")]);
    }
}
