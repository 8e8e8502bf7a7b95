using System.Text.RegularExpressions;
using SweepCluster.Training.Native;
using SweepCluster.Training.Tests.Support;
using SweepCluster.Training.Randomness;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public partial class TrialRandomTests
{
    public TrialRandomTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void On_the_cpu_the_draws_are_those_of_a_generator_with_the_trials_seed()
    {
        // given a trial's draws and a plain CPU generator with the same seed, drawing in the same order
        using var random = new TrialRandom(42, torch.CPU);
        using var generator = new torch.Generator(42);

        // then each draw is the same, so CPU results are what they were before draws went through TrialRandom
        using var uniform = random.Uniform([3, 4]);
        using var permutation = random.Permutation(10);
        using var normal = random.Normal([5]);
        using var integers = random.Integers(7, [6]);
        Assert.True(uniform.equal(torch.rand([3, 4], generator: generator)).all().item<bool>());
        Assert.True(permutation.equal(torch.randperm(10, generator: generator)).all().item<bool>());
        Assert.True(normal.equal(torch.randn([5], generator: generator)).all().item<bool>());
        Assert.True(integers.equal(torch.randint(0, 7, [6], generator: generator)).all().item<bool>());
    }

    [Fact]
    public void Filling_a_slice_draws_what_a_fresh_uniform_tensor_of_its_shape_would()
    {
        // given two trials with one seed: one fills the second slice of a stacked tensor, the other draws a fresh tensor
        using var filling = new TrialRandom(7, torch.CPU);
        using var drawing = new TrialRandom(7, torch.CPU);
        using var stacked = torch.zeros([3, 4, 5]);
        using var slice = stacked[1];

        filling.FillUniform(slice);

        // then the slice holds exactly the fresh tensor's numbers (the packed network's dropout masks rely on it)
        using var fresh = drawing.Uniform([4, 5]);
        Assert.True(stacked[1].equal(fresh).all().item<bool>());
        Assert.Equal(0, stacked[0].count_nonzero().item<long>());
    }

    [Fact]
    public void Draws_for_another_device_are_made_on_the_cpu_and_moved_there()
    {
        // given a trial on a device that is not the CPU (the meta device stands in for CUDA: no data, but a real move)
        var meta = new torch.Device(DeviceType.META);
        using var random = new TrialRandom(3, meta);

        // when it draws, then every tensor comes back on that device with the shape and type asked for
        using var uniform = random.Uniform([2, 3]);
        using var permutation = random.Permutation(9);
        Assert.Equal(DeviceType.META, uniform.device_type);
        Assert.Equal([2L, 3L], uniform.shape);
        Assert.Equal(DeviceType.META, permutation.device_type);
        Assert.Equal(torch.ScalarType.Int64, permutation.dtype);
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws_whatever_else_draws_in_between()
    {
        // given two trials with one seed, one of them interleaved with another trial's draws (as packed trials are)
        using var alone = new TrialRandom(11, torch.CPU);
        using var interleaved = new TrialRandom(11, torch.CPU);
        using var neighbour = new TrialRandom(12, torch.CPU);

        using var first = alone.Uniform([8]);
        using var noise = neighbour.Uniform([100]);
        using var second = interleaved.Uniform([8]);

        // then the trial's randomness is a function of its seed alone
        Assert.True(first.equal(second).all().item<bool>());
        Assert.False(first.equal(noise.narrow(0, 0, 8)).all().item<bool>());
    }

    [Fact]
    public void No_generator_in_the_source_is_built_on_a_device_that_can_be_cuda()
    {
        // TorchSharp 0.107 builds every Generator on the CPU whatever device it is given (TorchSharp#1194), and a CUDA op
        // given it throws: the only generators in src/ are built with torch.CPU.
        var source = Path.Combine(RepositoryRoot.Path, "src");
        var constructions = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => GeneratorConstruction().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(source, file), Code: m.Value)))
            .ToList();

        Assert.NotEmpty(constructions);
        Assert.All(constructions, c => Assert.True(c.Code.Contains("torch.CPU", StringComparison.Ordinal), $"{c.File}: {c.Code}"));
    }

    [GeneratedRegex(@"new\s+(?:torch\.)?Generator\s*\([^;]*")]
    private static partial Regex GeneratorConstruction();
}
