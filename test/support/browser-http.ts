/**
 * A browser without a page: real HTTP with fetch, following redirects one by one and keeping
 * cookies per host (as browsers do), so a test can walk through a sign-in the way a browser would.
 */
export interface Page {
  status: number;
  url: string;
  body: string;
}

export class CookieBrowser {
  /** host → cookie name → value */
  readonly jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  /** One request, no redirects followed; cookies sent and stored. */
  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookies = [...(this.jar.get(new URL(url).hostname) ?? new Map()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { method: init.method ?? 'GET', body: init.body, redirect: 'manual', headers: { ...(cookies ? { cookie: cookies } : {}), ...init.headers } });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const expired = attributes.some((attribute) => /^max-age=(0|-\d+)$/i.test(attribute) || (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) <= Date.now()));
      if (expired || value === '') this.jar.get(new URL(url).hostname)?.delete(name);
      else this.setCookie(url, name, value);
    }
    return response;
  }

  /** Requests `url` and follows redirects (a 303 or 302 after a POST becomes a GET) to the page they end at. */
  async navigate(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Page> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error(`Too many redirects from ${url}`);
      current = new URL(response.headers.get('location')!, current).href;
      await response.body?.cancel();
      response = await this.request(current);
    }
    return { status: response.status, url: current, body: await response.text() };
  }

  /** Submits the page's first form with these fields (and its hidden ones). */
  async submit(page: Page, fields: Record<string, string> = {}): Promise<Page> {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`No form on ${page.url}: ${page.body.slice(0, 300)}`);
    const hidden = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const body = new URLSearchParams({ ...hidden, ...fields }).toString();
    return this.navigate(new URL(action.replace(/&amp;/g, '&'), page.url).href, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}
