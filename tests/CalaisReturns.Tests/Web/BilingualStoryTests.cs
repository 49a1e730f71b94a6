using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// One flight from plan to settlement terms, worked on by the staff of both states in their own languages and
/// zones, one on a desk and the other on a phone: planners plan, book, staff and manifest; French finance records a
/// cost typed the French way and proposes a split that UK finance reads in full before agreeing; every change that
/// cannot be taken back asks first; an auditor replays the flight as it stood before the agreement. Every page on
/// the way passes axe, and a screenshot of each is kept.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BilingualStoryTests(BrowserFixture web)
{
    private sealed record Person(IPage Page, State State, string Name, int Width)
    {
        public bool French => State == State.FR;

        public string Say(string english, string french) => French ? french : english;

        /// <summary>What this person types for an instant: the wall-clock time in their zone.</summary>
        public string Typed(DateTimeOffset t, string format = "yyyy-MM-dd'T'HH:mm") =>
            TimeZoneInfo.ConvertTime(t, French ? ReaderZones.Paris : ReaderZones.London).ToString(format);
    }

    public static TheoryData<State, int, int> Arrangements() => new()
    {
        // The French planner leads and works on a phone; the UK staff at a desk.
        { State.FR, 1280, 390 },
        // The UK planner leads on a phone; the French staff at a desk.
        { State.UK, 390, 1280 },
    };

    [Theory]
    [MemberData(nameof(Arrangements))]
    public async Task Both_states_work_one_flight_in_their_own_language_from_plan_to_agreed_split(State lead, int ukWidth, int frWidth)
    {
        var tag = $"{lead}-lead";
        var uk = new Person(await web.SignedIn(Role.Planner, State.UK, "Ursula Planner", ukWidth, language: null), State.UK, "Ursula Planner", ukWidth);
        var fr = new Person(await web.SignedIn(Role.Planner, State.FR, "Camille Planificatrice", frWidth, language: null), State.FR,
            "Camille Planificatrice", frWidth);
        var (leader, other) = lead == State.UK ? (uk, fr) : (fr, uk);
        await Expect(fr.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr-FR");
        await Expect(uk.Page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");

        // The lead planner plans the flight on the schedule, typing the departure in their own zone.
        var departure = WebScenarios.Departure(days: 45);
        var plan = leader.Page.GetByRole(AriaRole.Form, new() { Name = leader.Say("Plan flight", "Planifier le vol") });
        await plan.GetByRole(AriaRole.Checkbox, new() { Name = other.State.ToString(), Exact = true }).CheckAsync();
        await plan.GetByLabel(leader.Say("Departure airport", "Aéroport de départ")).FillAsync(leader.French ? "CDG" : "STN");
        await plan.GetByLabel(leader.Say("Scheduled departure (London)", "Départ prévu (Paris)")).FillAsync(leader.Typed(departure));
        await plan.GetByLabel(leader.Say("Airport", "Aéroport"), new() { Exact = true }).FillAsync("TIA");
        await plan.GetByLabel(leader.Say("Scheduled time (London)", "Heure prévue (Paris)")).FillAsync(leader.Typed(departure.AddHours(4)));
        await plan.GetByLabel(leader.Say("Country of return", "Pays de retour")).FillAsync("AL");
        await leader.Page.AssertAccessible();
        await plan.GetByRole(AriaRole.Button, new() { Name = leader.Say("Plan flight", "Planifier le vol") }).ClickAsync();
        await Expect(leader.Page).ToHaveURLAsync(new Regex("/flights/[0-9a-f-]{36}$"));
        await Expect(leader.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(leader.Say("Flight planned.", "Vol planifié."));
        var flight = leader.Page.Url[leader.Page.Url.LastIndexOf('/')..].Trim('/');

        // …books the charter and gives each state its seats.
        await leader.Page.Submit(leader.Say("Book charter", "Réserver l'affrètement"), leader.Say("Charter booked.", "Affrètement réservé."),
            (leader.Say("Carrier", "Transporteur"), "Titan Airways"), (leader.Say("Aircraft type", "Type d'appareil"), "A321"),
            (leader.Say("Seat capacity", "Nombre de sièges"), "180"), (leader.Say("Contract reference", "Référence du contrat"), "HO-CH-88"),
            (leader.Say("Contract price", "Prix du contrat"), leader.Say("174,468.00", "174 468,00")));
        await Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(leader.Say("Booked", "Affrété"));
        await leader.Page.Submit(leader.Say("Allocate seats", "Attribuer les sièges"), leader.Say("Seats allocated.", "Sièges attribués."),
            (leader.Say("UK seats", "Sièges de UK"), "10"), (leader.Say("FR seats", "Sièges de FR"), "10"));

        // Each planner staffs their state's escort team and puts a case of their own on the manifest.
        var names = new Dictionary<State, string>();
        foreach (var planner in new[] { leader, other })
        {
            names[planner.State] = $"Dritan {planner.State} {Guid.NewGuid():N}"[..16];
            var (caseId, reference) = await web.Case(planner.State, names[planner.State]);
            await planner.Page.GotoAsync($"/flights/{flight}");
            await Expect(planner.Page.Locator("body")).ToContainTextAsync(planner.Say("Seats and escort teams", "Sièges et équipes d'escorte"));
            await planner.Page.Submit(planner.Say("Save escort team", "Enregistrer l'équipe d'escorte"),
                planner.Say("Escort team saved.", "Équipe d'escorte enregistrée."),
                (planner.Say("Escorts", "Escortes"), "4"), (planner.Say("Medics", "Personnel médical"), "1"),
                (planner.Say("Interpreters", "Interprètes"), "1"));
            var manifest = planner.Page.GetByRole(AriaRole.Form, new() { Name = planner.Say("Add a returnee", "Ajouter une personne") });
            await manifest.GetByLabel(planner.Say($"{planner.State} case", $"Dossier de {planner.State}")).SelectOptionAsync(caseId.ToString());
            await manifest.GetByLabel(planner.Say("Place", "Place")).SelectOptionAsync("Confirmed");
            await manifest.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(planner.Page.GetByRole(AriaRole.Status))
                .ToHaveTextAsync(planner.Say("Returnee added to the manifest.", "Personne inscrite au manifeste."));
            await Expect(planner.Page.Locator("table.manifest")).ToContainTextAsync(reference);

            // Withdrawing a returnee asks for a reason (none chosen beforehand) and to be confirmed: without the tick nothing is sent.
            var withdraw = planner.Page.GetByRole(AriaRole.Form, new() { Name = planner.Say($"Withdraw {reference}", $"Retirer {reference}") });
            await Expect(withdraw.GetByLabel(planner.Say("Reason", "Motif"))).ToHaveValueAsync("");
            await withdraw.GetByLabel(planner.Say("Reason", "Motif")).SelectOptionAsync("Medical");
            await withdraw.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(withdraw.Locator(".form-problem"))
                .ToHaveTextAsync(planner.Say("Tick the box to confirm first.", "Cochez d'abord la case de confirmation."));
            await planner.Page.AssertAccessible();
            await planner.Page.Screenshot($"story-{tag}-{planner.State}-planner-{planner.Width}");
        }

        await Expect(leader.Page.Locator("table.manifest tbody tr")).ToHaveCountAsync(1);
        await leader.Page.ReloadAsync();
        await Expect(leader.Page.Locator("table.manifest tbody tr")).ToHaveCountAsync(2);
        // The other state's returnee is listed without a name: names are for their own state's planners.
        await Expect(leader.Page.Locator("table.manifest")).ToContainTextAsync(names[leader.State]);
        await Expect(leader.Page.Locator("table.manifest")).Not.ToContainTextAsync(names[other.State]);

        // French finance records a cost typed the French way and proposes a split in euros.
        var frFinance = new Person(await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances", frWidth, language: null), State.FR,
            "Fabienne Finances", frWidth);
        await frFinance.Page.GotoAsync($"/finance/flights/{flight}");
        var cost = frFinance.Page.GetByRole(AriaRole.Form, new() { Name = "Enregistrer un coût payé par FR" });
        await cost.GetByLabel("Catégorie").SelectOptionAsync("Accommodation");
        await cost.GetByLabel("Description").FillAsync("Hôtel des escortes");
        await cost.GetByLabel("Montant").FillAsync("12 300,50");
        await cost.GetByLabel("Devise").SelectOptionAsync("EUR");
        await cost.GetByLabel("Référence de la facture").FillAsync("HOTEL-" + tag);
        await cost.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le coût" }).ClickAsync();
        await Expect(frFinance.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Coût enregistré.");
        await Expect(frFinance.Page.Locator("table.lines")).ToContainTextAsync("12\u202F300,50\u202F€");

        var split = frFinance.Page.GetByRole(AriaRole.Form, new() { Name = "Proposer une répartition" });
        await split.GetByLabel("Base").SelectOptionAsync("FixedRatio");
        await split.GetByLabel("Devise de règlement").SelectOptionAsync("EUR");
        await split.GetByLabel("Pourcentage de UK (ratio fixe seulement)").FillAsync("55,5");
        await split.GetByLabel("Pourcentage de FR (ratio fixe seulement)").FillAsync("44,5");
        await split.GetByRole(AriaRole.Button, new() { Name = "Proposer la répartition" }).ClickAsync();
        await Expect(frFinance.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Répartition proposée.");
        await frFinance.Page.AssertAccessible();
        await frFinance.Page.Screenshot($"story-{tag}-fr-finance-{frWidth}");

        // The auditor will look at the flight as it stood now, before the agreement: let it fall in a later second.
        var proposed = DateTimeOffset.UtcNow;
        var beforeAgreement = new DateTimeOffset(proposed.Year, proposed.Month, proposed.Day, proposed.Hour, proposed.Minute,
            proposed.Second, TimeSpan.Zero).AddSeconds(1);
        await Task.Delay(beforeAgreement - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1100));

        // UK finance reads the proposed terms in full, in English, before the button, and agrees.
        var ukFinance = new Person(await web.SignedIn(Role.Finance, State.UK, "Una Finance", ukWidth, language: null), State.UK,
            "Una Finance", ukWidth);
        await ukFinance.Page.GotoAsync($"/finance/flights/{flight}");
        var agree = ukFinance.Page.GetByRole(AriaRole.Form,
            new() { Name = "Agree FR's proposed split: Fixed ratio (UK 55.5%, FR 44.5%), settled in EUR" });
        await Expect(agree).ToBeVisibleAsync();
        await Expect(ukFinance.Page.Locator("table.lines")).ToContainTextAsync("€12,300.50");
        await ukFinance.Page.AssertAccessible();
        await ukFinance.Page.Screenshot($"story-{tag}-uk-finance-{ukWidth}");
        await agree.GetByRole(AriaRole.Button, new() { Name = "Agree split" }).ClickAsync();
        await Expect(ukFinance.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Split agreed.");

        // Locking the manifest asks first; ticked, it locks.
        await leader.Page.GotoAsync($"/flights/{flight}");
        var lockForm = leader.Page.GetByRole(AriaRole.Form, new() { Name = leader.Say("Lock the manifest", "Clore le manifeste") });
        await lockForm.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(lockForm.Locator(".form-problem"))
            .ToHaveTextAsync(leader.Say("Tick the box to confirm first.", "Cochez d'abord la case de confirmation."));
        await Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToContainTextAsync(leader.Say("locked", "clos"));
        await lockForm.GetByLabel(leader.Say("Yes, lock the manifest now", "Oui, clore le manifeste maintenant")).CheckAsync();
        await lockForm.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(leader.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(leader.Say("Manifest locked.", "Manifeste clos."));
        // Cancelling asks too (the form is there, unticked, with no reason chosen for the planner).
        var cancel = leader.Page.GetByRole(AriaRole.Form, new() { Name = leader.Say("Cancel the flight", "Annuler le vol") });
        await Expect(cancel.Locator("[data-confirm]")).Not.ToBeCheckedAsync();

        // A French auditor replays the flight, in Paris time, as it stood before UK finance agreed.
        var auditor = await web.SignedIn(Role.Auditor, State.FR, "Alix Auditrice", frWidth, language: null);
        await auditor.GotoAsync($"/audit/flights/{flight}");
        await Expect(auditor.Locator("table.timeline-table")).ToContainTextAsync("Répartition des coûts acceptée");
        await Expect(auditor.Locator("main")).ToContainTextAsync("Ratio fixe (UK 55,5\u202F%, FR 44,5\u202F%), réglée en EUR");
        await Expect(auditor.Locator("main")).Not.ToContainTextAsync("Proposée par");
        await auditor.GetByLabel("À la date du (Paris)").FillAsync(
            WebScenarios.Typed(TimeZoneInfo.ConvertTime(beforeAgreement, ReaderZones.Paris)));
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Afficher à cette date" }).ClickAsync();
        await Expect(auditor.GetByTestId("as-of")).ToContainTextAsync("Tel qu'il était le");
        await Expect(auditor.Locator("main")).ToContainTextAsync("Proposée par FR : Ratio fixe (UK 55,5\u202F%, FR 44,5\u202F%), réglée en EUR");
        await Expect(auditor.Locator("main")).ToContainTextAsync("en attente de l'autre État");
        await Expect(auditor.Locator("table.timeline-table tr.later")).Not.ToHaveCountAsync(0);
        await auditor.AssertAccessible();
        await auditor.Screenshot($"story-{tag}-auditor-{frWidth}");
    }
}
