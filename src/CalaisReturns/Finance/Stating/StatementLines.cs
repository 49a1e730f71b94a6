using System.Globalization;
using CalaisReturns.Web;

namespace CalaisReturns.Finance.Stating;

/// <summary>The statement's money: the cost lines, the shares and balance, external funding and settlements.</summary>
internal static class StatementLines
{
    /// <summary>Every line ever recorded, withdrawn ones too, each with its corrections and withdrawal and why.</summary>
    public static StatementSection Costs(FlightFinance finance, IReadOnlyList<LineChange> changes) =>
        new(Texts.Get("Share.Lines"), [],
            finance.Lines.Count == 0 ? null : new StatementTable(
                [
                    new(Texts.Get("Field.Category")), new(Texts.Get("Field.Description")), new(Texts.Get("Field.StopId")),
                    new(Texts.Get("Share.PaidBy")), new(Texts.Get("Statement.SharedOrNational")), new(Texts.Get("Share.Invoice")),
                    new(Texts.Get("Field.Amount"), Amount: true),
                ],
                [
                    .. finance.Lines.Select(line => (IReadOnlyList<string>)
                    [
                        Show.Enum(line.Category),
                        string.Join(" ", [line.Description, .. changes.Where(c => c.LineId == line.LineId).Select(Change)]),
                        line.StopId is { } stopId && finance.StopOf(stopId) is { } stop ? stop.Airport : "—",
                        line.PaidBy.ToString(),
                        Texts.Get(line.Shared ? "Share.Shared" : "Share.National"),
                        line.InvoiceReference,
                        Show.Money(line.Amount),
                    ]),
                ]),
            finance.Lines.Count == 0 ? [Texts.Get("Statement.NoLines")] : []);

    private static string Change(LineChange change) => change.After is null
        ? Texts.Format("Statement.Withdrawn", change.Reason)
        : Texts.Format("Statement.Corrected", Show.Money(change.Before), change.Reason);

    /// <summary>Each state's figures as <see cref="CostShare.Compute"/> makes them, the totals, and who owes whom.</summary>
    public static StatementSection Shares(FlightFinance finance, CostShareFigures figures)
    {
        if (figures.Totals is not { } totals)
        {
            return new StatementSection(Texts.Get("Statement.Shares"), [], null,
            [
                Texts.Get("Share.NotComputed"),
                .. figures.ByCurrency.Select(t => Texts.Format("Share.InCurrency", t.Currency, Show.Money(t.Shared, t.Currency),
                    Show.Money(t.National, t.Currency))),
            ]);
        }

        var currency = figures.SettlementCurrency;
        string Money(decimal amount) => Show.Money(amount, currency);
        return new StatementSection(Texts.Format("Share.Balance", currency),
        [
            new(Texts.Get("Statement.SharedCosts"), Money(totals.SharedCosts)),
            new(Texts.Get("Statement.ExternalFunding"), Money(totals.ExternalFunding)),
            new(Texts.Get("Finance.SharedTotal"), Money(totals.SharedTotal)),
            new(Texts.Get("Share.NationalCosts"), Money(totals.NationalCosts)),
        ],
        new StatementTable(
            [
                new(Texts.Get("Field.State")), new(Texts.Get("Statement.Weight"), Amount: true), new(Texts.Get("Share.Share"), Amount: true),
                new(Texts.Get("Share.PaidShared"), Amount: true), new(Texts.Get("Share.FundingReceived"), Amount: true),
                new(Texts.Get("Share.PaidNet"), Amount: true), new(Texts.Get("Share.BalanceColumn"), Amount: true),
                new(Texts.Get("Share.NationalCosts"), Amount: true),
            ],
            [
                .. totals.States.Select(s => (IReadOnlyList<string>)
                [
                    s.State.ToString(), s.Weight.ToString("0.####", CultureInfo.CurrentCulture), Money(s.Share), Money(s.SharedPaid),
                    Money(s.FundingReceived), Money(s.Paid), Money(s.Balance), Money(s.National),
                ]),
            ]),
        [
            totals.Debtor is { } debtor
                ? Texts.Format("Share.Owing", debtor, totals.Creditor!, Money(totals.Balance), Money(totals.Settled), Money(totals.Outstanding))
                : Texts.Get("Share.NothingOwed"),
        ]);
    }

    /// <summary>The external funding received, a section only where there is some.</summary>
    public static IEnumerable<StatementSection> Funding(FlightFinance finance) => finance.Fundings.Count == 0 ? [] :
    [
        new(Texts.Get("Statement.Funding"), [],
            new StatementTable(
                [new(Texts.Get("Field.Funder")), new(Texts.Get("Statement.ReceivedBy")), new(Texts.Get("Field.Reference")),
                    new(Texts.Get("Field.Amount"), Amount: true)],
                [.. finance.Fundings.Select(f => (IReadOnlyList<string>)[f.Funder, f.ReceivedBy.ToString(), f.Reference, Show.Money(f.Amount)])]),
            []),
    ];

    public static StatementSection Settlements(FlightFinance finance) => new(Texts.Get("Statement.Settlements"), [],
        finance.Settlements.Count == 0 ? null : new StatementTable(
            [
                new(Texts.Get("Statement.Payer")), new(Texts.Get("Statement.Payee")), new(Texts.Get("Field.Reference")),
                new(Texts.Get("Field.PaidOn")), new(Texts.Get("Field.Amount"), Amount: true),
            ],
            [
                .. finance.Settlements.Select(s => (IReadOnlyList<string>)
                    [s.Payer.ToString(), s.Payee.ToString(), s.Reference, Show.Day(s.PaidOn), Show.Money(s.Amount)]),
            ]),
        finance.Settlements.Count == 0 ? [Texts.Get("Statement.NoSettlements")] : []);
}
