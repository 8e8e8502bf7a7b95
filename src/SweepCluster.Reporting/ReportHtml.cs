using System.Net;

namespace SweepCluster.Reporting;

/// <summary>The fixed parts of report.html: inline style and the table-sorting script (no external resources).</summary>
internal static class ReportHtml
{
    public static string Head(string title) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sweep {{WebUtility.HtmlEncode(title)}}: report</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; background: #fff; }
        h1 { margin-bottom: 0.2rem; }
        .meta { color: #666; margin-top: 0.2rem; }
        .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; max-width: 1400px; }
        figure { margin: 0; border: 1px solid #ddd; }
        figure img { display: block; width: 100%; height: auto; }
        table.board { border-collapse: collapse; font-size: 0.85rem; }
        table.board th, table.board td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; white-space: nowrap; }
        table.board th { background: #f3f3f3; cursor: pointer; user-select: none; position: sticky; top: 0; }
        table.board th[data-dir="asc"]::after { content: " \25B2"; }
        table.board th[data-dir="desc"]::after { content: " \25BC"; }
        table.board tbody tr:nth-child(even) { background: #fafafa; }
        </style>
        </head>
        <body>

        """;

    // Sorts numerically when both cells are numbers, as text otherwise; empty cells stay last either way.
    public const string Tail = """
        <script>
        (function () {
          var table = document.getElementById('leaderboard');
          if (!table) { return; }
          var headers = table.tHead.rows[0].cells;
          function key(row, i) {
            var text = row.cells[i].textContent.trim();
            if (text === '') { return null; }
            return /^[-+]?[0-9.]+(e[-+]?[0-9]+)?$/i.test(text) ? parseFloat(text) : text;
          }
          function sortBy(i) {
            var header = headers[i];
            var dir = header.getAttribute('data-dir') === 'asc' ? 'desc' : 'asc';
            for (var h = 0; h < headers.length; h++) { headers[h].removeAttribute('data-dir'); }
            header.setAttribute('data-dir', dir);
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a, i), y = key(b, i);
              if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
              var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
              return dir === 'asc' ? c : -c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          for (var i = 0; i < headers.length; i++) {
            headers[i].addEventListener('click', sortBy.bind(null, i));
          }
          table.setAttribute('data-sortable', 'ready');
        })();
        </script>
        </body>
        </html>

        """;
}
