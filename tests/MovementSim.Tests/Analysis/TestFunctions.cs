namespace MovementSim.Tests.Analysis;

/// <summary>Analytic models with known answers, used in place of the simulation.</summary>
internal static class TestFunctions
{
    public const double IshigamiA = 7.0;
    public const double IshigamiB = 0.1;

    /// <summary>Ishigami and Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1, inputs uniform on [-π, π].</summary>
    public static double Ishigami(double[] x) =>
        Math.Sin(x[0]) + IshigamiA * Math.Pow(Math.Sin(x[1]), 2) + IshigamiB * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    /// <summary>
    /// Analytic Sobol' indices of the Ishigami function (Sobol' and Levitan 1999; Saltelli et al. 2010, section 5):
    /// V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 - 1/50), V = V1 + V2 + V13.
    /// </summary>
    public static (double[] S1, double[] ST) IshigamiIndices()
    {
        var a = IshigamiA;
        var b = IshigamiB;
        var pi4 = Math.Pow(Math.PI, 4);
        var pi8 = Math.Pow(Math.PI, 8);
        var v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2);
        var v2 = a * a / 8;
        var v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        var v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>Logistic growth K / (1 + exp(-r (t - t0))): the shape of a diffusion curve, two parameters to recover.</summary>
    public static double Logistic(double year, double rate, double midpoint, double ceiling) =>
        ceiling / (1.0 + Math.Exp(-rate * (year - midpoint)));
}
