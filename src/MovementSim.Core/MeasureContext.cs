namespace MovementSim.Core;

/// <summary>
/// The tallies every measure is computed from, gathered once per step from the world (ODD 7.8): counts of recipients
/// by form and group, adoption, the coalition and the movement. Allocated once per run and refilled, so collecting the
/// measures allocates nothing; it only reads the world.
/// </summary>
public sealed class MeasureContext
{
    public MeasureContext(World w)
    {
        World = w;
        GroupSize = new int[w.GroupCount];
        foreach (var g in w.PersonGroup)
        {
            GroupSize[g]++;
        }
        GroupReached = new double[w.GroupCount];
        GroupFidelity = new double[w.GroupCount];
        GroupGain = new double[w.GroupCount];
        AlternativeCount = w.Scenario.Components.Select(c => new double[c.Alternatives.Count]).ToArray();
        MembersByPosition = new int[Names.PositionCount];
        ActorsByPosition = new int[Names.PositionCount];
        SupportByPosition = new double[Names.PositionCount];
        MembersByMotive = new int[Names.MotiveCount];
        ActorsByMotive = new int[Names.MotiveCount];
        SupportByMotive = new double[Names.MotiveCount];
    }

    public World World { get; }

    /// <summary>max(1, simulated people): the denominator of shares of the population.</summary>
    public double People { get; private set; }
    /// <summary>Real eligible people in this year, that the simulated people stand for.</summary>
    public double Eligible { get; private set; }
    public double Reached { get; private set; }
    public double FidelitySum { get; private set; }
    /// <summary>Sum over recipients of benefit minus the status quo's.</summary>
    public double GainSum { get; private set; }
    public double Lost { get; private set; }

    /// <summary>Institutional recipients of each alternative of each component: <c>AlternativeCount[k][a]</c>.</summary>
    public double[][] AlternativeCount { get; }
    /// <summary>Simulated people in each group (fixed for the run).</summary>
    public int[] GroupSize { get; }
    public double[] GroupReached { get; }
    public double[] GroupFidelity { get; }
    public double[] GroupGain { get; }

    public int Adopted { get; private set; }
    public int Technical { get; private set; }
    public int Legitimacy { get; private set; }
    public int Coerced { get; private set; }
    public double PressureSum { get; private set; }
    public double TargetSum { get; private set; }
    public double Workers { get; private set; }
    public double FundedWorkers { get; private set; }
    /// <summary>Take-up candidates of the last step, and those who found no open place.</summary>
    public double Demand { get; private set; }
    public double Unmet { get; private set; }

    public int Members { get; private set; }
    public int[] MembersByPosition { get; }
    public int[] ActorsByPosition { get; }
    public double[] SupportByPosition { get; }
    public int[] MembersByMotive { get; }
    public int[] ActorsByMotive { get; }
    public double[] SupportByMotive { get; }
    public int Outside { get; private set; }
    public int Voice { get; private set; }
    public int Exit { get; private set; }

    /// <summary>A share of the simulated population as a count of real eligible people.</summary>
    public double PeopleOf(double count) => count / People * Eligible;

    /// <summary>Gathers the tallies of the world's current state.</summary>
    public void Fill()
    {
        var w = World;
        var p = w.P;
        People = Math.Max(1, w.People);
        Eligible = EligiblePeople(w);
        Reached = w.Reached;
        FillForms(w, p);
        FillAdoption(w);
        FillCoalition(w);
    }

