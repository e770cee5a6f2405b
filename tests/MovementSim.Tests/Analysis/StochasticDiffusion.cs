using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MovementSim.Analysis;
using MovementSim.Analysis.Calibration;
using MovementSim.Scenarios;

namespace MovementSim.Tests.Analysis;

/// <summary>
/// A miniature of the bass-docking scenario with the statistical structure that matters for calibration, fast
/// enough to calibrate hundreds of times in a test: <see cref="People"/> people, ten steps a year; each step,
/// of the n who have not adopted, a whole number adopt, n·h + sqrt(n·h(1 - h))·z rounded (the normal
/// approximation of a binomial), with hazard h = (p + q·reach)·dt and z standard normal. Reach is cumulative,
/// so one early surprise carries into every later year (the observations are autocorrelated), and a replicate
/// mean has Monte Carlo error; with the same z for every point (common random numbers) the distance is a step
/// function of p and q, as the model's is.
/// </summary>
internal sealed class StochasticDiffusion(int people, int replicates)
{
    public const double TrueExternalInfluence = 0.03;
    public const double TrueImitation = 0.5;
    public const int FirstYear = 2000;
    public const int Years = 8;
    private const int StepsPerYear = 10;
    private const double Dt = 1.0 / StepsPerYear;

    public static readonly ParameterRange[] Ranges = [new("external_influence", 0.01, 0.1), new("imitation", 0.1, 1.0)];

    public int People { get; } = people;

    /// <summary>Replicates averaged by <see cref="Simulator"/>, like --reps.</summary>
    public int Replicates { get; } = replicates;

    /// <summary>Reach at the end of each year 1..<see cref="Years"/> of one run driven by <paramref name="z"/>.</summary>
    public double[] Reach(double p, double q, double[] z)
    {
        var reach = new double[Years];
        var adopted = 0.0;
        for (var step = 0; step < z.Length; step++)
        {
            var n = People - adopted;
            var hazard = Math.Min(1.0, (p + q * adopted / People) * Dt);
            var mean = n * hazard;
            adopted += Math.Clamp(Math.Round(mean + Math.Sqrt(mean * (1 - hazard)) * z[step]), 0, n);
            if ((step + 1) % StepsPerYear == 0)
            {
                reach[(step + 1) / StepsPerYear - 1] = adopted / People;
            }
        }
        return reach;
    }

    /// <summary>The standard normal draws of one run, from its seed.</summary>
    public static double[] Draws(int seed)
    {
        var random = new Xoshiro256StarStar(seed, false);
        var z = new double[Years * StepsPerYear];
        Normal.Samples(random, z, 0, 1);
        return z;
    }

    /// <summary>One observation of reach per year: the years a data set from <see cref="Reach"/> describes.</summary>
    public static Observation[] Observations(double[] reach) =>
        reach.Select((r, y) => new Observation(FirstYear + y + 1, "reach", r, 1.0)).ToArray();

    /// <summary>The replicate mean at every point, replicate r driven by the draws of seed <c>seeds + r</c> at every point.</summary>
    public ISimulatedMeasures Simulator(int seeds)
    {
        var draws = Enumerable.Range(0, Replicates).Select(r => Draws(seeds + r)).ToArray();
        return SimulatedMeasures.PointByPoint((point, observations) =>
        {
            var mean = new double[Years];
            foreach (var z in draws)
            {
                var reach = Reach(point[0], point[1], z);
                for (var y = 0; y < Years; y++)
                {
                    mean[y] += reach[y] / Replicates;
                }
            }
            return AtYears(mean, observations);
        });
    }

    private static double[] AtYears(double[] yearly, IReadOnlyList<Observation> observations) =>
        observations.Select(o => yearly[(int)o.Year - FirstYear - 1]).ToArray();

    /// <summary>
    /// The bootstrap of one calibration, all seeds below <paramref name="seeds"/> + 1,000,000 and disjoint from
    /// the fit's (<paramref name="seeds"/> up to + <see cref="Replicates"/>): synthetic data set b is one run
    /// (as observed data are one history), refit b gets replicates of its own.
    /// </summary>
    public IBootstrapModel Bootstrap(int seeds) => new DiffusionBootstrap(this, seeds);

    private sealed class DiffusionBootstrap(StochasticDiffusion model, int seeds) : IBootstrapModel
    {
        private const int DataSeeds = 1000;
        private const int RefitSeeds = 10_000;

        public IReadOnlyList<double[]> SyntheticData(double[] point, int count, IReadOnlyList<Observation> observations) =>
            Enumerable.Range(0, count).Select(b => AtYears(model.Reach(point[0], point[1], Draws(seeds + DataSeeds + b)), observations)).ToArray();

        public ISimulatedMeasures RefitSimulator(int refit, IReadOnlyList<Observation> data) =>
            model.Simulator(seeds + RefitSeeds + refit * model.Replicates);
    }
}
