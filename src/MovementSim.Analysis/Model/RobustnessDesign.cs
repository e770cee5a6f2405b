using System.Globalization;
using MovementSim.Analysis.Robustness;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>
/// The sampled worlds of a robustness analysis: a Latin hypercube of <c>samples</c> points over the uncertain
/// parameters' plausible ranges (<see cref="LatinHypercube"/>, drawn from the master seed's design stream), each mapped
/// to the values a run takes (<see cref="UncertainParameter.FromUnit"/>). A pure function of its inputs.
/// </summary>
public sealed class RobustnessDesign
{
    private RobustnessDesign(IReadOnlyList<UncertainParameter> parameters, IReadOnlyList<double[]> samples)
    {
        Parameters = parameters;
        Samples = samples;
    }

    public IReadOnlyList<UncertainParameter> Parameters { get; }

    /// <summary>One row per sampled world, one value per parameter as the model runs it (a choice as its option index).</summary>
    public IReadOnlyList<double[]> Samples { get; }

    public static RobustnessDesign Draw(IReadOnlyList<UncertainParameter> parameters, int samples, int masterSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var unit = LatinHypercube.Sample(samples, parameters.Count, AnalysisRandom.Create(masterSeed, AnalysisStream.Design));
        return new RobustnessDesign(parameters, unit.Select(u => parameters.Select((p, j) => p.FromUnit(u[j])).ToArray()).ToArray());
    }

    /// <summary>
    /// The first sampled world the model would refuse, as an error at <paramref name="where"/>: a rule between parameters
    /// (<see cref="ParameterCatalog.CrossChecks"/>) broken by the sampled values with the scenario's others. The catalog's
    /// plausible ranges never break one (a test checks the corners); a ranges file may.
    /// </summary>
    public ScenarioError? FirstRefused(ModelParameters scenario, string where)
    {
        for (var i = 0; i < Samples.Count; i++)
        {
            var p = ParametersOf(scenario, i);
            if (ParameterCatalog.CrossChecks(p).FirstOrDefault() is { } problem)
            {
                var values = string.Join(", ", Parameters.Select((u, j) => $"{u.Name}={u.Spec.Format(Samples[i][j])}"));
                return new ScenarioError(where, 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"sampled world {i} breaks a rule between parameters: {problem} (at {values}); narrow the ranges so that they cannot overlap"));
            }
        }
        return null;
    }

    /// <summary>The scenario's parameters with sampled world <paramref name="sample"/> put in.</summary>
    public ModelParameters ParametersOf(ModelParameters scenario, int sample)
    {
        var p = scenario;
        for (var j = 0; j < Parameters.Count; j++)
        {
            p = Parameters[j].Spec.Set(p, Samples[sample][j]);
        }
        return p;
    }

    /// <summary>The scenario's own values of the uncertain parameters: the world the scenario describes.</summary>
    public double[] BasePoint(ModelParameters scenario) => Parameters.Select(p => p.Spec.Get(scenario)).ToArray();

    /// <summary>The sampled worlds as scenario discovery reads them: a continuous dimension per number, a categorical one per choice.</summary>
    public SampleMatrix Matrix()
    {
        // A whole-number parameter's rounded values can step just past a range given with fractional ends.
        var dimensions = Parameters.Select((p, j) => p.IsChoice
            ? (SampleDimension)new CategoricalDimension(p.Name, p.Levels)
            : new ContinuousDimension(new ParameterRange(p.Name, Math.Min(p.Min, Samples.Min(r => r[j])), Math.Max(p.Max, Samples.Max(r => r[j]))))).ToArray();
        // A choice's sample holds its option's index among the plausible options, which start at option Min.
        return SampleMatrix.FromRows(dimensions,
            Samples.Select(row => (IReadOnlyList<double>)row.Select((v, j) => Parameters[j].IsChoice ? v - Parameters[j].Min : v).ToArray()).ToArray());
    }
}
