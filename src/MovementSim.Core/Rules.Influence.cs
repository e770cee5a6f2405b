namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 2. Appraisal ----------------------------------------------------------------------

    /// <summary>Each actor values its own organisation's form by its own motive weights: a_i = sum_m w_im A_om.</summary>
    public static void Appraise(World w)
    {
        for (var i = 0; i < w.ActorCount; i++)
        {
            var o = w.ActorOrg[i];
            double a = 0;
            for (var m = 0; m < MC; m++)
            {
                a += w.Weights[i * MC + m] * w.FormAppeal[o * MC + m];
            }
            w.Appraisal[i] = a;
        }
    }

    // ---- 3. Influence and coalition --------------------------------------------------------

    /// <summary>Visible results: mean benefit among recipients, scaled by how visible the reach is
    /// (fully visible at reach results_visibility).</summary>
    public static double VisibleResults(World w)
    {
        var reached = w.Reached;
        if (reached == 0)
        {
            return 0;
        }
        var forms = w.Forms;
        double benefit = 0;
        for (var g = 0; g < w.GroupCount; g++)
        {
            var row = w.GroupForm.AsSpan(g * forms.Count, forms.Count);
            for (var c = 0; c < row.Length; c++)
            {
                benefit += row[c] * Benefit(w.P, forms.Fidelity[c]);
            }
        }
        var reach = (double)reached / w.People;
        return Math.Min(1, reach / w.P.ResultsVisibility) * (benefit / reached);
    }

    /// <summary>Secondary beliefs (support) move towards a mix of the sticky core belief and a target made of
    /// neighbours' support (weighted by who listens to whom), one's own appraisal and visible results.
    /// Exited actors withdraw: their goal is 0. All actors update from the same previous state.</summary>
    public static void Influence(World w)
    {
        var p = w.P;
        var results = VisibleResults(w);
        var totalWeight = p.SocialWeight + p.AppraisalWeight + p.ResultsWeight;
        var rate = Math.Min(1, p.BeliefUpdateRate * p.DtYears);
        var previous = w.PreviousSupport;
        Array.Copy(w.Support, previous, w.ActorCount);
        for (var i = 0; i < w.ActorCount; i++)
        {
            double social = previous[i], weightSum = 0, weighted = 0;
            var pos = w.OrgPosition[w.ActorOrg[i]];
            foreach (var j in w.ActorTies.Neighbours(i))
            {
                var listen = ListeningWeight(w, i, j, pos);
                weighted += listen * previous[j];
                weightSum += listen;
            }
            if (weightSum > 0)
            {
                social = weighted / weightSum;
            }
            var target = (p.SocialWeight * social + p.AppraisalWeight * w.Appraisal[i] + p.ResultsWeight * results) / totalWeight;
            var goal = w.Stance[i] == Stance.Exit
                ? 0
                : p.CoreBeliefWeight * w.CoreBelief[i] + (1 - p.CoreBeliefWeight) * target;
            w.Support[i] = Math.Clamp(previous[i] + rate * (goal - previous[i]), 0, 1);
        }
        UpdateMembership(w);
    }

    /// <summary>Same position: 1. Across positions: the constructive-conversation level, unless a broker is involved (1).</summary>
    public static double ListeningWeight(World w, int i, int j, Position iPosition) =>
        w.OrgPosition[w.ActorOrg[j]] == iPosition || w.Broker[i] || w.Broker[j] ? 1 : w.Conversation;

    /// <summary>How much an organisation in <paramref name="position"/> hears actor j: 1 from its own position or a
    /// broker, the constructive-conversation level from elsewhere.</summary>
    public static double HeardBy(World w, Position position, int j) =>
        w.OrgPosition[w.ActorOrg[j]] == position || w.Broker[j] ? 1 : w.Conversation;

    public static void UpdateMembership(World w)
    {
        for (var i = 0; i < w.ActorCount; i++)
        {
            w.Member[i] = w.Support[i] >= w.P.CoalitionThreshold && w.Stance[i] != Stance.Exit;
        }
    }

}
