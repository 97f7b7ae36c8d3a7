/**
 * Tripwires for browser tests that feed hostile data to the elements: a canary any executed payload
 * sets, stubs for the dialogs most published payloads call (`alert(1)`), CSP violations, console
 * errors and uncaught errors, and a walk through every shadow root for markup that data could
 * only have produced by being parsed as HTML.
 *
 *     const guard = guardPage();          // in beforeEach
 *     …render hostile data…
 *     await guard.assertClean(element);   // no script ran, no injected element, no console error
 *     guard.dispose();                    // in afterEach
 */
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    /** Set by the canary payloads when one of them runs. */
    __rosterPwned?: boolean;
  }
}

/**
 * Payloads that set the canary if they ever run, one for each way markup could execute: event
 * handler attributes, script elements, srcdoc frames, javascript: URLs, template syntax of other
 * frameworks and parser differentials (mXSS). Each is a valid name (a letter, at most 100 code points).
 */
export const CANARY_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__rosterPwned=true">',
  '<script>window.__rosterPwned=true</script>',
  '<svg onload="window.__rosterPwned=true">',
  '"><img src=x onerror=__rosterPwned=true>',
  '\'><iframe srcdoc="<script>parent.__rosterPwned=true</script>">',
  '<a href="javascript:__rosterPwned=true">Klick</a>',
  '<details open ontoggle=__rosterPwned=true>',
  '${window.__rosterPwned=true}',
  "{{constructor.constructor('__rosterPwned=true')()}}",
  '<math><mtext><table><mglyph><style><img src=x onerror=__rosterPwned=true>',
  '<input autofocus onfocus=__rosterPwned=true>',
  '<!--<img src="--><img src=x onerror=__rosterPwned=true//">',
];

/** Elements the elements never render themselves: if one shows up, data was parsed as markup. */
const FOREIGN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'img',
  'image',
  'video',
  'audio',
  'source',
  'meta',
  'base',
  'link',
  'math',
  'marquee',
  'details',
  'template',
  'applet',
  'portal',
  'mglyph',
  'mtext',
  'textarea',
  'isindex',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];

/** Every element under `root`, descending into open shadow roots (and their shadow roots). */
export function* allElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

/** Markup in the rendered elements that only parsed data could have created, described for a failure message. */
export function injectedMarkup(root: Element): string[] {
  const found: string[] = [];
  for (const element of [root, ...allElements(root.shadowRoot ?? root)]) {
    const tag = element.localName;
    if (FOREIGN_ELEMENTS.has(tag)) found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
    }
  }
  return found;
}

export interface PageGuard {
  /** Arguments of every alert(), confirm() and prompt() call. */
  readonly dialogs: string[];
  /** `violatedDirective blockedURI` of each CSP violation. */
  readonly violations: string[];
  /** Everything written with console.error, and uncaught errors and rejections. */
  readonly errors: string[];
  /** Waits for late handlers (an image's onerror fires after its request fails), then asserts nothing ran or leaked. */
  assertClean(...elements: Element[]): Promise<void>;
  dispose(): void;
}

const text = (value: unknown) => {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
};

/** Installs the tripwires; `dispose()` restores the page. */
export function guardPage(): PageGuard {
  const dialogs: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, error: console.error };
  window.__rosterPwned = false;
  window.alert = (message?: unknown) => void dialogs.push(`alert(${text(message)})`);
  window.confirm = (message?: string) => (dialogs.push(`confirm(${text(message)})`), false);
  window.prompt = (message?: string) => (dialogs.push(`prompt(${text(message)})`), null);
  console.error = (...args: unknown[]) => {
    errors.push(args.map(text).join(' '));
    saved.error.apply(console, args);
  };
  const onViolation = (event: SecurityPolicyViolationEvent) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  const onError = (event: ErrorEvent) => errors.push(`uncaught ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection ${text(event.reason)}`);
  document.addEventListener('securitypolicyviolation', onViolation);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  return {
    dialogs,
    violations,
    errors,
    async assertClean(...elements) {
      // Two frames and a macrotask: enough for a failed image load or an autofocus handler to run.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window.__rosterPwned, 'a canary payload ran').to.equal(false);
      expect(dialogs, 'a payload opened a dialog').to.deep.equal([]);
      expect(violations, 'CSP violations').to.deep.equal([]);
      expect(errors, 'console errors').to.deep.equal([]);
      for (const element of elements)
        expect(injectedMarkup(element), `markup from data in <${element.localName}>`).to.deep.equal([]);
    },
    dispose() {
      window.alert = saved.alert;
      window.confirm = saved.confirm;
      window.prompt = saved.prompt;
      console.error = saved.error;
      document.removeEventListener('securitypolicyviolation', onViolation);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Polls `check` every macrotask until it returns a truthy value (faster than waitUntil's 50 ms steps). */
export async function until<T>(
  check: () => T | undefined | null | false,
  message: string,
  timeout = 15000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A string shown in a failure message with its invisible characters made visible. */
export const show = (value: string) =>
  JSON.stringify(value)
    .replace(/[^\x20-\x7e]/g, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)
    .slice(0, 120);
