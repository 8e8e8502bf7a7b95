namespace SweepCluster.Core.Sweeps;

/// <summary>"Did you mean …?" hints for misspelt keys and names, by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" for the closest candidate within a third of the word's length, else "".</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var options = candidates.ToList();
        // A cut-short name (val_acc) is far from its full form by edit distance but plainly meant it.
        var extension = word.Length >= 3 ? options.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList() : [];
        if (extension.Count == 1)
        {
            return $"; did you mean '{extension[0]}'?";
        }
        var best = options
            .Select(c => (Candidate: c, Distance: Distance(word.ToLowerInvariant(), c)))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        var allowed = Math.Max(2, word.Length / 3);
        return best.Candidate is not null && best.Distance <= allowed ? $"; did you mean '{best.Candidate}'?" : "";
    }

    /// <summary>Levenshtein distance, with one row of memory.</summary>
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
