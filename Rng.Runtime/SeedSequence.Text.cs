using System.Globalization;
using System.Numerics;
using System.Text;

namespace Rng;

public sealed partial class SeedSequence
{
    /// <summary>
    /// Returns NumPy's <c>repr</c> of the same sequence, character for character, e.g.
    /// <c>"SeedSequence(\n    entropy=5,\n    spawn_key=(1,),\n)"</c>. Like NumPy it omits a default pool size, an empty
    /// spawn key and zero children spawned. <see cref="Parse(string)"/> reads it back.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("SeedSequence(\n    entropy=");
        if (IsEntropyList)
        {
            AppendJoined(text, _entropy, "[", "]");
        }
        else
        {
            text.Append(_entropy[0].ToString(CultureInfo.InvariantCulture));
        }

        text.Append(",\n");
        if (_spawnKey.Length > 0)
        {
            text.Append("    spawn_key=");
            AppendJoined(text, _spawnKey, "(", _spawnKey.Length == 1 ? ",)" : ")"); // Python's one-element tuple: (0,)
            text.Append(",\n");
        }

        if (PoolSize != DefaultPoolSize)
        {
            text.Append("    pool_size=").Append(PoolSize.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        }

        if (ChildrenSpawned != 0)
        {
            text.Append("    n_children_spawned=").Append(ChildrenSpawned.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        }

        return text.Append(')').ToString();
    }

    /// <summary>
    /// Rebuilds a sequence from its <see cref="ToString"/> text, which is also NumPy's <c>repr</c>:
    /// <c>SeedSequence(entropy=…, spawn_key=(…), pool_size=…, n_children_spawned=…)</c>. Whitespace and line breaks
    /// are free; <c>entropy</c> is required and is an integer or a list (<c>[…]</c> or <c>(…)</c>); the other fields
    /// are optional and default as in NumPy. <c>n_children_spawned</c> is restored, so spawning continues where it left off.
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <returns>A sequence equal to the one that was printed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a SeedSequence repr, or a value is out of range; the message says where and what was expected.</exception>
    public static SeedSequence Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ReprParser(text).Parse();
    }

