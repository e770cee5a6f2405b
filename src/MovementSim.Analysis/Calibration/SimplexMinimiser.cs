using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace MovementSim.Analysis.Calibration;

/// <summary>A minimum in the unit box; <see cref="Converged"/> is false when Nelder-Mead ran out of evaluations.</summary>
internal sealed record Minimum(double[] Point, double Value, bool Converged);

/// <summary>
/// MathNet's Nelder-Mead simplex in the unit box, restarted from where it stopped, as the fit, the profiles and the
/// bootstrap refits use it.
/// </summary>
internal static class SimplexMinimiser
{
    /// <summary>Size of the first simplex's edges in the unit box: a tenth of each range explores without leaving it.</summary>
    public const double InitialStep = 0.1;

    /// <summary>Edge size when restarting from a converged point.</summary>
    public const double RestartStep = 0.05;

    /// <summary>
    /// Nelder-Mead stops when its simplex's values agree, which can happen on a ridge far from the minimum;
    /// restarting from the result with a fresh simplex is the standard remedy (fminsearch practice). Two
    /// restarts suffice for the smooth objectives seen so far and bound the cost.
    /// </summary>
    public const int MaxRestarts = 2;


    public static bool IsLower(double candidate, double reference) => candidate < reference - 1e-10 * Math.Abs(reference);

    public static Minimum MinimiseWithRestarts(Func<double[], double> distance, double[] start, CalibrationOptions options, int maxRestarts = MaxRestarts)
    {
        var result = Minimise(distance, start, InitialStep, options);
        for (var restart = 0; restart < maxRestarts; restart++)
        {
            var again = Minimise(distance, result.Point, RestartStep, options);
            var improved = IsLower(again.Value, result.Value);
            if (again.Value <= result.Value)
            {
                result = again;
            }
            if (!improved)
            {
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// One Nelder-Mead run over the unit box (clamp and penalty, see <see cref="Fit"/>). The best clamped point
    /// seen is tracked outside the optimiser, so running out of evaluations still returns the best point found.
    /// </summary>
    public static Minimum Minimise(Func<double[], double> distance, double[] start, double step, CalibrationOptions options)
    {
        var n = start.Length;
        var bestPoint = (double[])start.Clone();
        var bestValue = double.PositiveInfinity;

        // MathNet stops when 2|D_high - D_low| / (|D_high| + |D_low| + 1e-10) < tolerance, which never happens as
        // D -> 0 in a fit that can match the data exactly. Adding the start's distance as a constant changes no
        // simplex move (they only compare values) but makes the rule relative to that distance instead.
        var offset = distance(start);
        double Penalised(Vector<double> v)
        {
            var clamped = new double[n];
            var outside = 0.0;
            for (var i = 0; i < n; i++)
            {
                clamped[i] = Math.Clamp(v[i], 0.0, 1.0);
                var d = v[i] - clamped[i];
                outside += d * d;
            }
            var value = distance(clamped);
            if (value < bestValue)
            {
                bestValue = value;
                bestPoint = clamped;
            }
            return offset + value + (1.0 + value) * outside;
        }

        var perturbation = new double[n];
        for (var i = 0; i < n; i++)
        {
            perturbation[i] = start[i] + step <= 1.0 ? step : -step;
        }
        var converged = true;
        try
        {
            NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Penalised), Vector<double>.Build.DenseOfArray(start),
                Vector<double>.Build.DenseOfArray(perturbation), options.ConvergenceTolerance, options.MaxEvaluationsPerRun);
        }
        catch (MaximumIterationsException)
        {
            converged = false;
        }
        return new Minimum(bestPoint, bestValue, converged);
    }

    /// <summary>The vertices MathNet's Nelder-Mead builds from a start and a perturbation: start, then start + step·e_i.</summary>
    public static IEnumerable<double[]> InitialSimplex(double[] start, double step)
    {
        yield return start;
        for (var i = 0; i < start.Length; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] += start[i] + step <= 1.0 ? step : -step;
            yield return vertex;
        }
    }
}
