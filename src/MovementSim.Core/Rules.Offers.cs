namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>Per-locality offers, capacities and per-step probabilities of the delivery rule (ODD 7.6.1), from the
    /// state after adaptation; also the step's random keys. Nothing in the world changes.</summary>
    public static void PrepareOffers(World w, DeliveryScratch s)
    {
        if (!ReferenceEquals(w, s.World))
        {
            throw new ArgumentException("the scratch belongs to another world", nameof(w));
        }
        var p = w.P;
        var dt = p.DtYears;
        var step = w.StepIndex;
        s.TakeUpKey = w.Random.StepKey(RandomStream.TakeUp, step);
        s.ConversionKey = w.Random.StepKey(RandomStream.Conversion, step);
        s.DropKey = w.Random.StepKey(RandomStream.Dropout, step);
        s.ReviewKey = w.Random.StepKey(RandomStream.Review, step);
        s.AcceptKey = w.Random.StepKey(RandomStream.Acceptance, step);
        s.FormKey = w.Random.StepKey(RandomStream.FormChoice, step);
        var choice = w.Random.StepKey(RandomStream.AlternativeChoice, step);
        var rechoice = w.Random.StepKey(RandomStream.Rechoice, step);
        for (var k = 0; k < w.ComponentCount; k++)
        {
            s.ChoiceKeys[k] = ComponentKey(choice, k);
            s.RechoiceKeys[k] = ComponentKey(rechoice, k);
        }
        s.Review = 1 - Math.Exp(-p.ReviewRate * dt);
        s.MovementSlots = (int)Math.Floor(w.MovementCapacity * w.People);
        var movementSpareTotal = Math.Max(0, s.MovementSlots - w.MovementServed);
        var movementExcess = Math.Max(0, w.MovementServed - s.MovementSlots);
        s.ForcedMovement = w.MovementServed > 0 ? (double)movementExcess / w.MovementServed : 0;
        var toleranceMax = MaxTolerance(w);
        s.Completion = 1 - Math.Exp(-p.CompletionRate * dt);
        var mayChange = s.ForcedMovement > 0 || (s.Completion > 0 && w.Reached > 0);
        var eligible = MeasureContext.EligiblePeople(w);
        for (var l = 0; l < w.LocalityCount; l++)
        {
            var size = w.LocalityStart[l + 1] - w.LocalityStart[l];
            double instSpare = 0, fidelity = 1, forced = 0, conversion = 0;
            var places = 0;
            var checkTolerance = false;
            if (w.InstitutionCount > 0 && w.Adopted[l])
            {
                var o = w.InstOrg[l];
                // Capacity is a budget in people served with the original at unit cost; each recipient uses the
                // relative cost of their own form, and a new recipient is counted at the cost of the default.
                var budget = (w.Scenario.Organisations[w.OrgSpec[o]].Capacity * size + WorkforceCapacity(w, l, eligible)) * w.BudgetFactor[l];
                var (used, lowest, withdrawn) = HeldForms(w, l);
                var spare = Math.Max(0, Math.Floor((budget - used) / w.FormCost[o]));
                places = (int)Math.Min(size, w.Served[l] + spare);
                instSpare = places - w.Served[l];
                fidelity = w.FormFidelity[o];
                forced = used > budget && used > 0 ? (used - budget) / used : 0;
                checkTolerance = p.DropoutRate > 0 && lowest < toleranceMax;
                w.WithdrawalPending[l] = withdrawn;
                conversion = 1 - Math.Exp(-ConversionHazard(w, l) * dt);
                mayChange |= forced > 0 || checkTolerance || (withdrawn && s.Review > 0);
            }
            var movSpare = w.People > 0 ? (double)movementSpareTotal * size / w.People : 0;
            var open = instSpare + movSpare;
            s.Capacity[l] = places;
            s.InstitutionalSpare[l] = instSpare;
            s.MovementSpare[l] = movSpare;
            s.ForcedInstitutional[l] = forced;
            s.CheckTolerance[l] = checkTolerance;
            s.DropInstitutional[l] = p.DropoutRate * dt;
            s.Conversion[l] = instSpare > 0 ? conversion : 0;
            if (open > 0)
            {
                var offerFidelity = (instSpare * fidelity + movSpare) / open;
                var damping = p.QualitySensitivity == 0 ? 1 : Math.Pow(offerFidelity, p.QualitySensitivity);
                s.Push[l] = p.ExternalInfluence * damping * dt;
                s.Imitation[l] = p.Imitation * damping * dt;
                s.InstitutionalShare[l] = instSpare / open;
            }
            else
            {
                s.Push[l] = 0;
                s.Imitation[l] = 0;
                s.InstitutionalShare[l] = 0;
            }
        }
        s.RecipientsMayChange = mayChange;
    }

    /// <summary>What institution j's recipients hold: the budget they use (relative costs summed), the lowest fidelity
    /// among their forms (1 if none), and whether any holds a form the institution no longer offers.</summary>
    private static (double Used, double Lowest, bool Withdrawn) HeldForms(World w, int j)
    {
        var forms = w.Forms;
        var counts = w.ProviderForm.AsSpan(j * forms.Count, forms.Count);
        var offered = w.FormOffered.AsSpan(j * forms.Count, forms.Count);
        double used = 0, lowest = 1;
        var withdrawn = false;
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }
            used += counts[c] * forms.Cost[c];
            lowest = Math.Min(lowest, forms.Fidelity[c]);
            withdrawn |= !offered[c];
        }
        return (used, lowest, withdrawn);
    }

    /// <summary>The highest fidelity tolerance any group's members can have (indexed over arrays: an enumerator over
    /// the groups' list would allocate in every step).</summary>
    private static double MaxTolerance(World w)
    {
        var max = 0.0;
        for (var g = 0; g < w.GroupCount; g++)
        {
            max = Math.Max(max, w.ToleranceMin[g] + w.ToleranceSpan[g]);
        }
        return max;
    }

    /// <summary>A step key of its own for component k's draws, so that the choices of different components are
    /// independent.</summary>
    private static ulong ComponentKey(ulong stepKey, int k) => SplitMix.Mix(stepKey ^ ((ulong)(k + 1) * 0xD1B54A32D192ED03UL));
}