    /// <summary>Like <see cref="Parse(string)"/>, but returns false instead of throwing when <paramref name="text"/> is null or malformed.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="result">The sequence read, or null when the text is malformed.</param>
    /// <returns>True when the text was read.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SeedSequence? result)
    {
        result = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            result = new ReprParser(text).Parse();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Rebuilds a sequence from its parts, checked exactly as the public constructors check them (for Parse and JSON).</summary>
    internal static SeedSequence FromParts(BigInteger[] entropy, bool isList, BigInteger[] spawnKey, int poolSize, int childrenSpawned)
    {
        if (!isList && entropy.Length != 1)
        {
            throw new ArgumentException(
                $"A single-integer entropy needs exactly one value, but {entropy.Length} were given.", nameof(entropy));
        }

        return new SeedSequence(CheckNonNegative(entropy, nameof(entropy)), isList, spawnKey, poolSize, childrenSpawned);
    }

    private static void AppendJoined(StringBuilder text, BigInteger[] values, string open, string close)
    {
        text.Append(open);
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        text.Append(close);
    }

    /// <summary>A small recursive-descent reader for the repr grammar; every error names the position and what was expected.</summary>
    private ref struct ReprParser
    {
        private readonly string _text;
        private int _position;

        public ReprParser(string text)
        {
            _text = text;
            _position = 0;
        }

        public SeedSequence Parse()
        {
            SkipWhitespace();
            Expect("SeedSequence");
            SkipWhitespace();
            Expect("(");
            BigInteger[]? entropy = null;
            bool isList = false;
            BigInteger[]? spawnKey = null;
            int? poolSize = null;
            int? childrenSpawned = null;
            while (true)
            {
                SkipWhitespace();
                if (TryConsume(')'))
                {
                    break;
                }

                int fieldStart = _position;
                string name = ReadIdentifier();
                SkipWhitespace();
                Expect("=");
                SkipWhitespace();
                switch (name)
                {
                    case "entropy":
                        EnsureFirst(entropy is null, name, fieldStart);
                        if (Peek() is '[' or '(')
                        {
                            entropy = ReadSequence();
                            isList = true;
                        }
                        else
                        {
                            entropy = [ReadInteger()];
                        }

                        break;
                    case "spawn_key":
                        EnsureFirst(spawnKey is null, name, fieldStart);
                        spawnKey = ReadSequence();
                        break;
                    case "pool_size":
                        EnsureFirst(poolSize is null, name, fieldStart);
                        poolSize = ReadInt32(name);
                        break;
                    case "n_children_spawned":
                        EnsureFirst(childrenSpawned is null, name, fieldStart);
                        childrenSpawned = ReadInt32(name);
                        break;
                    default:
                        throw Error($"unknown field '{name}' (expected entropy, spawn_key, pool_size or n_children_spawned)", fieldStart);
                }

                SkipWhitespace();
                if (TryConsume(')'))
                {
                    break;
                }

                Expect(",");
            }

            SkipWhitespace();
            if (_position != _text.Length)
            {
                throw Error("unexpected text after the closing ')'", _position);
            }

            if (entropy is null)
            {
                throw new FormatException("Invalid SeedSequence text: the required field 'entropy' is missing.");
            }

            try
            {
                return FromParts(entropy, isList, spawnKey ?? [], poolSize ?? DefaultPoolSize, childrenSpawned ?? 0);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Invalid SeedSequence text: {ex.Message}", ex);
            }
        }

        private BigInteger[] ReadSequence()
        {
            char open = Peek();
            if (open is not ('[' or '('))
            {
                throw Error("expected '[' or '(' to start a list of integers", _position);
            }

            char close = open == '[' ? ']' : ')';
            _position++;
            var values = new List<BigInteger>();
            while (true)
            {
                SkipWhitespace();
                if (TryConsume(close))
                {
                    return values.ToArray();
                }

                values.Add(ReadInteger());
                SkipWhitespace();
                if (TryConsume(close))
                {
                    return values.ToArray();
                }

                Expect(","); // also allows Python's trailing comma, as in (0,)
            }
        }

        private BigInteger ReadInteger()
        {
            int start = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error("expected a non-negative integer (decimal digits)", start);
            }

            return BigInteger.Parse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        private int ReadInt32(string name)
        {
            int start = _position;
            BigInteger value = ReadInteger();
            if (value > int.MaxValue)
            {
                throw Error($"{name} must be at most {int.MaxValue}", start);
            }

            return (int)value;
        }

        private string ReadIdentifier()
        {
            int start = _position;
            while (_position < _text.Length && (char.IsAsciiLetter(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error("expected a field name or ')'", start);
            }

            return _text[start.._position];
        }

        private readonly void EnsureFirst(bool first, string name, int position)
        {
            if (!first)
            {
                throw Error($"the field '{name}' appears twice", position);
            }
        }

        private void Expect(string token)
        {
            if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
            {
                throw Error($"expected '{token}'", _position);
            }

            _position += token.Length;
        }

        private bool TryConsume(char token)
        {
            if (_position < _text.Length && _text[_position] == token)
            {
                _position++;
                return true;
            }

            return false;
        }

        private readonly char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private readonly FormatException Error(string message, int position)
        {
            string found = position < _text.Length ? $"'{Excerpt(position)}'" : "the end of the text";
            return new FormatException($"Invalid SeedSequence text at position {position}: {message}, but found {found}.");
        }

        private readonly string Excerpt(int position)
        {
            int length = Math.Min(20, _text.Length - position);
            return _text.Substring(position, length).Replace("\n", "\\n", StringComparison.Ordinal);
        }
    }
}
