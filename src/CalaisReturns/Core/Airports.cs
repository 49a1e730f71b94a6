namespace CalaisReturns.Core;

public sealed record Airport(string Iata, string Name, string Country, TimeZoneInfo Zone);

/// <summary>
/// The airports whose local time the pages show beside a departure: those of the UK and France that
/// returns flights use, and the main airports of the countries of return. An airport not listed is shown
/// in UTC, and the page says so.
/// </summary>
public static class Airports
{
    private static readonly Dictionary<string, Airport> ByIata = new (string Iata, string Name, string Country, string Zone)[]
    {
        ("LHR", "London Heathrow", "GB", "Europe/London"), ("LGW", "London Gatwick", "GB", "Europe/London"),
        ("STN", "London Stansted", "GB", "Europe/London"), ("LTN", "London Luton", "GB", "Europe/London"),
        ("LCY", "London City", "GB", "Europe/London"), ("MAN", "Manchester", "GB", "Europe/London"),
        ("BHX", "Birmingham", "GB", "Europe/London"), ("EMA", "East Midlands", "GB", "Europe/London"),
        ("BRS", "Bristol", "GB", "Europe/London"), ("NCL", "Newcastle", "GB", "Europe/London"),
        ("LPL", "Liverpool", "GB", "Europe/London"), ("LBA", "Leeds Bradford", "GB", "Europe/London"),
        ("EDI", "Edinburgh", "GB", "Europe/London"), ("GLA", "Glasgow", "GB", "Europe/London"),
        ("PIK", "Glasgow Prestwick", "GB", "Europe/London"), ("ABZ", "Aberdeen", "GB", "Europe/London"),
        ("BFS", "Belfast International", "GB", "Europe/London"), ("DSA", "Doncaster Sheffield", "GB", "Europe/London"),
        ("CDG", "Paris Charles de Gaulle", "FR", "Europe/Paris"), ("ORY", "Paris Orly", "FR", "Europe/Paris"),
        ("BVA", "Beauvais-Tillé", "FR", "Europe/Paris"), ("LYS", "Lyon Saint-Exupéry", "FR", "Europe/Paris"),
        ("MRS", "Marseille Provence", "FR", "Europe/Paris"), ("NCE", "Nice Côte d'Azur", "FR", "Europe/Paris"),
        ("TLS", "Toulouse-Blagnac", "FR", "Europe/Paris"), ("BOD", "Bordeaux-Mérignac", "FR", "Europe/Paris"),
        ("NTE", "Nantes Atlantique", "FR", "Europe/Paris"), ("LIL", "Lille-Lesquin", "FR", "Europe/Paris"),
        ("SXB", "Strasbourg-Entzheim", "FR", "Europe/Paris"), ("MLH", "EuroAirport Basel-Mulhouse", "FR", "Europe/Paris"),
        ("MPL", "Montpellier-Méditerranée", "FR", "Europe/Paris"), ("RNS", "Rennes-Saint-Jacques", "FR", "Europe/Paris"),
        ("BES", "Brest Bretagne", "FR", "Europe/Paris"), ("CFE", "Clermont-Ferrand Auvergne", "FR", "Europe/Paris"),
        ("BIQ", "Biarritz Pays Basque", "FR", "Europe/Paris"), ("AJA", "Ajaccio Napoléon Bonaparte", "FR", "Europe/Paris"),
        ("BIA", "Bastia-Poretta", "FR", "Europe/Paris"), ("TIA", "Tirana", "AL", "Europe/Tirane"),
        ("PRN", "Pristina", "XK", "Europe/Belgrade"), ("BEG", "Belgrade", "RS", "Europe/Belgrade"),
        ("TBS", "Tbilisi", "GE", "Asia/Tbilisi"), ("OTP", "Bucharest Henri Coandă", "RO", "Europe/Bucharest"),
        ("SOF", "Sofia", "BG", "Europe/Sofia"), ("KIV", "Chișinău", "MD", "Europe/Chisinau"),
        ("SKP", "Skopje", "MK", "Europe/Skopje"), ("EVN", "Yerevan Zvartnots", "AM", "Asia/Yerevan"),
        ("TGD", "Podgorica", "ME", "Europe/Podgorica"), ("SJJ", "Sarajevo", "BA", "Europe/Sarajevo"),
        ("ALG", "Algiers Houari Boumediene", "DZ", "Africa/Algiers"), ("TUN", "Tunis-Carthage", "TN", "Africa/Tunis"),
        ("CMN", "Casablanca Mohammed V", "MA", "Africa/Casablanca"), ("LOS", "Lagos Murtala Muhammed", "NG", "Africa/Lagos"),
        ("ACC", "Accra Kotoka", "GH", "Africa/Accra"), ("DKR", "Dakar Blaise Diagne", "SN", "Africa/Dakar"),
        ("ISB", "Islamabad", "PK", "Asia/Karachi"), ("DAC", "Dhaka Hazrat Shahjalal", "BD", "Asia/Dhaka"),
        ("DEL", "Delhi Indira Gandhi", "IN", "Asia/Kolkata"), ("CMB", "Colombo Bandaranaike", "LK", "Asia/Colombo"),
        ("BGW", "Baghdad", "IQ", "Asia/Baghdad"), ("EBL", "Erbil", "IQ", "Asia/Baghdad"),
        ("IST", "Istanbul", "TR", "Europe/Istanbul"), ("HAN", "Hanoi Noi Bai", "VN", "Asia/Ho_Chi_Minh"),
        ("SGN", "Ho Chi Minh City Tan Son Nhat", "VN", "Asia/Ho_Chi_Minh"), ("GYD", "Baku Heydar Aliyev", "AZ", "Asia/Baku"),
    }.ToDictionary(a => a.Iata, a => new Airport(a.Iata, a.Name, a.Country, TimeZoneInfo.FindSystemTimeZoneById(a.Zone)));

    public static IReadOnlyCollection<Airport> All => ByIata.Values;

    /// <summary>The airport with that IATA code, or null when the table does not know it.</summary>
    public static Airport? Find(string iata) => ByIata.GetValueOrDefault(iata);
}
