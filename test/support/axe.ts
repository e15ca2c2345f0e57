/**
 * axe-core, the accessibility engine, run in a real page: the serious and critical violations of
 * the WCAG 2.0/2.1 A and AA rules on the page as it is now. axe is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern, so the page is checked as
 * served, with its policy on.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One line per violated rule: "rule-id (impact): help — targets", empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const { passed, violations } = await page.evaluate<{ passed: number; violations: string[] }>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => ({
      passed: r.passes.length,
      violations: r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ') + (v.nodes.length > 5 ? ' and ' + (v.nodes.length - 5) + ' more' : '')),
    }))`);
  // A page axe found nothing to check on (blank, still loading) would pass vacuously.
  expect(passed, 'axe-core checked the page').to.be.greaterThan(4);
  return violations;
}
