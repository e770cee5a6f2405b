namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 4. Institutional adoption ---------------------------------------------------------

    /// <summary>Coalition pressure on organisation o: the geometric mean over resource kinds of the coverage
    /// min(1, sum over members with access of heard x support x resource / resource_need), where heard is 1 for
    /// members in o's position or brokers and the conversation level otherwise. A coalition missing one kind of
    /// resource exerts no pressure however large it is.</summary>
    public static double CoalitionPressure(World w, int o)
    {
        Span<double> sum = stackalloc double[RC];
        var position = w.OrgPosition[o];
        foreach (var i in w.Access.Neighbours(o))
        {
            if (!w.Member[i])
            {
                continue;
            }
            var weight = HeardBy(w, position, i) * w.Support[i];
            for (var r = 0; r < RC; r++)
            {
                sum[r] += weight * w.Resources[i * RC + r];
            }
        }
        double logSum = 0;
        for (var r = 0; r < RC; r++)
        {
            var coverage = Math.Min(1, sum[r] / w.P.ResourceNeed);
            if (coverage <= 0)
            {
                return 0;
            }
            logSum += Math.Log(coverage);
        }
        return Math.Exp(logSum / RC);
    }

    /// <summary>For each institution, the share of the other institutions of the same kind that have adopted.</summary>
    public static void PeerShares(World w, double[] into)
    {
        var kinds = w.Scenario.Organisations.Count;
        Span<int> count = kinds <= 256 ? stackalloc int[kinds] : new int[kinds];
        Span<int> adopted = kinds <= 256 ? stackalloc int[kinds] : new int[kinds];
        for (var k = 0; k < w.InstitutionCount; k++)
        {
            var spec = w.OrgSpec[w.InstOrg[k]];
            count[spec]++;
            adopted[spec] += w.Adopted[k] ? 1 : 0;
        }
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            var spec = w.OrgSpec[w.InstOrg[j]];
            var peers = count[spec] - 1;
            var peersAdopted = adopted[spec] - (w.Adopted[j] ? 1 : 0);
            into[j] = peers == 0 ? 0 : (double)peersAdopted / peers;
        }
    }

    /// <summary>An institution adopts when coalition pressure reaches its threshold (technical if few peers have
    /// adopted, legitimacy otherwise), or by imitating peers (legitimacy), or under a mandate (coerced).</summary>
    public static void Adopt(World w)
    {
        if (w.P.InstitutionalAdoption == 0)
        {
            return;
        }
        var dt = w.P.DtYears;
        // Peer shares from the state at the start of the rule, so the order of institutions does not matter.
        var peerShare = w.PeerShare;
        PeerShares(w, peerShare);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            w.Pressure[j] = CoalitionPressure(w, w.InstOrg[j]);
            if (w.Adopted[j])
            {
                continue;
            }
            var mode = AdoptionMode.None;
            if (w.Pressure[j] >= w.Threshold[j] && w.Pressure[j] > 0)
            {
                mode = peerShare[j] < w.P.LegitimacySwitch ? AdoptionMode.Technical : AdoptionMode.Legitimacy;
            }
            else if (Happens(w.P.MimeticRate * peerShare[j] * dt, w.Random.Uniform(RandomStream.Mimetic, w.StepIndex, j)))
            {
                mode = AdoptionMode.Legitimacy;
            }
            else if (Happens(w.P.MandateComplianceRate * w.Mandate[j] * dt, w.Random.Uniform(RandomStream.Mandate, w.StepIndex, j)))
            {
                mode = AdoptionMode.Coerced;
            }
            if (mode != AdoptionMode.None)
            {
                w.Adopted[j] = true;
                w.Mode[j] = mode;
                w.AdoptedStep[j] = w.StepIndex + 1;
            }
        }
    }

    /// <summary>An event with hazard h (h = rate x dt) happens in a step with probability 1 - exp(-h).</summary>
    private static bool Happens(double hazardTimesDt, double u) => hazardTimesDt > 0 && u < 1 - Math.Exp(-hazardTimesDt);

}
