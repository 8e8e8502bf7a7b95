using System.Globalization;
using System.Net;

namespace SweepCluster.Reporting;

/// <summary>
/// The fixed parts of report.html: inline style and script (no external resources). The script renders the leaderboard
/// table from its embedded JSON (top-k / top-% filter, column picker, click-to-sort, pages of 500 rows), lets an axis of the parallel
/// coordinates be brushed, and, on a live report (<c>data-refresh-seconds</c> on the root element), reloads the page on a
/// timer unless paused. Table settings, brushes and the scroll position are kept across reloads in sessionStorage.
/// </summary>
internal static class ReportHtml
{
    /// <param name="refreshSeconds">0 for a final report; else the page reloads itself this often.</param>
    public static string Head(string title, int refreshSeconds)
    {
        var live = refreshSeconds > 0;
        var root = live ? string.Create(CultureInfo.InvariantCulture, $"<html lang=\"en\" data-refresh-seconds=\"{refreshSeconds}\">") : "<html lang=\"en\">";
        // Without script, a plain meta refresh does the reloading (it loses the scroll position).
        var noScriptRefresh = live ? string.Create(CultureInfo.InvariantCulture, $"<noscript><meta http-equiv=\"refresh\" content=\"{refreshSeconds}\"></noscript>\n") : "";
        return $$"""
            <!DOCTYPE html>
            {{root}}
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{noScriptRefresh}}<title>Sweep {{WebUtility.HtmlEncode(title)}}: report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; background: #fff; }
            h1 { margin-bottom: 0.2rem; }
            .meta { color: #666; margin-top: 0.2rem; }
            .meta.live { color: #2c728e; }
            .analysis { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 1.3fr); gap: 1rem; max-width: 1400px; margin-bottom: 1rem; align-items: start; }
            @media (max-width: 1100px) { .analysis { grid-template-columns: minmax(0, 1fr); } }
            .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; max-width: 1400px; }
            figure { margin: 0; border: 1px solid #ddd; }
            figure img { display: block; width: 100%; height: auto; }
            figcaption { padding: 0.4rem 0.6rem; font-size: 0.85rem; color: #444; border-bottom: 1px solid #eee; }
            figure > p { padding: 0 0.6rem; }
            svg.pc, svg.importance { display: block; width: 100%; height: auto; }
            svg.pc .pc-lines polyline.pc-dim { stroke: #ccc; stroke-opacity: 0.2; stroke-width: 1; }
            svg.pc .pc-brush-area { cursor: crosshair; }
            svg.pc .pc-brush { fill: rgba(59, 82, 139, 0.15); stroke: #3b528b; pointer-events: none; }
            .table-controls { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: baseline; margin: 0.5rem 0; font-size: 0.9rem; }
            .table-controls input[type=number] { width: 6em; }
            #lb-columns-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 0.1rem 1rem; padding: 0.4rem; border: 1px solid #ddd; max-width: 900px; }
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
    }

    public const string Tail = """
        <script>
        (function () {
          var storeKey = 'sweepcluster-report:' + location.pathname;
          var state = {};
          try { state = JSON.parse(sessionStorage.getItem(storeKey) || '{}') || {}; } catch (e) { state = {}; }
          function persist() { try { sessionStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { } }

          // The leaderboard table, rendered from the rows embedded once as JSON: only the filtered rows reach the DOM.
          var dataNode = document.getElementById('leaderboard-data');
          var table = document.getElementById('leaderboard');
          if (dataNode && table) {
            var data = JSON.parse(dataNode.textContent);
            var columns = data.columns, rows = data.rows, ranked = data.ranked;
            var mode = document.getElementById('lb-mode'), count = document.getElementById('lb-count');
            var shown = document.getElementById('lb-shown'), picker = document.getElementById('lb-columns-list');
            var pager = document.getElementById('lb-pager'), pageText = document.getElementById('lb-page');
            var pageSize = 500;
            var hidden = state.hidden || [];
            state.top = state.top || 100;
            state.percent = state.percent || 10;
            mode.value = state.mode || 'top';
            function syncCount() {
              count.disabled = mode.value === 'all';
              count.value = mode.value === 'percent' ? state.percent : state.top;
              count.max = mode.value === 'percent' ? 100 : '';
            }
            syncCount();
            columns.forEach(function (name) {
              var label = document.createElement('label');
              var box = document.createElement('input');
              box.type = 'checkbox';
              box.checked = hidden.indexOf(name) < 0;
              box.setAttribute('data-column', name);
              box.addEventListener('change', function () {
                hidden = hidden.filter(function (n) { return n !== name; });
                if (!box.checked) { hidden.push(name); }
                render();
              });
              label.appendChild(box);
              label.appendChild(document.createTextNode(' ' + name));
              picker.appendChild(label);
            });
            function key(text) {
              if (text === '') { return null; }
              return /^[-+]?[0-9.]+(e[-+]?[0-9]+)?$/i.test(text) ? parseFloat(text) : text;
            }
            function escapeHtml(text) {
              return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
            }
            function selected() {
              if (mode.value === 'all') { return rows.slice(); }
              var n = mode.value === 'percent' ? Math.ceil(ranked * Math.min(state.percent, 100) / 100) : Math.floor(state.top);
              return rows.slice(0, Math.max(0, Math.min(n, ranked)));
            }
            function render() {
              var view = selected();
              var col = state.sortCol, dir = state.sortDir === 'desc' ? -1 : 1;
              if (typeof col === 'number' && col >= 0 && col < columns.length) {
                view = view.map(function (row, i) { return [key(row[col]), i, row]; });
                view.sort(function (a, b) {
                  var x = a[0], y = b[0];
                  if (x === null || y === null) { return x === y ? a[1] - b[1] : (x === null ? 1 : -1); }
                  var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
                  return c !== 0 ? dir * c : a[1] - b[1];
                });
                view = view.map(function (item) { return item[2]; });
              }
              var visible = [];
              for (var i = 0; i < columns.length; i++) { if (hidden.indexOf(columns[i]) < 0) { visible.push(i); } }
              var head = '<tr>';
              visible.forEach(function (i) {
                var sorted = i === col ? ' data-dir="' + (dir < 0 ? 'desc' : 'asc') + '"' : '';
                head += '<th data-column="' + i + '"' + sorted + '>' + escapeHtml(columns[i]) + '</th>';
              });
              table.tHead.innerHTML = head + '</tr>';
              var pages = Math.max(1, Math.ceil(view.length / pageSize));
              state.page = Math.min(Math.max(0, state.page || 0), pages - 1);
              pager.hidden = pages < 2;
              pageText.textContent = 'page ' + (state.page + 1) + ' of ' + pages;
              var total = view.length;
              view = view.slice(state.page * pageSize, (state.page + 1) * pageSize);
              var body = [];
              view.forEach(function (row) {
                var cells = '';
                visible.forEach(function (i) { cells += '<td>' + escapeHtml(row[i]) + '</td>'; });
                body.push('<tr data-trial-id="' + escapeHtml(row[1]) + '">' + cells + '</tr>');
              });
              table.tBodies[0].innerHTML = body.join('\n');
              shown.textContent = 'showing ' + total + ' of ' + rows.length + ' trials (' + ranked + ' ranked)';
              state.mode = mode.value;
              state.hidden = hidden;
              persist();
            }
            table.tHead.addEventListener('click', function (event) {
              var th = event.target.closest('th');
              if (!th) { return; }
              var c = parseInt(th.getAttribute('data-column'), 10);
              state.sortDir = state.sortCol === c && state.sortDir !== 'desc' ? 'desc' : 'asc';
              state.sortCol = c;
              state.page = 0;
              render();
            });
            document.getElementById('lb-prev').addEventListener('click', function () { state.page = (state.page || 0) - 1; render(); });
            document.getElementById('lb-next').addEventListener('click', function () { state.page = (state.page || 0) + 1; render(); });
            mode.addEventListener('change', function () { state.page = 0; syncCount(); render(); });
            count.addEventListener('input', function () {
              var n = parseFloat(count.value);
              if (!(n > 0)) { return; }
              if (mode.value === 'percent') { state.percent = n; } else { state.top = n; }
              state.page = 0;
              render();
            });
            render();
            table.setAttribute('data-sortable', 'ready');
          }

          // Parallel coordinates: dragging along an axis keeps the lines that cross it in that range; a click clears it.
          var pc = document.querySelector('svg.pc');
          if (pc) {
            var lines = Array.prototype.slice.call(pc.querySelectorAll('.pc-lines polyline'));
            var ys = lines.map(function (line) {
              return line.getAttribute('points').split(' ').map(function (p) { return parseFloat(p.split(',')[1]); });
            });
            var pcShown = document.getElementById('pc-shown');
            var brushes = state.brushes || {};
            function applyBrushes() {
              var kept = 0, any = false;
              for (var a in brushes) { if (brushes.hasOwnProperty(a)) { any = true; } }
              lines.forEach(function (line, k) {
                var keep = true;
                for (var axis in brushes) {
                  if (!brushes.hasOwnProperty(axis)) { continue; }
                  var y = ys[k][axis], range = brushes[axis];
                  if (!(y >= range[0] && y <= range[1])) { keep = false; break; }
                }
                line.classList.toggle('pc-dim', !keep);
                if (keep) { kept++; }
              });
              if (pcShown) { pcShown.textContent = any ? kept + ' of ' + lines.length + ' lines in the brushed ranges.' : ''; }
              state.brushes = brushes;
              persist();
            }
            function drawBrush(group, range) {
              var rect = group.querySelector('.pc-brush');
              if (!range) { if (rect) { rect.parentNode.removeChild(rect); } return; }
              if (!rect) {
                rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
                rect.setAttribute('class', 'pc-brush');
                rect.setAttribute('x', '-8');
                rect.setAttribute('width', '16');
                group.insertBefore(rect, group.querySelector('.pc-brush-area'));
              }
              rect.setAttribute('y', range[0]);
              rect.setAttribute('height', Math.max(1, range[1] - range[0]));
            }
            Array.prototype.forEach.call(pc.querySelectorAll('.pc-axis'), function (group) {
              var index = group.getAttribute('data-axis');
              var area = group.querySelector('.pc-brush-area');
              var start = null;
              function toY(event) {
                var point = pc.createSVGPoint();
                point.x = event.clientX;
                point.y = event.clientY;
                return point.matrixTransform(pc.getScreenCTM().inverse()).y;
              }
              area.addEventListener('pointerdown', function (event) {
                start = toY(event);
                area.setPointerCapture(event.pointerId);
                event.preventDefault();
              });
              area.addEventListener('pointermove', function (event) {
                if (start === null) { return; }
                var y = toY(event);
                brushes[index] = [Math.min(start, y), Math.max(start, y)];
                drawBrush(group, brushes[index]);
                applyBrushes();
              });
              area.addEventListener('pointerup', function (event) {
                if (start === null) { return; }
                if (Math.abs(toY(event) - start) < 3) { delete brushes[index]; drawBrush(group, null); }
                start = null;
                applyBrushes();
              });
              if (brushes[index]) { drawBrush(group, brushes[index]); }
            });
            applyBrushes();
          }

          // A page reloaded by its own timer comes back where it was (and says how often it has reloaded).
          if (state.reloaded) {
            window.scrollTo(0, state.scrollY || 0);
            state.reloaded = false;
            persist();
            document.body.setAttribute('data-reloads', String(state.reloads || 0));
          }

          // Live: while the sweep runs the page reloads itself; the final report has no timer.
          var refresh = parseInt(document.documentElement.getAttribute('data-refresh-seconds') || '0', 10);
          if (refresh > 0) {
            var pause = document.getElementById('live-pause');
            var timer = null;
            function schedule() {
              clearTimeout(timer);
              if (state.paused) { return; }
              timer = setTimeout(function () {
                state.scrollY = window.scrollY;
                state.reloaded = true;
                state.reloads = (state.reloads || 0) + 1;
                persist();
                location.reload();
              }, refresh * 1000);
            }
            if (pause) {
              pause.checked = !!state.paused;
              pause.addEventListener('change', function () { state.paused = pause.checked; persist(); schedule(); });
            }
            schedule();
          }
          // Each plot says whether the browser could decode its picture (a broken SVG leaves naturalWidth 0); tests read it.
          document.querySelectorAll('figure > img').forEach(function (img) {
            function mark() { img.setAttribute('data-decoded', img.naturalWidth > 0 ? 'yes' : 'no'); }
            if (img.complete) { mark(); } else { img.addEventListener('load', mark); img.addEventListener('error', mark); }
          });
          document.body.setAttribute('data-rendered-ms', String(Math.round(performance.now())));
        })();
        </script>
        </body>
        </html>

        """;
}
