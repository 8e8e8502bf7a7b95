using SweepCluster.Training.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>
/// <c>Linear(in, h1) → ReLU → Dropout(p) → … → Linear(hn, out)</c>, logits out. Parameters are plain
/// leaf tensors initialised like PyTorch's <c>nn.Linear</c> (uniform in ±1/√fan_in) from the trial's own
/// random draws (<see cref="TrialRandom"/>), and dropout masks come from them too, so trials running side by side in one
/// process never share random state.
/// </summary>
public sealed class FeedForwardNetwork : IDisposable
{
    private readonly double dropout;
    private readonly TrialRandom random;

    public FeedForwardNetwork(int inputs, IReadOnlyList<int> widths, int outputs, double dropout, TrialRandom random)
    {
        this.dropout = dropout;
        this.random = random;
        var sizes = new List<int> { inputs };
        sizes.AddRange(widths);
        sizes.Add(outputs);
        var layers = new List<DenseLayer>();
        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            layers.Add(DenseLayer.Create(sizes[i], sizes[i + 1], random));
        }
        Layers = layers;
    }

    public IReadOnlyList<DenseLayer> Layers { get; }

    public IEnumerable<Tensor> Weights => Layers.Select(l => l.Weight);

    public IEnumerable<Tensor> Biases => Layers.Select(l => l.Bias);

    public long ParameterCount => Layers.Sum(l => l.Weight.numel() + l.Bias.numel());

    /// <summary>Logits for a batch. Dropout is active only when <paramref name="training"/> is true.</summary>
    public Tensor Forward(Tensor input, bool training)
    {
        var x = input;
        for (var i = 0; i < Layers.Count; i++)
        {
            x = nn.functional.linear(x, Layers[i].Weight, Layers[i].Bias);
            if (i + 1 < Layers.Count)
            {
                x = nn.functional.relu(x);
                if (training && dropout > 0)
                {
                    x = ApplyDropout(x);
                }
            }
        }
        return x;
    }

    /// <summary>Inverted dropout: keep with probability 1-p and scale the kept units by 1/(1-p).</summary>
    private Tensor ApplyDropout(Tensor x)
    {
        using var rate = dropout.ToScalar();
        using var keepProbability = (1.0 - dropout).ToScalar();
        var keep = random.Uniform(x.shape).ge_(rate);
        return x.mul(keep).div_(keepProbability);
    }

    public void Dispose()
    {
        foreach (var layer in Layers)
        {
            layer.Dispose();
        }
    }
}
