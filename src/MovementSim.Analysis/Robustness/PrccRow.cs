namespace MovementSim.Analysis.Robustness;

/// <summary>
/// The partial rank correlation coefficient of one parameter with the outcome, its interval and p-value, and its
/// place in the ranking (1 = moves the outcome most, by |PRCC|).
/// </summary>
/// <param name="Rank">1-based position by |<see cref="Value"/>|, largest first; ties keep dimension order.</param>
/// <param name="Parameter">The dimension's name.</param>
/// <param name="Value">PRCC in [-1, 1]: the sign says in which direction the parameter moves the outcome.</param>
/// <param name="CiLow">Lower end of the Fisher z interval.</param>
/// <param name="CiHigh">Upper end of the Fisher z interval.</param>
/// <param name="PValue">Two-sided p-value of PRCC = 0 (Student t test of Marino et al. 2008).</param>
public sealed record PrccRow(int Rank, string Parameter, double Value, double CiLow, double CiHigh, double PValue);
