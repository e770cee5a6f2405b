namespace MovementSim.Batch;

/// <summary>One design point's finished runs as binary parts: every run reports the same steps.</summary>
internal sealed class PartsBlock : DesignPointValues
{
    private readonly List<string> _paths = [];
    private readonly int _measures;

    private PartsBlock(int designPoint, int measures) : base(designPoint)
    {
        _measures = measures;
    }

    public static IEnumerable<PartsBlock> All(IEnumerable<(RunSpec Run, string Path)> finished, int measures)
    {
        PartsBlock? block = null;
        foreach (var (run, path) in finished)
        {
            if (block is not null && block.DesignPoint != run.DesignPoint)
            {
                yield return block;
                block = null;
            }
            if (block is null)
            {
                block = new PartsBlock(run.DesignPoint, measures);
                foreach (var (step, year) in ValuesPart.ReadYears(path, measures).Select((y, s) => (s, y)))
                {
                    block.Steps.Add(new StepRows(step, Csv.Number(year)));
                }
            }
            block._paths.Add(path);
            foreach (var step in block.Steps)
            {
                step.Count++;
            }
        }
        if (block is not null)
        {
            yield return block;
        }
    }

    public override void Fill(Window window, double[][] cells)
    {
        var width = window.Width;
        var steps = window.EndStep - window.FirstStep;
        var buffer = new double[steps];
        for (var row = 0; row < _paths.Count; row++)
        {
            using var file = File.OpenHandle(_paths[row]);
            for (var m = 0; m < width; m++)
            {
                ValuesPart.Read(file, Steps.Count, _measures, window.FirstMeasure + m, window.FirstStep, buffer);
                for (var s = 0; s < steps; s++)
                {
                    cells[s * width + m][row] = buffer[s];
                }
            }
        }
    }
}
