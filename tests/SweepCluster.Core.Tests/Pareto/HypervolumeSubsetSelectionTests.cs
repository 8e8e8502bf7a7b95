using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class HypervolumeSubsetSelectionTests
{
    /// <summary>A 2-D front (both minimised), positions 0–4: A(1,5) B(2,3.2) C(3,2) E(4,1.5) D(5,0.3).</summary>
    private static readonly double[][] Front = [[1, 5], [2, 3.2], [3, 2], [4, 1.5], [5, 0.3]];

    [Fact]
    public void Greedy_takes_each_time_the_point_that_adds_the_most_volume()
    {
        // Given the reference Optuna would use for this front: worst (5, 5) moved 10 % out, (5.5, 5.5)
        double[] reference = [5.5, 5.5];

        // When 3 of the 5 are chosen
        var chosen = HypervolumeSubsetSelection.Greedy(Front, 3, reference);

        // Then, by hand (each box is the point's corner to the reference, less what is already covered):
        // alone: A 4.5·0.5 = 2.25, B 3.5·2.3 = 8.05, C 2.5·3.5 = 8.75, E 1.5·4 = 6, D 0.5·5.2 = 2.6 → C;
        // with C: A [1,3)×[5,5.5) = 1, B [2,3)×[3.2,5.5) = 2.3, E [4,5.5)×[1.5,2) = 0.75, D [5,5.5)×[0.3,2) = 0.85 → B;
        // with C, B: A [1,2)×[5,5.5) = 0.5, E 0.75, D 0.85 → D. Taking the 3 smallest first objectives would give A, B, C.
        Assert.Equal([2, 1, 4], chosen);
    }

    [Fact]
    public void A_tie_in_added_volume_goes_to_the_lexicographically_first_point()
    {
        // Given (1,3) and (3,1) against (4,4): each adds 3·1 = 3 alone, the given order putting (3,1) first
        double[][] front = [[3, 1], [1, 3]];

        // When one is chosen, then it is (1,3), first in lexicographic order (numpy's argmax over np.unique's rows)
        Assert.Equal([1], HypervolumeSubsetSelection.Greedy(front, 1, [4, 4]));
    }

    [Fact]
    public void Duplicates_count_once_and_fill_up_only_when_distinct_points_run_out()
    {
        // Given (2,2) three times and (1,3) once: 2 distinct points
        double[][] front = [[2, 2], [2, 2], [1, 3], [2, 2]];

        // When 2 are chosen, the duplicate of (2,2) cannot add volume, so both distinct ones are taken;
        // when 3 are chosen, the distinct ones and then the first duplicate in the given order (position 1)
        Assert.Equal([0, 2], HypervolumeSubsetSelection.Greedy(front, 2, [3, 4]).Order());
        Assert.Equal([0, 1, 2], HypervolumeSubsetSelection.Greedy(front, 3, [3, 4]));
    }

    [Fact]
    public void Three_objectives_are_chosen_by_volume_too()
    {
        // Given a 3-D front against (4,4,4): (1,1,3) adds 3·3·1 = 9 alone, (3,1,1) 9, (1,3,1) 9, (2,2,2) 8
        double[][] front = [[2, 2, 2], [3, 1, 1], [1, 3, 1], [1, 1, 3]];

        // When one is chosen: the three 9s tie, the lexicographic first is (1,1,3) at position 3.
        // When two: with (1,1,3) taken, (1,3,1) adds its box [1,4)×[3,4)×[1,4) = 9 less the overlap [1,4)×[3,4)×[3,4) = 3,
        // so 6; (3,1,1) likewise 6; (2,2,2) adds 8 less [2,4)×[2,4)×[3,4) = 4, so 4 → (1,3,1) (first of the 6s).
        Assert.Equal([3], HypervolumeSubsetSelection.Greedy(front, 1, [4, 4, 4]));
        Assert.Equal([3, 2], HypervolumeSubsetSelection.Greedy(front, 2, [4, 4, 4]));
    }

    [Fact]
    public void Volumes_beyond_a_double_still_give_a_choice()
    {
        // Given losses so far apart that every box is infinite: the first pick gains inf, later ones inf − inf (NaN)
        double[][] front = [[-1e300, 1], [1, -1e300], [0, 0]];

        // When 2 are chosen, then the first infinite gain is taken (lexicographic first), and then the next in that order
        Assert.Equal([0, 2], HypervolumeSubsetSelection.Greedy(front, 2, [1e300, 1e300]));
    }

    [Fact]
    public void Optunas_reference_moves_the_worst_value_10_percent_outwards_and_zero_to_epsilon()
    {
        // Given worsts 4 (positive), -2 (negative: 0.9·-2 is further out) and 0
        double[][] points = [[4, -3, 0], [1, -2, -1]];

        var reference = ReferencePoint.PastWorst(points);

        Assert.Equal(4.4, reference[0], 12);
        Assert.Equal(-1.8, reference[1], 12);
        Assert.Equal(1e-12, reference[2]);
    }
}
