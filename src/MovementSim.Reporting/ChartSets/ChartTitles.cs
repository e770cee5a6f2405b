namespace MovementSim.Reporting;

/// <summary>A chart's file name (without extension), title and vertical axis label.</summary>
internal sealed record ChartTitle(string Name, string Title, string YLabel);

/// <summary>The names, titles and axis labels of the main charts, shared by the report and explore's charts of a change,
/// so that the same chart is called the same everywhere.</summary>
internal static class ChartTitles
{
    /// <summary>The plane's axes are its own (<see cref="Charts.Draw.Plane"/>), so it has no label here.</summary>
    public static readonly ChartTitle Plane = new("reach_fidelity", "Reach against fidelity", "");
    public static readonly ChartTitle Reach = new("reach_over_time", "Who received it, over time", "Reach (% of eligible people)");
    public static readonly ChartTitle Fidelity = new("fidelity_over_time", "How much of the original survived", "Fidelity (share of the original, 0–1)");
    public static readonly ChartTitle NetBenefit = new("net_benefit_over_time", "Net benefit over time", "Net benefit (benefit per eligible person, 0–1)");
    public static readonly ChartTitle Adoption = new("adoption_by_mode", "Why institutions adopted", "Institutions that have adopted (% of all)");

    public static ChartTitle Innovation(string component) =>
        new("innovation_" + ChartSet.FileName(component), $"What became of the {Text.Words(component)}", "Recipients getting each form (%)");
}
