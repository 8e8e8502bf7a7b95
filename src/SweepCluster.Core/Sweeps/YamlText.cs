using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// The one place a sweep file's text (or an override's value) meets YamlDotNet. The parser reports most malformed text
/// as a <see cref="YamlException"/> with a position, but not all: a flow mapping left open before a later block
/// (<c>parameters: {</c>) makes YamlDotNet 16's scanner throw <see cref="InvalidOperationException"/>. Whatever the
/// library throws on a text is a syntax error of that text, placed where the scanner stopped, never a crash.
/// </summary>
internal static class YamlText
{
    /// <summary>The text's YAML stream, or null and why not.</summary>
    public static YamlStream? TryLoad(string text, out YamlSyntaxError? error)
    {
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
            error = null;
            return stream;
        }
        catch (YamlException e)
        {
            error = new YamlSyntaxError((int)e.Start.Line, (int)e.Start.Column, Innermost(e).Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var at = scanner.CurrentPosition;
            // Its message ("Operation is not valid due to the current state of the object") says nothing about the text.
            error = new YamlSyntaxError((int)at.Line, (int)at.Column, $"cannot be read on from here (is a '{{', '[' or quote above left open?) [{e.GetType().Name}]");
        }
        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
