using System.Globalization;
using SweepCluster.Core.Search;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Checks that the search method fits the parameters and the trial budget.</summary>
internal sealed class SearchChecks(ErrorSink errors)
{
    public void Check(SearchShape shape, YamlNode methodNode, YamlNode? trialsNode, YamlNode parametersNode)
    {
        if (trialsNode is not null && shape.Trials > shape.MaxTrials)
        {
            errors.At(trialsNode, $"trials ({shape.Trials}) is over max_trials ({shape.MaxTrials})");
        }
        if (shape.Method == SearchMethod.Grid)
        {
            CheckGrid(shape, parametersNode);
            return;
        }
        if (shape.Trials is null && trialsNode is null)
        {
            var method = shape.Method.ToString().ToLowerInvariant();
            errors.At(methodNode, $"method {method} needs 'trials': how many trials to draw");
        }
        if (shape.Method == SearchMethod.Sobol)
        {
            CheckSobol(shape, methodNode);
        }
    }

    private void CheckGrid(SearchShape shape, YamlNode parametersNode)
    {
        var continuous = shape.Parameters.Where(p => p.Domain is not ValuesDomain).ToList();
        foreach (var p in continuous)
        {
            errors.At(p.Line, p.Column,
                $"grid search needs `values` for parameter '{p.Name}' (line {p.Line}); {p.Domain.Key} is not a list of values: use method random, sobol or tpe");
        }
        if (continuous.Count > 0)
        {
            return;
        }
        var sizes = shape.Parameters.Select(p => ((ValuesDomain)p.Domain).Values.Count).ToList();
        var product = GridIndex.CountOf(sizes);
        var count = product is null ? null : (long?)Math.Min(product.Value, shape.Trials ?? long.MaxValue);
        if (count is null || count > shape.MaxTrials)
        {
            var size = product?.ToString("N0", CultureInfo.InvariantCulture) ?? "more than 9.2e18";
            errors.At(parametersNode,
                $"the grid has {size} trials ({string.Join(" x ", sizes)}), over max_trials ({shape.MaxTrials}): raise max_trials, or cap it with trials");
        }
    }

    private void CheckSobol(SearchShape shape, YamlNode methodNode)
    {
        if (shape.Parameters.Count > SobolPoints.MaxDimensions)
        {
            errors.At(methodNode, $"sobol supports up to {SobolPoints.MaxDimensions} parameters (got {shape.Parameters.Count})");
        }
        if (shape.Trials > SobolPoints.MaxIndex + 1)
        {
            errors.At(methodNode, $"sobol supports up to {SobolPoints.MaxIndex + 1} trials");
        }
    }
}
