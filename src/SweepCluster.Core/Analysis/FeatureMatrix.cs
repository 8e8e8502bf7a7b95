namespace SweepCluster.Core.Analysis;

/// <summary>
/// Trials as the importance model's inputs: one column per parameter, log10 of the value for a log scale, the value for
/// a linear one, and a category code for a categorical one (codes over the categories the trials use, in the parameter's
/// order). Each numeric column has a domain [<see cref="Lower"/>, <see cref="Upper"/>]: the sweep file's bounds widened
/// to every value seen, or the range seen. A trial without a value for a numeric parameter gets the column's median.
/// </summary>
internal sealed class FeatureMatrix
{
    private FeatureMatrix(double[][] columns, int[] categoryCounts, double[] lower, double[] upper, int rows)
    {
        Columns = columns;
        CategoryCounts = categoryCounts;
        Lower = lower;
        Upper = upper;
        Rows = rows;
    }

    /// <summary>Column j, row i: feature j of trial i.</summary>
    public double[][] Columns { get; }

    /// <summary>For a categorical column the number of categories its codes run over; 0 for a numeric one.</summary>
    public int[] CategoryCounts { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public int Rows { get; }

    public int Features => Columns.Length;

    public bool IsCategorical(int feature) => CategoryCounts[feature] > 0;

    public static FeatureMatrix Build(IReadOnlyList<AnalysisParameter> parameters, IReadOnlyList<AnalysisTrial> trials)
    {
        var columns = new double[parameters.Count][];
        var counts = new int[parameters.Count];
        var lower = new double[parameters.Count];
        var upper = new double[parameters.Count];
        for (var j = 0; j < parameters.Count; j++)
        {
            var parameter = parameters[j];
            var texts = trials.Select(t => t.Text(parameter.Name)).ToList();
            if (parameter.Scale == ParameterScale.Categorical)
            {
                // Only the categories in use: one the trials never took would get the value of whichever branch it fell to.
                var used = texts.ToHashSet(StringComparer.Ordinal);
                var order = parameter.Categories.Where(used.Contains).Concat(used.Where(t => !parameter.Categories.Contains(t)).Order(StringComparer.Ordinal)).ToList();
                var codes = order.Select((text, code) => (text, code)).ToDictionary(p => p.text, p => (double)p.code, StringComparer.Ordinal);
                columns[j] = [.. texts.Select(t => codes[t])];
                counts[j] = order.Count;
                upper[j] = order.Count;
                continue;
            }
            var values = texts.Select(t => ParameterScaling.Coordinate(parameter.Scale, ParameterScaling.Number(t))).ToArray();
            var known = values.Where(double.IsFinite).Order().ToList();
            var median = known.Count > 0 ? known[known.Count / 2] : 0;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = double.IsFinite(values[i]) ? values[i] : median;
            }
            columns[j] = values;
            lower[j] = Math.Min(ParameterScaling.Coordinate(parameter.Scale, parameter.Low) is var low && double.IsFinite(low) ? low : double.PositiveInfinity, values.Min());
            upper[j] = Math.Max(ParameterScaling.Coordinate(parameter.Scale, parameter.High) is var high && double.IsFinite(high) ? high : double.NegativeInfinity, values.Max());
        }
        return new FeatureMatrix(columns, counts, lower, upper, trials.Count);
    }
}
