/**
 * GraphiQL at GET /graphql, bundled from npm with its Monaco workers and served from this origin.
 * A bar above it holds the viewer's token, which every request carries as a bearer header.
 */
import './workers';
import 'graphiql/style.css';
import './ide.css';
import { GraphiQL } from 'graphiql';
import { ComponentProps, FormEvent, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HOW_TO_SIGN_IN, storedToken, storeToken } from '../shared/token';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Works on any plan, the sample ones included: a first look at what the API answers. */
const SAMPLE_QUERY = `# Cairn's GraphQL API. Run with Ctrl+Enter or ▶.
# Sign in above with a token: npm run --silent dev-token
# The Docs panel (left) describes every field.

query PlansAtAGlance {
  viewer { name role }
  plans {
    id
    title
    health
    progress
    statusCounts {
      OVERDUE AT_RISK ON_TRACK NOT_STARTED
      COMPLETED COMPLETED_LATE CANCELLED total
    }
    dashboard {
      overdue {
        daysOverdue
        statusReason
        milestone { code title leadAgency { shortName } }
      }
    }
  }
}
`;

function fetcherFor(token: string | null, onUnauthenticated: () => void): Fetcher {
  return async (params, options) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options?.headers };
    // A header typed in GraphiQL's headers editor wins over the stored token.
    const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    if (token && !typed) headers.authorization = `Bearer ${token}`;
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
    if (response.status === 401) onUnauthenticated();
    return response.json();
  };
}

function TokenBar(props: { token: string | null; message: string; onSignIn(token: string): void; onSignOut(): void }) {
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) props.onSignIn(draft.trim());
    setDraft('');
  };
  return (
    <header className="cairn-bar">
      <strong>Cairn GraphQL IDE</strong>
      <a href="/dashboard">Dashboard</a>
      {props.token ? (
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      ) : (
        <form onSubmit={submit}>
          <label htmlFor="cairn-token">Token</label>
          <input id="cairn-token" type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="cairn_…" />
          <button type="submit">Sign in</button>
        </form>
      )}
      <span role="status" className="cairn-status">
        {props.message}
      </span>
    </header>
  );
}

function App() {
  const [token, setToken] = useState(storedToken());
  const [message, setMessage] = useState(token ? 'Signed in: requests carry your token.' : 'Not signed in.');
  // A new fetcher makes GraphiQL fetch the schema again, e.g. after signing in.
  const fetcher = useMemo(() => fetcherFor(token, () => setMessage(HOW_TO_SIGN_IN)), [token]);
  const signIn = (value: string) => {
    storeToken(value);
    setToken(value);
    setMessage('Signed in: requests carry your token.');
  };
  const signOut = () => {
    storeToken(null);
    setToken(null);
    setMessage('Signed out.');
  };
  return (
    <div className="cairn-ide">
      <TokenBar token={token} message={message} onSignIn={signIn} onSignOut={signOut} />
      <main className="cairn-graphiql">
        <GraphiQL fetcher={fetcher} defaultQuery={SAMPLE_QUERY} />
      </main>
    </div>
  );
}

/**
 * GraphiQL marks each query tab, an item holding its own buttons (select, close), role="tab",
 * which nests interactive controls (WCAG 4.1.2: a screen reader cannot reach the inner buttons).
 * As a plain list of buttons, the open one marked aria-current, the tabs read and work the same.
 */
function plainTabs(root: HTMLElement): void {
  const fix = () => {
    for (const tab of root.querySelectorAll('.graphiql-tab[role="tab"]')) {
      const open = tab.getAttribute('aria-selected') === 'true';
      tab.removeAttribute('role');
      tab.removeAttribute('aria-selected');
      tab.querySelector('.graphiql-tab-button')?.setAttribute('aria-current', String(open));
    }
    for (const list of root.querySelectorAll('[role="tablist"]')) list.removeAttribute('role');
  };
  new MutationObserver(fix).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
  fix();
}

const root = document.getElementById('root')!;
plainTabs(root);
createRoot(root).render(<App />);
