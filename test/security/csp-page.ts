/**
 * The page of the strict-CSP test (csp.node.test.ts bundles it and serves it under
 * `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`): the whole panel on the
 * reference API (in memory, no service worker), driven through its main flows like a person would.
 * `window.__done` resolves with what each flow rendered, or rejects with the step that failed.
 */
import '../../src/components/define.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import { createReferenceApi, DEMO_VIEWERS } from '../../src/mock/index.js';
import { createRosterClient } from '../../src/sdk/index.js';

export interface CspFlowResult {
  listRows: number;
  editorFirstName: string;
  savedFirstName: string;
  statsFigures: number;
  /** The budget bar's inline style: set through the CSSOM, so the policy lets it apply. */
  meterFill: string;
  eventRows: number;
  grantedTools: number;
  createStep: string;
  trustedTypes: boolean;
}

/** What the page's own code met when it tried what the policy forbids: 'allowed' or the error's name. */
export interface EnforcementProbe {
  eval: string;
  innerHTML: string;
}

declare global {
  interface Window {
    __done: Promise<CspFlowResult>;
    __probeEnforcement: () => Promise<EnforcementProbe>;
  }
}

const shadow = (root: ParentNode | null | undefined, selector: string) =>
  root?.querySelector(selector)?.shadowRoot ?? null;

async function until<T>(check: () => T | null | undefined | false, step: string, timeout = 10000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${step}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

async function run(): Promise<CspFlowResult> {
  const api = createReferenceApi({ data: 'demo' });
  const client = createRosterClient({
    baseUrl: '/api/roster/v1',
    fetch: api.fetch,
    getToken: () => api.tokenFor(DEMO_VIEWERS.owner),
    retry: 0,
  });
  const panel = document.createElement('roster-panel') as RosterPanel;
  panel.client = client;
  panel.locale = 'en';
  document.body.append(panel);
  const root = panel.shadowRoot!;

  // The list, then the specialist's profile in the editor.
  const list = await until(() => shadow(root, 'roster-user-list'), 'list');
  const rows = () => [...list.querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
  await until(() => rows().length > 0, 'list rows');
  const listRows = rows().length;
  const sophie = await until(
    () => rows().find((row) => row.querySelector('.name')?.textContent === 'Sophie Becker'),
    'Sophie in the list',
  );
  sophie.click();
  const editor = await until(() => shadow(root, '.tab-panel:not([hidden]) roster-user-editor'), 'editor');
  const firstName = await until(() => editor.querySelector<HTMLInputElement>('#f-firstName'), 'editor form');
  const editorFirstName = firstName.value;

  // Edit a name and save it.
  type(firstName, 'Sophia');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const saved = new Promise<string>((resolve) =>
    panel.addEventListener('roster-user-updated', (event) => resolve(event.detail.user.firstName), { once: true }),
  );
  editor.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  const savedFirstName = await saved;

  // Activity: the figures, then the events tab.
  root.querySelector<HTMLButtonElement>('#tab-activity')!.click();
  const stats = await until(() => shadow(root, '.tab-panel:not([hidden]) roster-user-stats'), 'stats');
  await until(() => stats.querySelectorAll('[part~="item"]').length > 0, 'stats figures');
  const statsFigures = stats.querySelectorAll('[part~="item"]').length;
  const meterFill = stats.querySelector<HTMLElement>('[part~="meter-fill"]')?.style.inlineSize ?? '';
  stats.querySelector<HTMLButtonElement>('#tab-events')!.click();
  const history = await until(() => shadow(stats, 'roster-events-history'), 'events history');
  await until(() => history.querySelectorAll('[role="row"][data-id]').length > 0, 'event rows');
  const eventRows = history.querySelectorAll('[role="row"][data-id]').length;

  // Access: the grants, with a tool switched on and off again.
  root.querySelector<HTMLButtonElement>('#tab-access')!.click();
  const grants = await until(() => shadow(root, '.tab-panel:not([hidden]) roster-access-grants'), 'grants');
  await until(() => grants.querySelector('[data-tool-id]'), 'grants tools');
  const grantedTools = grants.querySelectorAll<HTMLInputElement>('[data-tool-id]:checked').length;
  const toggle = grants.querySelector<HTMLInputElement>('[data-tool-id]:not(:checked)');
  toggle?.click();
  toggle?.click();

  // New user: the create flow's first step, filled, then the next step.
  list.querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]')!.click();
  const creator = await until(() => {
    const found = shadow(root, 'roster-user-editor');
    return found?.querySelector('[part~="steps"]') ? found : null;
  }, 'create flow');
  const firstStep = creator.querySelector('#step-title')?.textContent;
  type(creator.querySelector<HTMLInputElement>('#f-firstName')!, 'Nora');
  type(creator.querySelector<HTMLInputElement>('#f-lastName')!, 'Neumann');
  type(creator.querySelector<HTMLInputElement>('#f-email')!, 'nora.neumann@nordlicht.de');
  // Per-user mode: the default lets the person choose their own password at verification.
  await new Promise((resolve) => setTimeout(resolve, 0));
  creator.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  const createStep = await until(() => {
    const title = creator.querySelector('#step-title')?.textContent ?? '';
    return title && title !== firstStep ? title : null;
  }, 'second step of the create flow');

  return {
    listRows,
    editorFirstName,
    savedFirstName,
    statsFigures,
    meterFill,
    eventRows,
    grantedTools,
    createStep,
    trustedTypes: 'trustedTypes' in window,
  };
}

window.__done = run();

// From a task of the page: code the test evaluates through DevTools is not held to the page's CSP.
window.__probeEnforcement = () =>
  new Promise((resolve) =>
    setTimeout(() => {
      const attempt = (action: () => void) => {
        try {
          action();
          return 'allowed';
        } catch (error) {
          return (error as Error).name;
        }
      };
      resolve({
        eval: attempt(() => new Function('return 1')),
        innerHTML: attempt(() => {
          document.createElement('div').innerHTML = '<b>trusted types</b>';
        }),
      });
    }, 0),
  );
