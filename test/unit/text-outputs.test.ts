/**
 * User text as data in CSV and Markdown (docs/rules.md, "Who may see and do what"): the pure writers, on
 * every kind of cell and text, including those the API cannot store (a leading tab, a newline).
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvCell, csvCellValue, csvFile } from '../../src/services/csv';
import { mdHeading, mdListItem, mdParagraph, mdTable, mdText } from '../../src/services/markdown';
import { renderMarkdown } from '../support/hostile-text';

describe('CSV cells: formulas neutralised, read back as typed', () => {
  it('a cell starting with = + - @ tab or carriage return gets one apostrophe; plain numbers and other text do not', () => {
    for (const value of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\tTab', '\rReturn', '-', '+', '=', '-1e5', '- 5']) expect(csvCell(value), JSON.stringify(value)).to.equal(`'${value}`);
    for (const value of ['-5', '+5', '-2.5', '0', '42', 'Plain', "O'Brien", "'quoted", "'", '', ' =spaced', 'a=b']) expect(csvCell(value), JSON.stringify(value)).to.equal(value);
  });

  it('an apostrophe the import would take away is doubled, so that cell round-trips too', () => {
    expect(csvCell("'=x")).to.equal("''=x");
    expect(csvCell("''")).to.equal("'''");
    expect(csvCell("'-5")).to.equal("''-5");
    expect(csvCellValue("''=x")).to.equal("'=x");
    expect(csvCellValue("'=x")).to.equal('=x');
    expect(csvCellValue("'plain")).to.equal("'plain");
  });

  it('every string round-trips through csvCell and csvCellValue, and through a whole file', () => {
    const risky = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '1', '.', 'a', ' ', '"', ',', '\n') });
    fc.assert(fc.property(fc.oneof(risky, fc.string()), (value) => csvCellValue(csvCell(value)) === value));
    fc.assert(
      fc.property(fc.array(fc.array(risky, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const cells = (parse(csvFile(rows)) as string[][]).flat();
        expect(cells.map(csvCellValue)).to.deep.equal(rows.flat());
        for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell), JSON.stringify(cell)).to.equal(false);
      }),
    );
  });
});

describe('Markdown: user text stays text, with no escape artefacts', () => {
  const texts = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  /** A text in every position Cairn writes one: paragraph start, list item, heading, table cell. */
  const everywhere = (text: string) => [mdParagraph(mdText(text)), '', mdListItem(mdText(text)), '', mdHeading(2, mdText(text)), '', ...mdTable(['Head'], [[mdText(text)]])].join('\n');

  it('reads as typed where Markdown would not interpret it: parentheses, &, apostrophes, intraword underscores', () => {
    for (const text of ["Strategic Plan FY2014–FY2017 (illustrative)", 'Sex Worker & Trafficking Committee', "Mayor's Task Force", 'snake_case', 'C# and F#', 'a.k.a. 1.5', '#hashtag', 'Step 2. Then 3) more']) expect(mdText(text), text).to.equal(text);
  });

  it('escapes only what Markdown would read as markup, at each position', () => {
    expect(mdText('*bold* _em_ `code` ~~x~~ [l](u) ![i](u) <b> \\ &amp;')).to.equal('\\*bold\\* \\_em\\_ \\`code\\` \\~\\~x\\~\\~ \\[l\\](u) !\\[i\\](u) \\<b> \\\\ \\&amp;');
    expect(mdText('two\nlines\r\n\r\nand more')).to.equal('two lines and more');
    expect(mdParagraph('# Heading')).to.equal('\\# Heading');
    expect(mdParagraph('> quote')).to.equal('\\> quote');
    expect(mdParagraph('- item')).to.equal('\\- item');
    expect(mdParagraph('+ item')).to.equal('\\+ item');
    expect(mdParagraph('---')).to.equal('\\---');
    expect(mdParagraph('1. item')).to.equal('1\\. item');
    expect(mdParagraph('2) item')).to.equal('2\\) item');
    expect(mdParagraph('#hashtag - 1. no block')).to.equal('#hashtag - 1. no block');
    expect(mdHeading(2, 'Issue #')).to.equal('## Issue \\#');
    expect(mdTable(['A'], [['x | y']])).to.deep.equal(['| A |', '| --- |', '| x \\| y |', '']);
  });

  it('renders every hostile text as exactly that text, with no markup, in every position', () => {
    const hostile = [
      '## Hacked <script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://evil.example) | pipe',
      '- item', '+ item', '* item', '1. item', '7) item', '> quote', '---', '***', '___', '===', '# h #',
      '**bold** __bold__ _em_ *em* ~~strike~~ `code` ``code``', '[x]: http://evil.example', '[^1]', '<http://evil.example>',
      '&lt;b&gt; &#60;b&#62; &copy;', 'a\\|b \\', '|a|b|',
    ];
    for (const text of hostile) {
      const html = renderMarkdown(everywhere(text));
      expect(html, text).to.not.match(/<(script|img|a|em|strong|code|del|blockquote|ol|hr|h1|h3|b)[ >]/);
      expect(html.match(/<li>/g), text).to.have.length(1);
      expect(html.match(/<td>/g), text).to.have.length(1);
      const seen = texts(html).split('\n').map((t) => t.trim()).filter(Boolean);
      expect(seen, text).to.deep.equal([text, text, text, 'Head', text]);
    }
  });
});
