using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests.Performance;

/// <summary>
/// Bit-for-bit pins of whole runs, recorded before the take-up pass and the network builders were
/// optimised. Speed work must leave every one of these unchanged; a model change that moves them on
/// purpose updates the hash in the same commit and says why.
/// </summary>
public class OutputPinTests
{
    [Theory]
    // Bass docking on a random network, two chunks of the take-up pass.
    [InlineData("bass-random", 40_000, 300, NetworkKind.Random, "F294E70BC3EC2F2B2BE5E7AF7CB487D6B8526C13C9C9C76FEF684EE09E3FA8E3")]
    // Bass docking with complete mixing (no network, neighbour share from the global count).
    [InlineData("bass-complete", 5_000, 300, NetworkKind.Complete, "BB147EE1DEAC144C113FEEA456E47C9C393965A3208252FBE47F5FF5E63AAB10")]
    // Bass docking on the other network kinds, whose builders share Graph.FromEdges.
    [InlineData("bass-smallworld", 20_000, 150, NetworkKind.SmallWorld, "FE607F8C43F69DB8BAF29456E0E9F16C513CAFA8B9081920FAC1EFE49D157709")]
    [InlineData("bass-scalefree", 20_000, 150, NetworkKind.ScaleFree, "DA7D6162A81EE49434D795A7C930BC6007722C20D0142567BFE081DB1CA792AA")]
    public void When_a_bass_run_is_repeated_then_its_output_is_pinned(string name, int people, int steps, NetworkKind network, string expected)
    {
        var hash = PinnedScenarios.RunHash(PinnedScenarios.Bass(people, steps, network), seed: 42, only: PinnedScenarios.BassPinnedMeasures);
        Assert.True(expected == hash, $"{name}: expected {expected}, got {hash}");
    }

    [Theory]
    // Localities, movement capacity, drop-out, a mandate and a budget shock, on a random network.
    [InlineData("case-random", 40_000, 60, NetworkKind.Random, "2646F1AD965CA8DDE8530818CFC263D9953820784BBDC981E60913C05B740B40")]
    // Groups, dated alternatives, targets, reviews, completion and a workforce (section 7.6 in full).
    [InlineData("case-forms", 40_000, 60, NetworkKind.Random, "0231AA16C65E9A13A2B0B120E16F6624B604467EB58B712890D69ABCF386B270")]
    // The same with complete mixing.
    [InlineData("case-complete", 20_000, 60, NetworkKind.Complete, "264EBE49E975024F75DCC052DAD6A500B56509926DCE63E52F65040DF6988F51")]
    public void When_a_case_run_is_repeated_then_its_output_is_pinned(string name, int people, int steps, NetworkKind network, string expected)
    {
        var scenario = name == "case-forms" ? PinnedScenarios.CaseWithForms(people, steps, network) : PinnedScenarios.Case(people, steps, network);
        var hash = PinnedScenarios.RunHash(scenario, seed: 7);
        Assert.True(expected == hash, $"{name}: expected {expected}, got {hash}");
    }

    [Theory]
    [InlineData(NetworkKind.Random, 50_000, 10.0, "4068804B92D42107975C17545F547BECFEDB5DBC47F3037DE23EB31D55810482")]
    [InlineData(NetworkKind.SmallWorld, 50_000, 10.0, "D7348ED1FA8DAE4AE568AA235FC0EEB506F971B5EA991A339530AEAC7AC6CEB8")]
    [InlineData(NetworkKind.ScaleFree, 50_000, 10.0, "2DB3A35C9F96C2FAB29699D3FB9D2BA7C5D3D53A28ECBC6CD7717A40E897E352")]
    [InlineData(NetworkKind.Random, 1_000, 3.0, "60771BEFBF19FDCA7CECFAA0B74AC605F0AB6602F018BBB4AA80FE200B514BE6")]
    [InlineData(NetworkKind.Complete, 200, 0.0, "51CF3444181D9F9FA12233B839D7BAF59CBD986C1718BB1C1D026E1D9A9B35EE")]
    public void When_a_network_is_built_from_a_seed_then_it_is_pinned(NetworkKind kind, int n, double meanDegree, string expected)
    {
        var g = NetworkBuilder.Build(kind, n, meanDegree, 0.1, new RunRandom(3).Sequential(RandomStream.PeopleNetwork));
        var hash = PinnedScenarios.GraphHash(g);
        Assert.True(expected == hash, $"{kind} n={n} k={meanDegree}: expected {expected}, got {hash}");
    }
}
