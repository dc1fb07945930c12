/**
 * Control characters (minus tab and newline) and the bidi overrides/isolates behind "Trojan Source"
 * (https://trojansource.codes). They can rewrite a terminal or make text read differently from what it is.
 */
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Makes untrusted text (paths, titles, LLM messages) safe to print: CRLF becomes LF, and every other
 * control or bidi character is shown as a visible escape such as `\x1b` or `\u202e`.
 */
export function neutralizeControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, (char) => {
    if (char === '\n' || char === '\t') return char;
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
