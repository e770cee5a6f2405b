namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 7. Movement response --------------------------------------------------------------

    /// <summary>Mean fidelity of the forms adopted institutions deliver; null when none has adopted.</summary>
    public static double? DeliveredFidelity(World w)
    {
        double sum = 0;
        var n = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (w.Adopted[j])
            {
                sum += w.FormFidelity[w.InstOrg[j]];
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /// <summary>Outside actors compare delivered fidelity with their tolerance: satisfied actors are loyal (and
    /// exited ones may return); dissatisfied loyal actors voice; voicing actors exit with a hazard growing with the
    /// relative gap. Then movement capacity grows with engaged outside support (logistic), is crowded out by
    /// institutional reach and is commissioned by co-producing adopters.</summary>
    public static void RespondMovement(World w)
    {
        var p = w.P;
        var delivered = DeliveredFidelity(w);
        for (var i = 0; i < w.ActorCount; i++)
        {
            if (w.OrgPosition[w.ActorOrg[i]] != Position.Outside || delivered is null)
            {
                continue;
            }
            var tolerance = w.FidelityTolerance[i];
            var gap = tolerance - delivered.Value;
            if (gap <= 0)
            {
                if (w.Stance[i] == Stance.Exit)
                {
                    if (Happens(p.ReentryRate * p.DtYears, w.Random.Uniform(RandomStream.Reentry, w.StepIndex, i)))
                    {
                        w.Stance[i] = Stance.Loyalty;
                    }
                }
                else
                {
                    w.Stance[i] = Stance.Loyalty;
                }
            }
            else if (w.Stance[i] == Stance.Loyalty)
            {
                w.Stance[i] = Stance.Voice;
            }
            else if (w.Stance[i] == Stance.Voice &&
                     Happens(p.ExitRate * gap / tolerance * p.DtYears, w.Random.Uniform(RandomStream.Exit, w.StepIndex, i)))
            {
                w.Stance[i] = Stance.Exit;
            }
        }
        UpdateMembership(w);
        UpdateMovementCapacity(w);
    }

    public static void UpdateMovementCapacity(World w)
    {
        var p = w.P;
        double outsideSupport = 0;
        var outside = 0;
        for (var i = 0; i < w.ActorCount; i++)
        {
            if (w.OrgPosition[w.ActorOrg[i]] == Position.Outside)
            {
                outside++;
                outsideSupport += w.Stance[i] == Stance.Exit ? 0 : w.Support[i];
            }
        }
        var engaged = outside == 0 ? 0 : outsideSupport / outside;
        var m = w.MovementCapacity;
        var institutionalReach = w.People == 0 ? 0 : (double)w.InstitutionServed / w.People;
        double coproduction = 0;
        var adopters = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (w.Adopted[j])
            {
                coproduction += w.Voice[w.InstOrg[j]];
                adopters++;
            }
        }
        coproduction = adopters == 0 ? 0 : coproduction / adopters;
        var growth = p.MovementCapacityMax > 0 ? p.MovementGrowth * engaged * m * (1 - m / p.MovementCapacityMax) : 0;
        var change = growth - p.CrowdOut * institutionalReach * m + p.Commissioning * coproduction * institutionalReach;
        w.MovementCapacity = Math.Clamp(m + p.DtYears * change, 0, 1);
    }

    /// <summary>Benefit of the status quo (what people get without the innovation): the benefit of its fidelity
    /// equivalent, so that it is on the same scale as the innovation's under either benefit function.</summary>
    public static double StatusQuoBenefit(ModelParameters p) => Benefit(p, p.StatusQuoFidelity);

    /// <summary>Benefit to a person of receiving a form of fidelity f.</summary>
    public static double Benefit(ModelParameters p, double f) => p.BenefitFunction switch
    {
        BenefitFunction.Threshold => f >= p.BenefitThreshold ? f : f * p.BenefitBelowThreshold,
        _ => f,
    };
}
