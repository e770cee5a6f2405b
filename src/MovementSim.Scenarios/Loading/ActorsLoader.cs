using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads actors.csv: the archetypes, their motive weights and resources.</summary>
internal static class ActorsLoader
{
    /// <param name="organisations">The names organisations.csv defines; null when unknown (no reference is checked).</param>
    public static List<ArchetypeSpec> Load(ScenarioLoad load, HashSet<string>? organisations)
    {
        var f = ScenarioFormat.Actors;
        var list = new List<ArchetypeSpec>();
        var reader = load.Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var resourceColumns = Names.Resources.Select(r => f["r_" + r]).ToArray();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameColumn = f["archetype"];
        var organisationColumn = f["organisation"];
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Name(nameColumn, out var name) && ReferenceChecks.Unique(row, nameColumn, name, firstLine, "archetype");
            if (row.Reference(organisationColumn, out var organisation))
            {
                if (organisations is not null && !organisations.Contains(organisation))
                {
                    row.Error(organisationColumn, ReferenceChecks.UnknownReference("organisation", organisation, ScenarioFormat.OrganisationsFile, organisations));
                    ok = false;
                }
            }
            else
            {
                ok = false;
            }
            ok &= row.Integer(f["count"], out var count);
            var weightsOk = MotiveWeights(row, f, out var weights);
            var resources = new double[resourceColumns.Length];
            for (var i = 0; i < resources.Length; i++)
            {
                ok &= row.Real(resourceColumns[i], out resources[i]);
            }
            ok &= weightsOk
                & row.Real(f["initial_support"], out var support)
                & row.Real(f["fidelity_tolerance"], out var tolerance)
                & row.Flag(f["decision_maker"], out var decisionMaker)
                & row.Flag(f["broker"], out var broker);
            if (ok)
            {
                list.Add(new ArchetypeSpec(name, organisation, count, weights, resources, support, tolerance, decisionMaker, broker));
            }
        }
        return list;
    }

    /// <summary>Reads the w_ columns, which must each be valid and together sum to 1.</summary>
    private static bool MotiveWeights(RowReader row, FileFormat f, out double[] weights)
    {
        var columns = Names.Motives.Select(m => f["w_" + m]).ToArray();
        weights = new double[columns.Length];
        var ok = true;
        for (var i = 0; i < weights.Length; i++)
        {
            ok &= row.Real(columns[i], out weights[i]);
        }
        if (!ok)
        {
            return false;
        }
        var sum = weights.Sum();
        if (Math.Abs(sum - 1) <= ScenarioFormat.WeightSumTolerance)
        {
            return true;
        }
        row.Error(columns[0],
            $"the motive weights {columns[0].Name}..{columns[^1].Name} sum to {PlainNumber.Format(Math.Round(sum, 12))}: "
            + $"they must sum to 1 (within {PlainNumber.Format(ScenarioFormat.WeightSumTolerance)})");
        return false;
    }
}
