using System.Text;

namespace Rng.Generators;

/// <summary>A minimal writer for generated C#: lines at the current indentation, braces that indent and dedent.</summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new StringBuilder();
    private int _depth;

    public void Line(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _depth; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void Line() => _text.Append('\n');

    public void Open()
    {
        Line("{");
        _depth++;
    }

    public void Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    public void Indent() => _depth++;

    public void Dedent() => _depth--;

    public override string ToString() => _text.ToString();
}
