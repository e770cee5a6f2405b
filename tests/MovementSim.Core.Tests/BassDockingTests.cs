using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests;

/// <summary>Docking against the Bass (1969) model: complete mixing, one institution offering the original from
/// the start, no movement and no drop-out must reproduce F(t) = (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t).</summary>
public class BassDockingTests
{
    /// <summary>The per-step take-up is an Euler step of the Bass hazard; its global error is first order in dt.
    /// For p = 0.03, q = 0.38 over 20 years the Euler recurrence's largest gap is 0.072 dt (0.0036 at dt = 0.05);
    /// for p = 0.3, q = 0 it is 0.056 dt. 0.08 dt bounds both.</summary>
    private const double DiscretisationErrorPerUnitDt = 0.08;

    /// <summary>Four standard errors of a mean of Bernoulli shares: sd at most sqrt(0.25 / (N reps)).</summary>
    private static double SamplingTolerance(int people, int reps) => 4 * Math.Sqrt(0.25 / ((double)people * reps));

    public static double Bass(double t, double p, double q) =>
        q == 0 ? 1 - Math.Exp(-p * t) : (1 - Math.Exp(-(p + q) * t)) / (1 + q / p * Math.Exp(-(p + q) * t));

    /// <summary>Mean reach over replicates at each step.</summary>
    private static double[] MeanReach(ScenarioDefinition s, int reps, int firstSeed = 1)
    {
        var mean = new double[s.Parameters.Steps + 1];
        for (var r = 0; r < reps; r++)
        {
            var sim = new Simulation(s, firstSeed + r);
            var reach = sim.Measures.IndexOf(MeasureSet.Reach);
            sim.Run((step, _, v) => mean[step] += v[reach] / reps);
        }
        return mean;
    }

    private static double MaxError(double[] reach, double dt, double p, double q) =>
        reach.Select((f, step) => Math.Abs(f - Bass(step * dt, p, q))).Max();

    [Fact]
    public void Mean_reach_follows_the_Bass_curve_with_typical_diffusion_rates()
    {
        const int People = 20_000, Reps = 8;
        const double P = 0.03, Q = 0.38, Dt = 0.05;
        var reach = MeanReach(Fixtures.Bass(People, P, Q, Dt, steps: 400), Reps);
        var tolerance = DiscretisationErrorPerUnitDt * Dt + SamplingTolerance(People, Reps);
        Assert.InRange(MaxError(reach, Dt, P, Q), 0, tolerance);
        Assert.InRange(reach[^1], 0.95, 1.0);
    }

    [Fact]
    public void Without_imitation_reach_follows_one_minus_exp_minus_p_t()
    {
        const int People = 20_000, Reps = 4;
        const double P = 0.3, Dt = 0.05;
        var reach = MeanReach(Fixtures.Bass(People, P, 0, Dt, steps: 200), Reps);
        var tolerance = DiscretisationErrorPerUnitDt * Dt + SamplingTolerance(People, Reps);
        Assert.InRange(MaxError(reach, Dt, P, 0), 0, tolerance);
    }

    [Fact]
    public void Error_against_the_Bass_curve_shrinks_with_the_time_step()
    {
        // Large N so that discretisation, not sampling, dominates; first order means halving dt halves the error.
        const int People = 200_000;
        const double P = 0.03, Q = 0.38;
        var coarse = MaxError(MeanReach(Fixtures.Bass(People, P, Q, 0.4, steps: 50), 1), 0.4, P, Q);
        var fine = MaxError(MeanReach(Fixtures.Bass(People, P, Q, 0.1, steps: 200), 1), 0.1, P, Q);
        Assert.True(fine < coarse / 2.5, $"error at dt=0.1 ({fine:F4}) should be well below error at dt=0.4 ({coarse:F4})");
    }

    [Fact]
    public void Error_against_the_Bass_curve_shrinks_like_one_over_root_N()
    {
        // At a small dt, the gap is sampling noise: 25 times more people should cut it about 5 times (assert 2.5).
        const double P = 0.03, Q = 0.38, Dt = 0.02;
        double RmsError(int people, int seed)
        {
            var reach = MeanReach(Fixtures.Bass(people, P, Q, Dt, steps: 500), 1, seed);
            var euler = EulerBass(P, Q, Dt, 500);
            return Math.Sqrt(reach.Select((f, i) => (f - euler[i]) * (f - euler[i])).Average());
        }
        var small = Enumerable.Range(1, 6).Select(s => RmsError(2_000, s)).Average();
        var large = Enumerable.Range(1, 6).Select(s => RmsError(50_000, s)).Average();
        Assert.True(large < small / 2.5, $"rms error with 50,000 people ({large:F5}) should be well below that with 2,000 ({small:F5})");
    }

    /// <summary>The deterministic recurrence the expected reach follows: F' = F + dt (1 - F)(p + q F).</summary>
    private static double[] EulerBass(double p, double q, double dt, int steps)
    {
        var f = new double[steps + 1];
        for (var n = 0; n < steps; n++)
        {
            f[n + 1] = f[n] + dt * (1 - f[n]) * (p + q * f[n]);
        }
        return f;
    }

    [Fact]
    public void On_a_random_network_imitation_still_drives_reach_to_saturation()
    {
        var reach = MeanReach(Fixtures.Bass(20_000, 0.03, 0.38, 0.1, steps: 300, NetworkKind.Random), 1);
        Assert.InRange(reach[^1], 0.97, 1.0);
        Assert.True(reach[50] < reach[100] && reach[100] < reach[200]);
    }
}
