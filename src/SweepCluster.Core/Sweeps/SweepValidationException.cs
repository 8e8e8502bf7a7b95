namespace SweepCluster.Core.Sweeps;

/// <summary>Thrown when a sweep file is invalid; carries every error found, not only the first.</summary>
public sealed class SweepValidationException(IReadOnlyList<SweepError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<SweepError> Errors { get; } = errors;
}
