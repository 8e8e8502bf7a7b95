namespace SweepCluster.Core.Models;

/// <summary>One linear layer as PyTorch's <c>nn.Linear</c> holds it: weight <c>[out, in]</c>, bias <c>[out]</c>.</summary>
public sealed record ModelLayer(ModelTensor Weight, ModelTensor Bias)
{
    public int Inputs => Weight.Shape[1];

    public int Outputs => Weight.Shape[0];
}
