/**
 * The longest string an anchored regular expression (`^…$`) can match, or null when it is
 * unbounded (`*`, `+`, `{n,}`) or uses syntax this reader does not follow (lookarounds,
 * backreferences). Used to state `maxLength` for a `@Matches` rule from the rule itself, so the
 * document never claims a limit the validator does not hold.
 */
export function maxMatchLength(pattern: RegExp): number | null {
  const src = pattern.source;
  if (!src.startsWith('^') || !src.endsWith('$') || src.endsWith('\\$')) return null;
  try {
    // One top-level sequence: `^a$|b$` anchors only its first branch, so a top-level `|` is not read.
    const [len, end] = sequence(src, 1, src.length - 1);
    return end === src.length - 1 ? len : null;
  } catch {
    return null;
  }
}

class Unbounded extends Error {}

/** a|b|c up to `stop` or a closing parenthesis; the longest branch. */
function alternation(src: string, start: number, stop: number): [number, number] {
  let best = 0;
  let i = start;
  for (;;) {
    const [len, end] = sequence(src, i, stop);
    best = Math.max(best, len);
    if (end < stop && src[end] === '|') {
      i = end + 1;
      continue;
    }
    return [best, end];
  }
}

function sequence(src: string, start: number, stop: number): [number, number] {
  let total = 0;
  let i = start;
  while (i < stop && src[i] !== '|' && src[i] !== ')') {
    let atom: number;
    const c = src[i];
    if (c === '(') {
      let j = i + 1;
      if (src.startsWith('?:', j)) j += 2;
      else if (src[j] === '?') throw new Unbounded();
      const [len, end] = alternation(src, j, stop);
      if (src[end] !== ')') throw new Unbounded();
      atom = len;
      i = end + 1;
    } else if (c === '[') {
      let j = i + 1;
      while (j < stop && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom = 1;
      i = j + 1;
    } else if (c === '\\') {
      if (/[1-9bBk]/.test(src[i + 1] ?? '')) throw new Unbounded();
      atom = 1;
      i += src[i + 1] === 'u' ? 6 : src[i + 1] === 'x' ? 4 : 2;
    } else if (c === '^' || c === '$') {
      atom = 0;
      i += 1;
    } else {
      atom = 1;
      i += 1;
    }
    const q = src[i];
    if (q === '*' || q === '+') throw new Unbounded();
    if (q === '?') {
      i += 1;
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unbounded();
      if (m[2] !== undefined && m[3] === '') throw new Unbounded();
      atom *= Number(m[3] ?? m[1]);
      i += m[0].length;
    }
    if (src[i] === '?') i += 1; // lazy quantifier
    total += atom;
  }
  return [total, i];
}
