using System.Globalization;
using System.Text;
using SweepCluster.Core.Analysis;

namespace SweepCluster.Reporting;

/// <summary>The parameter-importance view as inline SVG: one horizontal bar per parameter, most important on top, with its share.</summary>
internal static class ImportanceChart
{
    private const double Width = 460;
    private const double RowHeight = 26;
    private const double LabelWidth = 130;
    private const double BarWidth = 260;

    public static string Render(ImportanceResult result)
    {
        var height = 10 + RowHeight * result.Ranked.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"importance\" viewBox=\"0 0 {Width} {Svg.Coordinate(height)}\" role=\"img\" aria-label=\"Parameter importance\" font-size=\"13\">\n");
        for (var i = 0; i < result.Ranked.Count; i++)
        {
            var (name, share) = (result.Ranked[i].Parameter, result.Ranked[i].Importance);
            var y = 5 + i * RowHeight;
            var width = Math.Max(share * BarWidth, 1);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"importance-bar\" data-parameter=\"{Svg.Text(name)}\" data-importance=\"{share.ToString("R", CultureInfo.InvariantCulture)}\">"
                + $"<text x=\"{LabelWidth - 8}\" y=\"{Svg.Coordinate(y + RowHeight / 2)}\" dy=\"0.35em\" text-anchor=\"end\">{Svg.Text(name)}</text>"
                + $"<rect x=\"{LabelWidth}\" y=\"{Svg.Coordinate(y + 3)}\" width=\"{Svg.Coordinate(width)}\" height=\"{RowHeight - 6}\" fill=\"{(i == 0 ? "#3b528b" : "#7b94c4")}\"/>"
                + $"<text x=\"{Svg.Coordinate(LabelWidth + width + 6)}\" y=\"{Svg.Coordinate(y + RowHeight / 2)}\" dy=\"0.35em\">{share * 100:0.0} %</text></g>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
