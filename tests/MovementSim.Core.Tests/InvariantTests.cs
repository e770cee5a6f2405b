using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests;

/// <summary>Properties that must hold for every seed and every parameter draw.</summary>
public class InvariantTests
{
    /// <summary>Random but valid parameter sets: each numeric parameter drawn within its catalog range (sizes kept small).</summary>
    public static IEnumerable<object[]> Draws()
    {
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(2024, false);
        for (var d = 0; d < 24; d++)
        {
            var p = new ModelParameters
            {
                People = 500 + rng.Next(3000),
                Steps = 20 + rng.Next(40),
                DtYears = 0.05 + 0.45 * rng.NextDouble(),
                Network = (NetworkKind)rng.Next(4),
                ActorNetwork = (NetworkKind)rng.Next(4),
                MeanDegree = 2 + 10 * rng.NextDouble(),
                ExternalInfluence = rng.NextDouble(),
                Imitation = 2 * rng.NextDouble(),
                InitialReach = 0.05 * rng.NextDouble(),
                DropoutRate = 2 * rng.NextDouble(),
                MovementCapacity = 0.02 * rng.NextDouble(),
                MovementCapacityMax = 0.02 + 0.2 * rng.NextDouble(),
                MovementGrowth = 2 * rng.NextDouble(),
                CrowdOut = 2 * rng.NextDouble(),
                Commissioning = 0.2 * rng.NextDouble(),
                Conversation = rng.NextDouble(),
                CoreBeliefWeight = rng.NextDouble(),
                Coproduction = 2 * rng.NextDouble(),
                MimeticRate = rng.NextDouble(),
                MotiveNoise = rng.NextDouble(),
                QualitySensitivity = 3 * rng.NextDouble(),
                BenefitFunction = (BenefitFunction)rng.Next(2),
                ThresholdSpread = rng.NextDouble(),
                ExitRate = 3 * rng.NextDouble(),
                Gatekeeping = 3 * rng.NextDouble(),
                TargetSteering = rng.NextDouble(),
                PressureWeight = rng.NextDouble(),
                TargetCompliance = rng.NextDouble(),
                TargetComplianceSpread = rng.NextDouble(),
                ReviewRate = 3 * rng.NextDouble(),
                OfferMargin = 0.2 * rng.NextDouble(),
                StatusQuoFidelity = rng.NextDouble(),
                CompletionRate = d % 3 == 0 ? 2 * rng.NextDouble() : 0,
                Caseload = d % 4 == 1 ? 50 + 500 * rng.NextDouble() : 0,
                RealInstitutions = 100,
                EligiblePopulation = 1_000_000,
            };
            yield return [d, p];
        }
    }

    /// <summary>The range a measure must stay in: counts of people from 0 to the eligible population, net benefit
    /// (a gain over the status quo) from -1 to 1, the take-up rate from 0 to 1/dt, every other measure from 0 to 1.</summary>
    private static (double Low, double High) Bounds(string measure, World w) =>
        measure is MeasureSet.CaseloadPerWorker or MeasureSet.Workforce or MeasureSet.WorkforceFunded ? (0, double.MaxValue)
        : MeasureSet.IsCount(measure) ? (0, MeasureContext.EligiblePeople(w) * (1 + 1e-12))
        : measure == MeasureSet.NetBenefit || measure.EndsWith("_" + MeasureSet.NetBenefit, StringComparison.Ordinal) ? (-1, 1)
        : measure == MeasureSet.TakeUpRate ? (0, 1 / w.P.DtYears)
        : (0, 1);