    private void FillForms(World w, ModelParameters p)
    {
        var forms = w.Forms;
        double fidelity = 0, gain = 0, lost = 0;
        var statusQuo = Rules.StatusQuoBenefit(p);
        for (var g = 0; g < w.GroupCount; g++)
        {
            double reached = 0, groupFidelity = 0, groupGain = 0;
            var row = w.GroupForm.AsSpan(g * forms.Count, forms.Count);
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] == 0)
                {
                    continue;
                }
                reached += row[c];
                groupFidelity += row[c] * forms.Fidelity[c];
                groupGain += row[c] * (Rules.Benefit(p, forms.Fidelity[c]) - statusQuo);
            }
            GroupReached[g] = reached;
            GroupFidelity[g] = groupFidelity;
            GroupGain[g] = groupGain;
            fidelity += groupFidelity;
            gain += groupGain;
            lost += w.GroupLost[g];
        }
        FidelitySum = fidelity;
        GainSum = gain;
        Lost = lost;
        // Alternatives are counted among institutional recipients: the movement's own recipients receive the
        // original in every component and are counted apart (reach_movement), so that people_<k>_<a> can be set
        // against statistics of what institutions deliver.
        foreach (var counts in AlternativeCount)
        {
            Array.Clear(counts);
        }
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            var row = w.ProviderForm.AsSpan(j * forms.Count, forms.Count);
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] == 0)
                {
                    continue;
                }
                for (var k = 0; k < forms.ComponentCount; k++)
                {
                    AlternativeCount[k][forms.AlternativeOf(c, k)] += row[c];
                }
            }
        }
    }

    private void FillAdoption(World w)
    {
        int adopted = 0, technical = 0, legitimacy = 0, coerced = 0;
        double pressure = 0, target = 0, workers = 0, funded = 0, demand = 0, unmet = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            target += w.TargetShare[j];
            workers += w.Workers[j];
            funded += w.FundedWorkers[j];
            demand += w.LastDemand[j];
            unmet += Math.Max(0, w.LastDemand[j] - w.LastSpare[j]);
            if (!w.Adopted[j])
            {
                continue;
            }
            adopted++;
            pressure += w.DeliveryPressure[j];
            switch (w.Mode[j])
            {
                case AdoptionMode.Technical: technical++; break;
                case AdoptionMode.Legitimacy: legitimacy++; break;
                case AdoptionMode.Coerced: coerced++; break;
            }
        }
        (Adopted, Technical, Legitimacy, Coerced, PressureSum, TargetSum) = (adopted, technical, legitimacy, coerced, pressure, target);
        (Workers, FundedWorkers, Demand, Unmet) = (workers, funded, demand, unmet);
    }

    private void FillCoalition(World w)
    {
        Array.Clear(MembersByPosition);
        Array.Clear(ActorsByPosition);
        Array.Clear(SupportByPosition);
        Array.Clear(MembersByMotive);
        Array.Clear(ActorsByMotive);
        Array.Clear(SupportByMotive);
        int members = 0, outside = 0, voice = 0, exit = 0;
        for (var a = 0; a < w.ActorCount; a++)
        {
            var position = (int)w.OrgPosition[w.ActorOrg[a]];
            var motive = Measurement.DominantMotive(w, a);
            ActorsByPosition[position]++;
            ActorsByMotive[motive]++;
            SupportByPosition[position] += w.Support[a];
            SupportByMotive[motive] += w.Support[a];
            if (w.Member[a])
            {
                members++;
                MembersByPosition[position]++;
                MembersByMotive[motive]++;
            }
            if (position == (int)Position.Outside)
            {
                outside++;
                voice += w.Stance[a] == Stance.Voice ? 1 : 0;
                exit += w.Stance[a] == Stance.Exit ? 1 : 0;
            }
        }
        (Members, Outside, Voice, Exit) = (members, outside, voice, exit);
    }

    /// <summary>Real eligible people in the world's current year: the scenario's series interpolated linearly
    /// (constant beyond its ends), else the eligible_population parameter, else the simulated people.</summary>
    public static double EligiblePeople(World w)
    {
        var series = w.Scenario.EligiblePopulation;
        if (series.Count == 0)
        {
            return w.P.EligiblePopulation > 0 ? w.P.EligiblePopulation : w.People;
        }
        var year = w.Year;
        if (year <= series[0].Year)
        {
            return series[0].People;
        }
        for (var k = 1; k < series.Count; k++)
        {
            if (year <= series[k].Year)
            {
                var (a, b) = (series[k - 1], series[k]);
                return a.People + (b.People - a.People) * (year - a.Year) / (b.Year - a.Year);
            }
        }
        return series[^1].People;
    }
}
