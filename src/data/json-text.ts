// JSON text to a document, with syntax errors located by line and column. JSON.parse does the
// parsing; only when it fails is jsonc-parser (the VS Code JSON scanner) loaded to say where, since
// V8's messages carry a position only some of the time and never a line.
import { DataError } from '../errors.js';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

const EXPECTED: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a ":" was expected',
  CommaExpected: 'a "," was expected',
  CloseBraceExpected: 'a "}" was expected',
  CloseBracketExpected: 'a "]" was expected',
  EndOfFileExpected: 'the document should end here',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'an unterminated comment',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

export async function parseJsonText(text: string, name: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch (err) {
    const mod = await import('jsonc-parser');
    // A CommonJS module: Node hands it over as `default`, bundlers sometimes as named exports.
    const api = (mod.default ?? mod) as typeof mod.default;
    const { parse, printParseErrorCode } = api;
    const errors: { error: number; offset: number; length: number }[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    // jsonc-parser is at least as strict as JSON.parse in every way that matters here; if it ever
    // finds nothing, V8's own message still says what is wrong.
    if (!first) throw new DataError(`${name}: not valid JSON (${(err as Error).message})`);
    const { line, column } = lineColumn(text, first.offset);
    const what = EXPECTED[printParseErrorCode(first.error as never)] ?? 'invalid JSON';
    const truncated = text.slice(first.offset).trim() === '' ? ' — the file ends before the JSON does (truncated?)' : '';
    throw new DataError(`${name}:${line}:${column}: not valid JSON: ${what}${truncated}`);
  }
}