    /// <summary>The case with everything the per-person forms add, for odd draws: two groups (one eligible later and
    /// suited by the diluted forms only), cash a right, a managed account that ends and a notional budget that starts
    /// during the run, planning chosen by the council, a coverage target and workforce funding.</summary>
    private static ScenarioDefinition CaseWith(ModelParameters p, int draw)
    {
        var s = CaseWith(p);
        if (draw % 2 == 0)
        {
            return s;
        }
        var (start, horizon) = (s.Parameters.StartYear, s.Parameters.Steps * s.Parameters.DtYears);
        var payment = Fixtures.DirectPaymentComponents[0];
        return s with
        {
            Components =
            [
                payment with
                {
                    Alternatives =
                    [
                        payment.Alternatives[0] with { Right = true, PersonEffort = 0.4, StaffEffort = 0.6 },
                        payment.Alternatives[1] with { AvailableTo = start + 0.5 * horizon, StaffEffort = 0.2 },
                        payment.Alternatives[2] with { AvailableFrom = start + 0.3 * horizon },
                    ],
                },
                Fixtures.DirectPaymentComponents[1] with { ChosenBy = Chooser.Institution },
                .. Fixtures.DirectPaymentComponents.Skip(2),
            ],
            Groups =
            [
                new GroupSpec("younger", 0.4, 1, 0.2, 1),
                new GroupSpec("older", 0.6, 0.3, 0, 0.7, EligibleFrom: start + 0.2 * horizon, Suits: ["managed_account", "notional_budget"]),
            ],
            Events =
            [
                .. s.Events,
                new EventSpec(start + 0.1 * horizon, EventKind.WorkforceFunding, "council", 5),
                new EventSpec(start + 0.4 * horizon, EventKind.CoverageTarget, "council", 0.8) { By = start + 0.7 * horizon },
            ],
        };
    }

    private static ScenarioDefinition CaseWith(ModelParameters p) =>
        Fixtures.Case(events:
        [
            new EventSpec(p.StartYear + p.Steps * p.DtYears * 0.3, EventKind.Mandate, "council", 1),
            new EventSpec(p.StartYear + p.Steps * p.DtYears * 0.5, EventKind.BudgetShock, "all", 0.3),
            new EventSpec(p.StartYear + p.Steps * p.DtYears * 0.6, EventKind.LeadershipChange, "council", 0.5),
            new EventSpec(p.StartYear + p.Steps * p.DtYears * 0.7, EventKind.Forum, "all", 0.3),
        ]) with { Parameters = p with { StartYear = 1997 } };

    [Theory]
    [MemberData(nameof(Draws))]
    public void Counts_sum_to_the_population_and_every_measure_is_finite_and_in_range(int draw, ModelParameters p)
    {
        var scenario = CaseWith(p, draw);
        var sim = new Simulation(scenario, 100 + draw);
        var names = sim.Measures.Names;
        void Check()
        {
            var w = sim.World;
            var states = new int[3];
            foreach (var s in w.PersonState)
            {
                states[(int)s]++;
            }
            Assert.Equal(w.People, states[0] + states[1] + states[2]);
            Assert.Equal(states[1], w.MovementServed);
            Assert.Equal(states[2], w.InstitutionServed);
            Assert.Equal(w.InstitutionServed, w.Served.Sum());
            // Counts by provider, group and form agree with the people, one by one.
            var forms = w.Forms.Count;
            var byProvider = new int[w.ProviderForm.Length];
            var byGroup = new int[w.GroupForm.Length];
            var lost = new int[w.GroupCount];
            for (var i = 0; i < w.People; i++)
            {
                var g = w.PersonGroup[i];
                if (w.PersonState[i] == PersonState.Unreached)
                {
                    continue;
                }
                Assert.True(w.GroupEligible[g], $"person {i} of group {w.Groups[g].Name} receives a form before the group is eligible");
                var provider = w.PersonState[i] == PersonState.Movement ? w.InstitutionCount : w.LocalityOf(i);
                byProvider[provider * forms + w.PersonForm[i]]++;
                byGroup[g * forms + w.PersonForm[i]]++;
                Assert.True(w.Forms.Fidelity[w.PersonForm[i]] <= w.Forms.Fidelity[w.BestForm[i]], $"person {i}'s best form is below their current one");
                lost[g] += w.Forms.Fidelity[w.PersonForm[i]] < w.Forms.Fidelity[w.BestForm[i]] - 1e-12 ? 1 : 0;
            }
            Assert.Equal(byProvider, w.ProviderForm);
            Assert.Equal(byGroup, w.GroupForm);
            Assert.Equal(lost, w.GroupLost);
            if (w.ReachedNeighbours is { } counts)
            {
                // Incrementally kept neighbour counts equal a recount.
                for (var i = 0; i < w.People; i += 97)
                {
                    var recount = 0;
                    foreach (var t in w.PeopleTies!.Neighbours(i))
                    {
                        recount += w.PersonState[t] != PersonState.Unreached ? 1 : 0;
                    }
                    Assert.Equal(recount, counts[i]);
                }
            }
            var v = sim.Current;
            for (var k = 0; k < v.Length; k++)
            {
                Assert.True(double.IsFinite(v[k]), $"{names[k]} is {v[k]} at step {sim.StepIndex}");
                var (low, high) = Bounds(names[k], w);
                Assert.True(v[k] >= low && v[k] <= high, $"{names[k]} = {v[k]} at step {sim.StepIndex}, outside [{low}, {high}]");
            }
        }
        Check();
        while (!sim.Finished)
        {
            sim.Step();
            Check();
        }
    }

