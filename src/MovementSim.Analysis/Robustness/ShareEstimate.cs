namespace MovementSim.Analysis.Robustness;

/// <summary>
/// A share of sampled worlds (e.g. those in which take-up wins) with an exact binomial interval.
/// </summary>
/// <param name="Count">Worlds counted (e.g. won).</param>
/// <param name="Total">Sampled worlds.</param>
/// <param name="Share">Count / Total.</param>
/// <param name="Low">Lower end of the interval (0 when Count is 0).</param>
/// <param name="High">Upper end of the interval (1 when Count is Total).</param>
/// <param name="Confidence">The interval's confidence level, e.g. 0.95.</param>
public sealed record ShareEstimate(int Count, int Total, double Share, double Low, double High, double Confidence);
