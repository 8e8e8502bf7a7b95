namespace SweepCluster.Core.Monitoring;

/// <summary>
/// A sweep state as <c>monitor</c> shows it, in the text view and as <c>state</c> in <c>--json</c> (the README's schema lists
/// these values). A switch without a default, so that a new state without a name fails its test instead of printing a number.
/// </summary>
public static class SweepStateText
{
    public static string Of(SweepState state) => state switch
    {
        SweepState.Waiting => "waiting",
        SweepState.Running => "running",
        SweepState.Stopping => "stopping",
        SweepState.Finished => "finished",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a sweep state without a name in monitor's output"),
    };
}
