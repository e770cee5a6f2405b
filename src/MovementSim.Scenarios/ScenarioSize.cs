using System.Globalization;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// How big one run of a scenario is, counted in 64-bit arithmetic: organisations, actors, ties among actors and among
/// people, and the memory a run needs at its peak (while its networks are built). The counts have hard limits that keep
/// every index of the model within 32 bits (<see cref="Limits"/>); the memory is compared with what the machine has
/// (<see cref="MemoryProblem"/>) by validate, run and batch before anything runs.
/// </summary>
/// <param name="Bytes">Estimated peak memory of one run, deliberately on the high side: the test ScenarioSizeTests runs the
/// program and checks that the estimate lies between the measured peak resident memory and three times it.</param>
public sealed record ScenarioSize(long Organisations, long Actors, long ActorTies, long PersonTies, long Forms, long Bytes)
{
    public const long MaxOrganisations = 1_000_000;
    public const long MaxActors = 10_000_000;

    /// <summary>Ties are stored twice (once per end) in arrays indexed by 32-bit integers.</summary>
    public const long MaxTies = 1_000_000_000;

    /// <summary>The runtime and program before any scenario is built.</summary>
    private const long BaseBytes = 64L << 20;

    // Peaks of `run --threads 1` divided out per item, with a margin: a person costs its state and two ints per tie end while
    // the network is built (the edge list, then the rows); an actor tie two growing lists of endpoints, their arrays and the rows.
    private const long BytesPerPerson = 64;
    private const long BytesPerPersonTieEnd = 8;
    private const long BytesPerActor = 256;
    private const long BytesPerActorTie = 56;
    private const long BytesPerOrganisation = 512;

    public static ScenarioSize Of(ScenarioDefinition s)
    {
        // In doubles, turned into longs that stop at long.MaxValue: counts as large as int.MaxValue squared must compare
        // with the limits, not wrap around.
        var p = s.Parameters;
        var countOf = s.Organisations.GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.First().Count, StringComparer.Ordinal);
        var perInstance = countOf.Keys.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        foreach (var a in s.Archetypes.Where(a => perInstance.ContainsKey(a.Organisation)))
        {
            perInstance[a.Organisation] += a.CountPerOrganisation;
        }
        var organisations = s.Organisations.Sum(o => (double)o.Count);
        var actors = perInstance.Sum(kv => kv.Value * countOf[kv.Key]);
        // Everyone is tied to everyone in their organisation, then the actor network across all, then brokers' extra ties.
        var within = perInstance.Sum(kv => countOf[kv.Key] * kv.Value * Math.Max(0, kv.Value - 1) / 2);
        var network = p.ActorNetwork == NetworkKind.Complete ? actors * Math.Max(0, actors - 1) / 2
            : actors * Math.Min(p.ActorMeanDegree, Math.Max(0, actors - 1)) / 2;
        var brokers = s.Archetypes.Where(a => a.Broker && countOf.ContainsKey(a.Organisation))
            .Sum(a => (double)a.CountPerOrganisation * countOf[a.Organisation]);
        var actorTies = within + network + brokers * p.BrokerTies;
        // Complete mixing among people needs no network: everyone sees the same share.
        var personTies = p.Network == NetworkKind.Complete ? 0 : p.People * Math.Min(p.MeanDegree, Math.Max(0, p.People - 1)) / 2;
        var forms = FormTable.CountOf(s.Components);
        var measures = new MeasureSet(s).Count;
        var bytes = BaseBytes
            + (double)p.People * BytesPerPerson + 2 * personTies * BytesPerPersonTieEnd
            + actors * BytesPerActor + actorTies * BytesPerActorTie
            + organisations * (BytesPerOrganisation + 16.0 * Math.Min(forms, FormTable.MaxForms))
            // A run's values kept for summary.csv, and the step being written.
            + 2.0 * (p.Steps + 1) * measures * sizeof(double);
        return new ScenarioSize(Whole(organisations), Whole(actors), Whole(actorTies), Whole(personTies), forms, Whole(bytes));
    }

    private static long Whole(double count) => count >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(count);

    /// <summary>Counts beyond what the model can index: each a message naming the count and its limit.</summary>
    public IEnumerable<(string File, string Message)> Limits()
    {
        if (Organisations > MaxOrganisations)
        {
            yield return (ScenarioFormat.OrganisationsFile, Count($"the organisations add up to {Organisations:N0} (the counts of {ScenarioFormat.OrganisationsFile} summed)", MaxOrganisations));
        }
        if (Actors > MaxActors)
        {
            yield return (ScenarioFormat.ActorsFile, Count($"the actors add up to {Actors:N0} (each archetype's count times the count of its organisation)", MaxActors));
        }
        if (ActorTies > MaxTies)
        {
            yield return (ScenarioFormat.ActorsFile, Count($"the actors would have {ActorTies:N0} ties (everyone within an organisation, plus actor_network and broker_ties)", MaxTies));
        }
        if (PersonTies > MaxTies)
        {
            yield return (ScenarioFormat.ParametersFile, Count($"people × mean_degree / 2 makes {PersonTies:N0} ties among people", MaxTies));
        }
    }

    private static string Count(FormattableString what, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{what.ToString(CultureInfo.InvariantCulture)}; at most {limit:N0} are allowed: use fewer");

    /// <summary>Memory this process may use: the machine's, or the container's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Why <paramref name="runsAtOnce"/> runs at once would not fit in <paramref name="available"/> bytes, or null.</summary>
    public string? MemoryProblem(int runsAtOnce, long available)
    {
        var needed = Bytes > available ? Bytes : Bytes * Math.Max(1, runsAtOnce);
        if (needed <= available)
        {
            return null;
        }
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{Gigabytes(Bytes)} for a run ({PersonTies:N0} ties among people, {Actors:N0} actors with {ActorTies:N0} ties)");
        if (runsAtOnce > 1 && Bytes <= available)
        {
            var fit = Math.Max(1, available / Bytes);
            return string.Create(CultureInfo.InvariantCulture,
                $"{runsAtOnce} runs at once would need about {Gigabytes(needed)} of memory, {what}, and this machine has {Gigabytes(available)}: use --jobs {fit} or fewer");
        }
        return $"a run of this scenario would need about {what} of memory, and this machine has {Gigabytes(available)}: " +
            "use fewer people, a lower mean_degree, or fewer organisations or actors per organisation";
    }

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GB");
}
