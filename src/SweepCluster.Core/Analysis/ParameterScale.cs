namespace SweepCluster.Core.Analysis;

/// <summary>How a swept parameter's values are placed on an axis and fed to the importance model.</summary>
public enum ParameterScale
{
    /// <summary>Numbers on a linear axis (<c>uniform</c>, <c>int_uniform</c>).</summary>
    Linear,

    /// <summary>Positive numbers on a log10 axis (<c>log_uniform</c>).</summary>
    Log,

    /// <summary>Unordered choices (<c>values</c> lists, words, widths).</summary>
    Categorical,
}
