/**
 * The one way Cairn writes Markdown (meeting briefings, annual reports). Text from users is data:
 * it reads as typed and never becomes markup — no heading, list, quote, rule, emphasis, code,
 * link, image or raw HTML. Only what Markdown would interpret at that place is escaped, so
 * "(illustrative)" and "Sex Worker & Trafficking Committee" stay as they are.
 *
 * `mdText` escapes what is special anywhere in a line; the block helpers add what is special at
 * their position (the start of a line, the end of a heading, a table cell), so callers pass
 * them Markdown: Cairn's own markup plus user text through `mdText`.
 */

/** Plain text as inline Markdown, on one line. */
export function mdText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*~[\]<]/g, '\\$&')
    .replace(/_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu, '\\_') // an underscore inside a word is no emphasis
    .replace(/&(?=#?\w+;)/g, '\\&'); // only where it would start an entity such as &amp;
}

/**
 * The start of a line must not open a block: a heading, quote, list item or thematic break
 * (`*` and `_` are escaped by `mdText` already; leading spaces would make code).
 */
function lineStart(markdown: string): string {
  return markdown
    .trimStart()
    .replace(/^(#{1,6}|[+-])(?=\s|$)|^>|^-(?=[\s-]*$)/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

export function mdHeading(level: number, markdown: string): string {
  // A heading's trailing #s would be read as its closing sequence.
  return `${'#'.repeat(level)} ${lineStart(markdown).replace(/(\s)(#+\s*)$/, '$1\\$2')}`;
}

export function mdParagraph(markdown: string): string {
  return lineStart(markdown);
}

export function mdListItem(markdown: string): string {
  return `- ${lineStart(markdown)}`;
}

/** A table (or "None."), followed by a blank line; a `|` in a cell is text, not a column break. */
export function mdTable(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['None.', ''];
  const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...rows.map(row), ''];
}
