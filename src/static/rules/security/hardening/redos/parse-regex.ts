/** A node of a parsed regular expression; `start`/`end` index its source text. */
export type RegexNode =
  | { type: 'alternation'; start: number; end: number; branches: RegexNode[] }
  | { type: 'sequence'; start: number; end: number; items: RegexNode[] }
  | { type: 'group'; start: number; end: number; kind: 'capture' | 'plain' | 'lookahead' | 'lookbehind'; body: RegexNode }
  | { type: 'quantifier'; start: number; end: number; min: number; max: number; body: RegexNode }
  | { type: 'char'; start: number; end: number; value: string }
  | { type: 'class' | 'dot' | 'backreference' | 'assertion'; start: number; end: number };

/**
 * Parses a JavaScript regular expression into groups, alternations, quantifiers and atoms: the shape a
 * backtracking analysis needs, not a full grammar (character classes stay opaque, escapes inside them
 * are only skipped). Returns null when the engine itself rejects the pattern.
 */
export function parseRegex(source: string, flags: string): RegexNode | null {
  try {
    new RegExp(source, flags.replace(/[^dgimsuvy]/g, ''));
  } catch {
    return null;
  }
  const unicodeSets = flags.includes('v');
  let pos = 0;

  const alternation = (): RegexNode => {
    const start = pos;
    const branches = [sequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0]! : { type: 'alternation', start, end: pos, branches };
  };

  const sequence = (): RegexNode => {
    const start = pos;
    const items: RegexNode[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') items.push(quantified(atom()));
    return { type: 'sequence', start, end: pos, items };
  };

  const atom = (): RegexNode => {
    const start = pos;
    const c = source[pos++]!;
    switch (c) {
      case '(': {
        let kind: 'capture' | 'plain' | 'lookahead' | 'lookbehind' = 'capture';
        if (source[pos] === '?') {
          const rest = source.slice(pos + 1, pos + 3);
          if (rest.startsWith('=') || rest.startsWith('!')) [kind, pos] = ['lookahead', pos + 2];
          else if (rest === '<=' || rest === '<!') [kind, pos] = ['lookbehind', pos + 3];
          else if (rest.startsWith('<')) pos = source.indexOf('>', pos) + 1;
          else [kind, pos] = ['plain', source.indexOf(':', pos) + 1]; // (?: and modifier groups (?i:...)
        }
        const body = alternation();
        pos++; // ')'
        return { type: 'group', start, end: pos, kind, body };
      }
      case '[':
        skipClass();
        return { type: 'class', start, end: pos };
      case '.':
        return { type: 'dot', start, end: pos };
      case '^':
      case '$':
        return { type: 'assertion', start, end: pos };
      case '\\':
        return escape(start);
      default:
        return { type: 'char', start, end: pos, value: c };
    }
  };

  const escape = (start: number): RegexNode => {
    const c = source[pos++]!;
    if (c === 'b' || c === 'B') return { type: 'assertion', start, end: pos };
    if ('dDwWsS'.includes(c)) return { type: 'class', start, end: pos };
    if ((c === 'p' || c === 'P') && source[pos] === '{') {
      pos = source.indexOf('}', pos) + 1;
      return { type: 'class', start, end: pos };
    }
    if (c >= '1' && c <= '9') {
      while (/[0-9]/.test(source[pos] ?? '')) pos++;
      return { type: 'backreference', start, end: pos };
    }
    if (c === 'k' && source[pos] === '<') {
      pos = source.indexOf('>', pos) + 1;
      return { type: 'backreference', start, end: pos };
    }
    const value = decodeEscape(c);
    return { type: 'char', start, end: pos, value };
  };

  const decodeEscape = (c: string): string => {
    const hex = (n: number): string => {
      const digits = source.slice(pos, pos + n);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== n) return c;
      pos += n;
      return String.fromCodePoint(parseInt(digits, 16));
    };
    switch (c) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'f': return '\f';
      case 'v': return '\v';
      case '0': return '\0';
      case 'x': return hex(2);
      case 'c': return String.fromCharCode((source.charCodeAt(pos++) || 64) % 32);
      case 'u':
        if (source[pos] === '{') {
          const close = source.indexOf('}', pos);
          const cp = parseInt(source.slice(pos + 1, close), 16);
          pos = close + 1;
          return Number.isFinite(cp) ? String.fromCodePoint(cp) : 'u';
        }
        return hex(4);
      default:
        return c;
    }
  };

  const skipClass = (): void => {
    let depth = 1;
    while (pos < source.length && depth > 0) {
      const c = source[pos++];
      if (c === '\\') pos++;
      else if (c === '[' && unicodeSets) depth++;
      else if (c === ']') depth--;
    }
  };

  const quantified = (body: RegexNode): RegexNode => {
    let min: number;
    let max: number;
    const c = source[pos];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(pos));
      if (!m) return body; // a literal brace (Annex B)
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      pos += m[0].length - 1;
    } else return body;
    pos++;
    if (source[pos] === '?') pos++; // lazy: backtracks just as much on failure
    return { type: 'quantifier', start: body.start, end: pos, min, max, body };
  };

  const root = alternation();
  return pos === source.length ? root : null;
}
