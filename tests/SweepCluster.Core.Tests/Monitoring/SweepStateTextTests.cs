using SweepCluster.Core.Monitoring;

namespace SweepCluster.Core.Tests.Monitoring;

public sealed class SweepStateTextTests
{
    [Fact]
    public void Every_sweep_state_has_the_name_the_json_schema_documents()
    {
        // A state added without a name throws here; one renamed changes monitor's output and fails the comparison.
        Assert.Equal(["waiting", "running", "stopping", "finished"], Enum.GetValues<SweepState>().Select(SweepStateText.Of));
    }

    [Fact]
    public void A_value_outside_the_enum_is_refused_rather_than_printed_as_a_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepStateText.Of((SweepState)99));
    }
}
