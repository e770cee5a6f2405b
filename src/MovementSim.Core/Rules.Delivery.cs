namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>People per chunk of the take-up pass; chunks may run on different threads.</summary>
    public const int ChunkSize = 1 << 15;

    /// <summary>
    /// Delivery and take-up (ODD 7.6). Each locality gets offers from its institution (if adopted, within its
    /// capacity, its default form at fidelity f, with its menu) and from the movement (original form, within its share
    /// of movement capacity). An unreached person of an eligible group takes up with probability (p + q s) g dt times
    /// their group's propensity, where s is the share of their neighbours reached (of everyone else, with complete
    /// mixing) and g = f_offer^quality_sensitivity damps take-up of poor offers (Euler step of the Bass hazard); an
    /// institution under a coverage target moves unreached people onto its forms as well. A new institutional
    /// recipient chooses their form from the menu, steered by the institution. Recipients whose tolerance exceeds
    /// their form's fidelity drop out at dropout_rate; recipients beyond a shrunken capacity are dropped at random;
    /// recipients of a withdrawn form re-choose at review. All decisions use the state at the start of the step and
    /// random numbers keyed by (step, person), so the result does not depend on the number of threads; they are then
    /// applied in person order.
    /// </summary>
    public static void DeliverAndTakeUp(World w, DeliveryScratch scratch, int threads)
    {
        PrepareOffers(w, scratch);
        var chunks = scratch.CandidateCount.Length;
        var peopleToVisit = scratch.RecipientsMayChange ? w.People : w.People - w.Reached;
        if (threads > 1 && chunks > 1 && peopleToVisit >= ParallelMinimumPeople)
        {
            scratch.Passes.Decide(threads);
        }
        else
        {
            for (var c = 0; c < chunks; c++)
            {
                DecideChunk(w, scratch, c);
            }
        }
        ApplyDecisions(w, scratch, chunks, threads);
    }

    /// <summary>Below this many people to visit, the decide pass stays on one thread: waking another costs more than it
    /// saves. Either way the result is the same. A worker that wakes late costs little (the calling thread takes the
    /// parts no worker has claimed), so the thresholds are low: on an idle machine, higher ones (65,536 people and
    /// 32,768 counts) left the second thread idle in most steps of a 10^6-person Bass run and made it slower.</summary>
    private const int ParallelMinimumPeople = ChunkSize;

    /// <summary>Below about this many neighbour counts to update, the update stays on one thread.</summary>
    private const long ParallelMinimumTies = 1 << 12;

    /// <summary>Applies the chunks' decisions in person order: leavers leave; take-up candidates are accepted within the
    /// offers of their locality and choose a form. Neighbours' counts are updated afterwards, since nothing here reads
    /// them.</summary>
    private static void ApplyDecisions(World w, DeliveryScratch s, int chunks, int threads)
    {
        CountDemand(w, s, chunks);
        for (var l = 0; l < w.InstitutionCount; l++)
        {
            w.LastDemand[l] = s.Demand[l];
            w.LastSpare[l] = s.InstitutionalSpare[l] + s.MovementSpare[l];
        }
        w.TakeUps = 0;
        w.InstitutionalTakeUps = 0;
        for (var c = 0; c < chunks; c++)
        {
            s.ChangeCount[c] = AcceptChunk(w, s, c);
        }
        if (w.PeopleTies is not { } g)
        {
            return;
        }
        long changes = 0;
        for (var c = 0; c < chunks; c++)
        {
            changes += s.ChangeCount[c];
        }
        var ties = changes * g.Targets.Length / Math.Max(1, w.People);
        if (threads > 1 && chunks > 1 && ties >= ParallelMinimumTies)
        {
            // Each thread applies its share of the changes with atomic additions. Integer sums do not depend on the
            // order of their terms, so the counts are those of one thread. (Giving each thread a slice of the counts
            // instead avoids the atomics but makes every thread fetch every changed person's row: measured slower
            // than one thread, since the update is bound by memory latency, not by the additions.)
            s.Passes.UpdateNeighbourCounts(threads);
        }
        else
        {
            UpdateNeighbourCounts(w, s, 0, chunks, atomic: false);
        }
    }

    /// <summary>Take-up candidates per locality, so that acceptance under scarce capacity is fair within a locality.
    /// Candidates are in ascending person order across chunks, so the locality is found by walking forward.</summary>
    private static void CountDemand(World w, DeliveryScratch s, int chunks)
    {
        var localityStart = w.LocalityStart;
        var demand = s.Demand;
        Array.Clear(demand);
        var l = 0;
        for (var c = 0; c < chunks; c++)
        {
            foreach (var code in s.Candidates[c].AsSpan(0, s.CandidateCount[c]))
            {
                if (DecisionCode.IsTakeUp(code))
                {
                    var i = DecisionCode.Person(code);
                    while (localityStart[l + 1] <= i)
                    {
                        l++;
                    }
                    demand[l]++;
                }
            }
        }
    }

    /// <summary>Decides the outcome of each candidate of a chunk, in order, and changes states, forms and counts. The
    /// changes of who is reached (i for a new recipient, ~i for a leaver) overwrite the chunk's candidates; returns their
    /// number. Re-choices change only forms.</summary>
    private static int AcceptChunk(World w, DeliveryScratch s, int chunk)
    {
        var buffer = s.Candidates[chunk].AsSpan(0, s.CandidateCount[chunk]);
        if (buffer.IsEmpty)
        {
            return 0;
        }
        var localityStart = w.LocalityStart;
        var state = w.PersonState;
        var demand = s.Demand;
        var served = w.Served;
        var movement = w.InstitutionCount;
        var hasInstitutions = w.InstitutionCount > 0;
        var changes = 0;
        var l = s.LocalityOf(DecisionCode.Person(buffer[0]));
        foreach (var code in buffer)
        {
            var i = DecisionCode.Person(code);
            while (localityStart[l + 1] <= i)
            {
                l++;
            }
            if (code < 0)
            {
                Leave(w, i, state[i] == PersonState.Movement ? movement : l);
                buffer[changes++] = code;
                continue;
            }
            if ((code & DecisionCode.Rechooses) != 0)
            {
                ChangeForm(w, i, l, Rechoose(w, s, l, i));
                continue;
            }
            var offered = s.InstitutionalSpare[l] + s.MovementSpare[l];
            if (demand[l] > offered && RunRandom.Uniform(s.AcceptKey, i) * demand[l] >= offered)
            {
                continue;
            }
            var institutionOpen = hasInstitutions && w.Adopted[l] && served[l] < s.Capacity[l];
            var movementOpen = w.MovementServed < s.MovementSlots;
            if ((code & DecisionCode.Moved) != 0)
            {
                // A target moves people onto the institution's forms only.
                if (!institutionOpen)
                {
                    continue;
                }
            }
            // The form draw only matters when both are open (a keyed draw that is not needed is simply not made).
            else if (!(institutionOpen && (!movementOpen || RunRandom.Uniform(s.FormKey, i) < s.InstitutionalShare[l])))
            {
                if (movementOpen && s.MovementSpare[l] > 0)
                {
                    Receive(w, i, PersonState.Movement, 0, movement);
                    buffer[changes++] = i;
                    w.TakeUps++;
                }
                continue;
            }
            Receive(w, i, PersonState.Institution, Choose(w, s, l, i), l);
            buffer[changes++] = i;
            w.TakeUps++;
            w.InstitutionalTakeUps++;
        }
        return changes;
    }
}