    [Fact]
    public void Alternative_shares_of_each_component_sum_to_one_whenever_anyone_is_reached()
    {
        var sim = new Simulation(Fixtures.Case(), 3);
        while (!sim.Finished)
        {
            sim.Step();
        }
        var v = sim.Current.ToArray();
        Assert.True(v[sim.Measures.IndexOf(MeasureSet.Reach)] > 0);
        foreach (var c in sim.World.Scenario.Components)
        {
            var sum = c.Alternatives.Sum(a => v[sim.Measures.IndexOf(MeasureSet.AlternativeShare(c.Name, a.Name))]);
            Assert.Equal(1.0, sum, 12);
        }
    }

    [Theory]
    [InlineData(NetworkKind.Complete)]
    [InlineData(NetworkKind.Random)]
    [InlineData(NetworkKind.SmallWorld)]
    [InlineData(NetworkKind.ScaleFree)]
    public void With_no_push_and_no_seeds_nobody_is_ever_reached(NetworkKind network)
    {
        var s = Fixtures.Case(people: 5_000, steps: 60);
        s = s with { Parameters = s.Parameters with { ExternalInfluence = 0, InitialReach = 0, Network = network } };
        var sim = new Simulation(s, 9);
        var reach = sim.Measures.IndexOf(MeasureSet.Reach);
        sim.Run((_, _, v) => Assert.Equal(0.0, v[reach]));
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_measures()
    {
        static List<double[]> Trace(int seed)
        {
            var rows = new List<double[]>();
            new Simulation(Fixtures.Case(people: 8_000, steps: 60), seed).Run((_, _, v) => rows.Add(v.ToArray()));
            return rows;
        }
        var a = Trace(42);
        var b = Trace(42);
        var c = Trace(43);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Select(BitConverter.DoubleToInt64Bits), b[i].Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.NotEqual(a[^1], c[^1]);
    }

    [Fact]
    public void A_large_run_gives_the_same_bits_on_one_thread_and_on_two()
    {
        // More people than one chunk, so the two-thread run really decides chunks in parallel.
        var s = Fixtures.Case(people: 5 * Rules.ChunkSize + 123, steps: 30);
        double[] Final(int threads)
        {
            var sim = new Simulation(s, 5, new SimulationOptions(threads));
            while (!sim.Finished)
            {
                sim.Step();
            }
            return sim.Current.ToArray();
        }
        Assert.Equal(Final(1).Select(BitConverter.DoubleToInt64Bits), Final(2).Select(BitConverter.DoubleToInt64Bits));
    }
}
