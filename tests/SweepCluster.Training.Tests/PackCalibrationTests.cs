using System.Runtime.InteropServices;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public class PackCalibrationTests
{
    private static readonly PackWorkload Workload = new(Inputs: 12, Widths: [32, 16], Outputs: 3, BatchSize: 64);

    public PackCalibrationTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void The_fastest_pack_size_wins_when_it_beats_one_by_enough()
    {
        // given measurements where K = 16 is twice as fast as K = 1
        var calibration = new PackCalibration(Table(new() { [1] = 100, [4] = 150, [16] = 200, [64] = 180 }));

        // when the pack size is decided
        var decision = calibration.Decide(torch.CPU, Workload, maxPackSize: 64);

        // then it is 16, and every CPU candidate was measured
        Assert.Equal(16, decision.PackSize);
        Assert.Equal([1, 4, 16], decision.TrialSamplesPerSecond.Keys.Order());
    }

    [Fact]
    public void Measuring_stops_at_the_first_size_no_faster_than_the_best_so_far()
    {
        // given measurements that fall from K = 4 on (a larger size would only cost calibration time)
        var calibration = new PackCalibration(Table(new() { [1] = 100, [4] = 90, [16] = 300 }));

        // when the pack size is decided, then K = 16 is never measured and packing stays off
        var decision = calibration.Decide(torch.CPU, Workload, maxPackSize: 64);

        Assert.Equal(1, decision.PackSize);
        Assert.Equal([1, 4], decision.TrialSamplesPerSecond.Keys.Order());
    }

    [Fact]
    public async Task A_caller_that_will_not_wait_gets_one_while_another_measures()
    {
        // given a measurement that holds until released, started by one caller
        using var measuring = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        var calibration = new PackCalibration((_, _, k) =>
        {
            measuring.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return k == 4 ? 200 : 100;
        });
        var first = Task.Run(() => calibration.PackSize(torch.CPU, Workload, 16));
        Assert.True(measuring.Wait(TimeSpan.FromSeconds(30)), "the first caller never started measuring");

        // when a second caller asks without waiting, then it hears "not decided yet" (it trains alone meanwhile)
        Assert.Equal(0, calibration.PackSize(torch.CPU, Workload, 16, waitForCalibration: false));

        // and once the measurement is done, everyone gets its decision
        release.Set();
        Assert.Equal(4, await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, calibration.PackSize(torch.CPU, Workload, 16, waitForCalibration: false));
    }

    [Fact]
    public void Packing_is_off_when_no_size_beats_one_by_the_required_gain()
    {
        // given measurements where the best pack is only 10 % faster than K = 1
        var calibration = new PackCalibration(Table(new() { [1] = 100, [4] = 110, [16] = 90, [64] = 60 }));

        // when the pack size is decided
        // then it is 1
        Assert.Equal(1, calibration.PackSize(torch.CPU, Workload, maxPackSize: 64));
    }

    [Fact]
    public void A_cpu_pack_must_gain_thirty_percent_where_a_gpu_pack_needs_fifteen()
    {
        // given measurements where K = 4 is 25 % faster than K = 1 (what packing three widths on 2 cores showed, and lost in the sweep)
        var table = Table(new() { [1] = 100, [4] = 125, [16] = 120 });

        // then the CPU trains alone, and a GPU, whose packs keep their gain in a sweep, packs 4
        Assert.Equal(1, new PackCalibration(table).PackSize(torch.CPU, Workload, maxPackSize: 16));
        Assert.Equal(4, new PackCalibration(table).PackSize(new torch.Device(DeviceType.CUDA, 0), Workload, maxPackSize: 16));
        Assert.Equal(1.3, PackCalibration.RequiredGainFor(torch.CPU));
    }

    [Fact]
    public void Fewer_trials_than_the_chosen_size_use_only_a_measured_size_that_pays()
    {
        // given K = 16 chosen, K = 4 measured 40 % faster than K = 1
        var calibration = new PackCalibration(Table(new() { [1] = 100, [4] = 140, [16] = 200 }));

        // then 16 at hand train as 16, 10 as the measured 4, and 3 alone (no size of 3 or less was measured to pay)
        Assert.Equal(16, calibration.PackSize(torch.CPU, Workload, 64, offered: 16));
        Assert.Equal(4, calibration.PackSize(torch.CPU, Workload, 64, offered: 10));
        Assert.Equal(1, calibration.PackSize(torch.CPU, Workload, 64, offered: 3));
    }

    [Fact]
    public void A_largest_pack_of_one_decides_one_without_measuring()
    {
        // given a calibration that counts its measurements
        var calls = 0;
        var calibration = new PackCalibration((_, _, _) => { calls++; return 100; });

        // when the largest pack allowed is 1
        var size = calibration.PackSize(torch.CPU, Workload, maxPackSize: 1);

        // then the answer is 1 and nothing was measured
        Assert.Equal(1, size);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Candidates_stop_at_the_largest_pack_allowed()
    {
        Assert.Equal([1, 4, 16], PackCalibration.Candidates(torch.CPU, 20));
        Assert.Equal([1, 4, 16], PackCalibration.Candidates(torch.CPU, 1000));
    }

    [Fact]
    public void Decisions_are_cached_per_workload_and_measured_once_under_concurrency()
    {
        // given a calibration that counts its measurements
        var calls = 0;
        var calibration = new PackCalibration((_, _, k) => { Interlocked.Increment(ref calls); return k == 4 ? 200 : 100; });

        // when many threads ask for the same workload, and then one asks for another batch size
        Parallel.For(0, 16, _ => Assert.Equal(4, calibration.PackSize(torch.CPU, Workload, 16)));
        var callsForFirst = calls;
        calibration.PackSize(torch.CPU, Workload with { BatchSize = 256 }, 16);

        // then the first workload was measured once per candidate, and the second measured anew
        Assert.Equal(3, callsForFirst);
        Assert.Equal(6, calls);
    }

    [Fact]
    public void A_real_measurement_returns_a_candidate_size_and_positive_throughputs()
    {
        // given the real measurement, on a small network
        var calibration = new PackCalibration();

        // when the pack size is decided for at most 16 trials
        var decision = calibration.Decide(torch.CPU, Workload, maxPackSize: 16);

        // then it is one of the candidates; the candidates were measured in order, each at a positive rate, up to the
        // first that was no faster than those before it (which one that is depends on the machine's load), or all of them
        Assert.Contains(decision.PackSize, new[] { 1, 4, 16 });
        var measured = decision.TrialSamplesPerSecond;
        int[] candidates = [1, 4, 16];
        Assert.Equal(candidates.Take(measured.Count), measured.Keys.Order());
        Assert.True(measured.Count >= 2, $"only {measured.Count} candidate measured");
        Assert.All(measured.Values, rate => Assert.True(rate > 0));
        if (measured.Count < candidates.Length)
        {
            var last = measured.Keys.Max();
            Assert.True(measured[last] <= measured.Where(e => e.Key < last).Max(e => e.Value), "stopped although the last size was faster");
        }
        Assert.Same(decision, calibration.Decide(torch.CPU, Workload, maxPackSize: 16));
    }

    [Fact]
    public void Out_of_memory_at_a_larger_size_ends_the_measurement_and_the_sizes_that_fit_decide()
    {
        // given a device that runs out of memory at K = 16 (libtorch's own words)
        var calibration = new PackCalibration((_, _, k) => k < 16 ? k * 100 : throw new ExternalException("CUDA out of memory. Tried to allocate 2.00 GiB"));

        // when the pack size is decided, then 16 is too big and 4 wins
        var decision = calibration.Decide(torch.CPU, Workload, maxPackSize: 64);
        Assert.Equal(4, decision.PackSize);
        Assert.Equal([1, 4], decision.TrialSamplesPerSecond.Keys.Order());
    }

    [Fact]
    public void Any_other_failure_at_a_larger_size_is_reported_as_it_is()
    {
        // given a measurement at K = 4 that fails for a reason other than memory (a CUDA error, a bug)
        var calibration = new PackCalibration((_, _, k) => k == 1 ? 100 : throw new ExternalException("Expected a 'cuda' device type for generator but found 'cpu'"));

        // then calibration does not read it as "too big": the error reaches the caller with its message
        var error = Assert.Throws<ExternalException>(() => calibration.Decide(torch.CPU, Workload, maxPackSize: 64));
        Assert.Contains("Expected a 'cuda' device type", error.Message);
    }

    [Fact]
    public async Task A_calibration_waits_for_the_epochs_running_on_its_device_and_new_epochs_wait_for_it()
    {
        // given another slot in the middle of an epoch on the device
        var calibration = new PackCalibration((_, _, _) => 100);
        var gate = calibration.GateFor(torch.CPU);
        var epoch = gate.Train();

        // when a calibration starts on that device, then it waits for the epoch to end
        var calibrating = Task.Run(() => calibration.Decide(torch.CPU, Workload, maxPackSize: 16));
        await Task.Delay(200);
        Assert.False(calibrating.IsCompleted, "the calibration measured while another slot trained on the device");
        epoch.Dispose();
        await calibrating.WaitAsync(TimeSpan.FromSeconds(30));

        // and a calibration holding the device makes a new epoch wait until it is done
        var measuring = gate.Calibrate();
        var nextEpoch = Task.Run(() => gate.Train().Dispose());
        await Task.Delay(200);
        Assert.False(nextEpoch.IsCompleted, "an epoch started while the device was being calibrated");
        measuring.Dispose();
        await nextEpoch.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Each_device_has_its_own_gate()
    {
        var calibration = new PackCalibration((_, _, _) => 100);

        Assert.Same(calibration.GateFor(torch.CPU), calibration.GateFor(new torch.Device("cpu")));
        Assert.NotSame(calibration.GateFor(torch.CPU), calibration.GateFor(new torch.Device(DeviceType.META)));
    }

    private static Func<torch.Device, PackWorkload, int, double> Table(Dictionary<int, double> rates) => (_, _, k) => rates[k];
}
