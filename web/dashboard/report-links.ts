/**
 * Reports and briefings that open in the browser as well as download. The server's HTML pages are
 * self-contained (inline CSS and SVG, no scripts, nothing loaded from anywhere), so the page can
 * show them from a blob: URL. With a token, the page fetches the file with the token in a header
 * (tokens stay out of URLs) and opens it in a new tab; with a single sign-on cookie, or where
 * anonymous reading is on, a plain link does, since the browser sends the cookie itself.
 */
import { download } from '../shared/graphql';
import { storedToken } from '../shared/token';
import * as meetingsApi from './api-meetings';
import { downloadLink, showError } from './app';
import { h } from './dom';

/** A blob URL lives as long as the dashboard's page; the tab it opened has read it long before this. */
const BLOB_LIFETIME_MS = 60_000;

/** A link that opens an HTML page of the server in a new tab. */
export function openLink(label: string, url: string): HTMLAnchorElement {
  const link = h('a', { href: url, target: '_blank', rel: 'noopener' }, label, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
  link.addEventListener('click', (event) => {
    if (!storedToken()) return; // the session cookie (or anonymous reading) goes with the plain link
    event.preventDefault();
    // The tab opens now, while the click still counts as the user's: a pop-up blocker would stop
    // one opened after the fetch. It stays blank until the page arrives, and never sees this one.
    const tab = window.open('', '_blank');
    if (!tab) {
      showError(new Error('The browser blocked the new tab: allow pop-ups for this site, or use the download link.'));
      return;
    }
    tab.opener = null;
    download(url).then(
      (blob) => {
        const objectUrl = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
        tab.location.href = objectUrl;
        setTimeout(() => URL.revokeObjectURL(objectUrl), BLOB_LIFETIME_MS);
      },
      (error) => {
        tab.close();
        showError(error);
      },
    );
  });
  return link;
}

/** "Open" in a new tab, and "download", for one HTML page of the server; `what` names it for screen readers. */
export function openOrDownload(what: string, url: string, filename: string): HTMLElement {
  const save = downloadLink('download', `${url}${url.includes('?') ? '&' : '?'}download=1`, filename);
  save.setAttribute('aria-label', `Download ${what}`);
  return h('span', { class: 'open-or-download' }, openLink(what, url), ' · ', save);
}

/**
 * The annual report of each year, to open or download, with the editions published of it (frozen,
 * computed for the public), loaded after the page. `label` names a year's live report.
 */
export function annualReportItems(planId: string, years: number[], label: (year: number) => string): HTMLElement[] {
  const id = encodeURIComponent(planId);
  const items = years.map((y) => {
    const editions = h('ul', { class: 'editions', hidden: true, 'data-year': y });
    return { year: y, editions, item: h('li', { 'data-report-year': y }, openOrDownload(label(y), `/reports/${id}/${y}.html`, `annual-report-${y}.html`), editions) };
  });
  meetingsApi.publishedReports(planId).then((published) => {
    for (const { year, editions } of items) {
      const ofYear = published.filter((p) => p.year === year);
      if (ofYear.length === 0) continue;
      editions.replaceChildren(
        ...ofYear.map((p) =>
          h(
            'li',
            { 'data-edition': p.edition },
            openOrDownload(`Published edition ${p.edition} of ${year} (${p.publishedAt.slice(0, 10)}, HTML)`, p.url, `annual-report-${year}-edition-${p.edition}.html`),
          ),
        ),
      );
      editions.hidden = false;
    }
  }, showError);
  return items.map((i) => i.item);
}
