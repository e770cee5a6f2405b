namespace MovementSim.Core;

/// <summary>
/// Every form the innovation can take: one code per combination of alternatives, in mixed radix with component 0
/// varying fastest, so that code 0 is the original in every component. A person's form is one such code (ODD 2.6),
/// and fidelity, cost and benefit are looked up by code instead of being summed over components per person.
/// </summary>
public sealed class FormTable
{
    /// <summary>Most forms a scenario may have: a person's code is a <see cref="ushort"/> and <see cref="None"/> is
    /// reserved.</summary>
    public const int MaxForms = ushort.MaxValue;

    /// <summary>The code of "no form" (a person never reached).</summary>
    public const ushort None = ushort.MaxValue;

    public FormTable(IReadOnlyList<ComponentSpec> components, IReadOnlyList<double> componentWeight)
    {
        var count = CountOf(components);
        if (count > MaxForms)
        {
            throw new ArgumentException($"the innovation has {count} forms (the product of its components' numbers of alternatives); at most {MaxForms} are allowed");
        }
        ComponentCount = components.Count;
        Count = (int)count;
        _alternatives = components.Select(c => c.Alternatives.Count).ToArray();
        _radix = new int[ComponentCount];
        var radix = 1;
        for (var k = 0; k < ComponentCount; k++)
        {
            _radix[k] = radix;
            radix *= _alternatives[k];
        }
        var originalCost = 0.0;
        for (var k = 0; k < ComponentCount; k++)
        {
            originalCost += componentWeight[k] * components[k].Alternatives[0].Cost;
        }
        Fidelity = new double[Count];
        Cost = new double[Count];
        for (var c = 0; c < Count; c++)
        {
            double f = 0, cost = 0;
            for (var k = 0; k < ComponentCount; k++)
            {
                var a = components[k].Alternatives[AlternativeOf(c, k)];
                f += componentWeight[k] * a.Fidelity;
                cost += componentWeight[k] * a.Cost;
            }
            Fidelity[c] = f;
            Cost[c] = originalCost > 0 ? cost / originalCost : 1;
        }
    }

    private readonly int[] _alternatives;
    private readonly int[] _radix;

    public int ComponentCount { get; }

    /// <summary>Number of forms: the product of the components' numbers of alternatives.</summary>
    public int Count { get; }

    /// <summary>Fidelity of each form: the importance-weighted fidelity of its alternatives.</summary>
    public double[] Fidelity { get; }

    /// <summary>Unit cost of each form relative to the original (importance-weighted).</summary>
    public double[] Cost { get; }

    /// <summary>The alternative of component <paramref name="component"/> in form <paramref name="code"/>.</summary>
    public int AlternativeOf(int code, int component) => code / _radix[component] % _alternatives[component];

    /// <summary>The code's part for alternative <paramref name="alternative"/> of component <paramref name="component"/>:
    /// a form's code is the sum of its components' parts.</summary>
    public int Part(int component, int alternative) => alternative * _radix[component];

    /// <summary>The number of forms of an innovation, in 64 bits so that a scenario with too many can be told so.</summary>
    public static long CountOf(IReadOnlyList<ComponentSpec> components)
    {
        long count = 1;
        foreach (var c in components)
        {
            count *= Math.Max(1, c.Alternatives.Count);
            if (count > int.MaxValue)
            {
                return int.MaxValue;
            }
        }
        return count;
    }
}
