using SweepCluster.Core.Devices;

namespace SweepCluster.Core.Tests.Devices;

public class DeviceRequestTests
{
    [Theory]
    [InlineData("auto", DeviceKind.Auto, new int[0])]
    [InlineData("cpu", DeviceKind.Cpu, new int[0])]
    [InlineData("CPU", DeviceKind.Cpu, new int[0])]
    [InlineData("cuda", DeviceKind.Cuda, new int[0])]
    [InlineData("cuda:1", DeviceKind.Cuda, new[] { 1 })]
    [InlineData("cuda:0,2", DeviceKind.Cuda, new[] { 0, 2 })]
    [InlineData(" cuda:3, 1 ", DeviceKind.Cuda, new[] { 3, 1 })]
    [InlineData("cuda:0,cuda:2", DeviceKind.Cuda, new[] { 0, 2 })]
    public void Device_lists_parse_to_their_kind_and_indices(string text, DeviceKind kind, int[] indices)
    {
        var request = DeviceRequest.Parse(text);

        Assert.Equal(kind, request.Kind);
        Assert.Equal(indices, request.CudaIndices);
    }

    [Theory]
    [InlineData("gpu", "--devices: 'gpu' is not a device list: use auto, cpu, cuda or cuda:N[,N...] (e.g. cuda:0,2)")]
    [InlineData("cuda:", "--devices: '' in 'cuda:' is not a GPU index (0, 1, ...)")]
    [InlineData("cuda:a", "--devices: 'a' in 'cuda:a' is not a GPU index (0, 1, ...)")]
    [InlineData("cuda:-1", "--devices: '-1' in 'cuda:-1' is not a GPU index (0, 1, ...)")]
    [InlineData("cuda:0,0", "--devices: GPU 0 is named twice in 'cuda:0,0'")]
    [InlineData("", "--devices: '' is not a device list")]
    public void Bad_device_lists_are_refused_saying_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => DeviceRequest.Parse(text));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void The_error_names_where_the_value_came_from()
    {
        var error = Assert.Throws<FormatException>(() => DeviceRequest.Parse("tpu", "SWEEPCLUSTER_DEVICES"));

        Assert.StartsWith("SWEEPCLUSTER_DEVICES: 'tpu'", error.Message);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("cpu")]
    [InlineData("cuda")]
    [InlineData("cuda:0,2")]
    public void A_request_prints_as_it_parses(string text)
    {
        Assert.Equal(text, DeviceRequest.Parse(text).ToString());
    }

    [Fact]
    public void Each_device_gets_its_slots_in_device_order()
    {
        // given two GPUs and three slots per device, when laid out, then 2 x 3 = 6 workers, each pinned to its GPU
        var slots = WorkerSlotPlan.Slots(["cuda:0", "cuda:2"], 3);

        Assert.Equal(["cuda:0", "cuda:0", "cuda:0", "cuda:2", "cuda:2", "cuda:2"], slots);
    }

    [Fact]
    public void Slot_counts_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkerSlotPlan.Slots(["cpu"], 0));
    }
}
