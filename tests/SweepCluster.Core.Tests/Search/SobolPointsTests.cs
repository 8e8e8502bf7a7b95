using SweepCluster.Core.Search;

namespace SweepCluster.Core.Tests.Search;

public class SobolPointsTests
{
    [Fact]
    public void Unscrambled_points_are_the_classic_sobol_sequence()
    {
        // Given the plain sequence in three dimensions, when its first eight points are taken
        var sobol = new SobolPoints(3, seed: 0, scramble: false);
        var points = Enumerable.Range(0, 8).Select(i => sobol.Point(i)).ToList();

        // Then they are the well-known ones (Gray-code order)
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_dimension_is_stratified(bool scramble)
    {
        // Given 2^8 points in all 21 dimensions, then each dyadic interval of width 2^-8 holds exactly one
        // point in each coordinate (a (0, 8, 1)-net): true of valid direction numbers, kept by the scrambling.
        var sobol = new SobolPoints(SobolPoints.MaxDimensions, seed: 9, scramble);
        var points = Enumerable.Range(0, 256).Select(i => sobol.Point(i)).ToList();
        for (var d = 0; d < SobolPoints.MaxDimensions; d++)
        {
            var cells = points.Select(p => (int)(p[d] * 256)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, 256), cells);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void First_two_dimensions_form_a_zero_t_net(bool scramble)
    {
        // Given 2^6 points, then every box of 2^-a by 2^-(6-a) holds exactly one point in dimensions 1 and 2
        var sobol = new SobolPoints(2, seed: 4, scramble);
        var points = Enumerable.Range(0, 64).Select(i => sobol.Point(i)).ToList();
        for (var a = 0; a <= 6; a++)
        {
            var boxes = points.Select(p => ((int)(p[0] * (1 << a)), (int)(p[1] * (1 << (6 - a))))).Distinct().Count();
            Assert.Equal(64, boxes);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Sobol_covers_the_cube_more_evenly_than_random(long seed)
    {
        // Given 256 points in three dimensions from each source
        const int n = 256;
        var sobol = Discrepancy.CenteredL2(new SobolPoints(3, seed), n);
        var random = Discrepancy.CenteredL2(new RandomPoints(3, seed), n);

        // Then the Sobol points have a much lower centered L2 discrepancy
        Assert.True(sobol < random / 2, $"sobol {sobol:E3} vs random {random:E3}");
    }

    [Fact]
    public void Scrambling_depends_on_the_seed()
    {
        Assert.NotEqual(new SobolPoints(4, 1).Point(3), new SobolPoints(4, 2).Point(3));
        Assert.Equal(new SobolPoints(4, 1).Point(3), new SobolPoints(4, 1).Point(3));
    }
}
