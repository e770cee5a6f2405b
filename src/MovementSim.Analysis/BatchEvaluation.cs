namespace MovementSim.Analysis;

/// <summary>
/// Runs the model at many parameter points in one call, so that the caller (the batch runner) decides how
/// to spread the work over cores or machines. Points are in parameter units, coordinates in the order of
/// the analysis' parameter list; the result holds one scalar output per point, in the same order.
/// </summary>
public interface IBatchEvaluator
{
    double[] Evaluate(IReadOnlyList<double[]> points);
}

public static class BatchEvaluator
{
    /// <summary>Wraps a delegate that evaluates a whole batch.</summary>
    public static IBatchEvaluator From(Func<IReadOnlyList<double[]>, double[]> evaluate) => new DelegateEvaluator(evaluate);

    /// <summary>Wraps a function of one point, evaluated point by point (for analytic test functions).</summary>
    public static IBatchEvaluator PointByPoint(Func<double[], double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        return new DelegateEvaluator(points =>
        {
            var y = new double[points.Count];
            for (var i = 0; i < y.Length; i++)
            {
                y[i] = evaluate(points[i]);
            }
            return y;
        });
    }

    /// <summary>
    /// Evaluates and checks that the evaluator returned one finite value per point: an estimator fed a NaN
    /// returns NaN indices without saying which run failed, so the failing point is named here instead.
    /// </summary>
    internal static double[] EvaluateChecked(IBatchEvaluator evaluator, IReadOnlyList<double[]> points)
    {
        var y = evaluator.Evaluate(points) ?? throw new InvalidOperationException("the evaluator returned no outputs");
        CheckOutputs(y, points.Count);
        return y;
    }

    internal static void CheckOutputs(IReadOnlyList<double> outputs, int expected)
    {
        if (outputs.Count != expected)
        {
            throw new InvalidOperationException($"expected {expected} outputs, one per design point, got {outputs.Count}");
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                throw new InvalidOperationException($"output for design point {i} is {outputs[i]}: every run must yield a finite value");
            }
        }
    }

    private sealed class DelegateEvaluator(Func<IReadOnlyList<double[]>, double[]> evaluate) : IBatchEvaluator
    {
        private readonly Func<IReadOnlyList<double[]>, double[]> _evaluate = evaluate ?? throw new ArgumentNullException(nameof(evaluate));

        public double[] Evaluate(IReadOnlyList<double[]> points) => _evaluate(points);
    }
}
