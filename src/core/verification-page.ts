/**
 * The verification page: plain HTML that works without JavaScript, in the panel's look, in the
 * account's language or the browser's (`Accept-Language`, see `languageFor`), under a strict CSP
 * (the one inline stylesheet and the one small script allowed by their hashes).
 */
import { type Language, RIGHT_TO_LEFT, TEXTS } from './texts.js';

type PasswordError = 'required' | 'password_too_short' | 'password_too_long' | 'password_too_weak' | string;

export type PageText =
  | { state: 'unknown' | 'used' | 'expired' | 'replaced' }
  | { state: 'confirm'; email: string; needsPassword: boolean; action: string; passwordError?: PasswordError }
  | { state: 'done'; email: string };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

// The panel's tokens (src/components/styles/tokens.styles.ts), light and dark.
const STYLE = `:root{color-scheme:light dark;--bg:#f6f7f9;--surface:#fff;--text:#1b1f24;--muted:#5b6472;--border:#d5d9e0;--accent:#2f5bd3;--on-accent:#fff;--danger:#b42318}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--surface:#1b1f24;--text:#eef1f5;--muted:#a6afbd;--border:#363d48;--accent:#7aa2ff;--on-accent:#0b1020;--danger:#ff8a80}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;padding:24px;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:min(100%,28rem);background:var(--surface);border:1px solid var(--border);border-radius:12px;padding:32px}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 8px}p{margin:0 0 16px;color:var(--muted)}bdi{color:var(--text);overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:16px 0 4px}input{width:100%;font:inherit;padding:10px 12px;border:1px solid var(--border);border-radius:8px;background:var(--surface);color:var(--text)}
input:focus-visible,button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}.hint{font-size:.875rem;margin:4px 0 0}.error{color:var(--danger);font-size:.875rem;margin:4px 0 0}
input[aria-invalid=true]{border-color:var(--danger)}button{margin-top:24px;width:100%;font:inherit;font-weight:600;padding:10px 16px;border:0;border-radius:8px;background:var(--accent);color:var(--on-accent);cursor:pointer}
.toggle{margin-top:8px;width:auto;padding:4px 10px;background:transparent;color:var(--accent);border:1px solid var(--border)}.toggle[hidden]{display:none}`;

// Show/hide is the one thing script adds; without it the page works as it is (the button stays hidden).
const SCRIPT =
  `for(const b of document.querySelectorAll('[data-toggle]')){const i=document.getElementById(b.dataset.toggle);b.hidden=false;` +
  `b.addEventListener('click',()=>{const show=i.type==='password';i.type=show?'text':'password';b.textContent=show?b.dataset.hide:b.dataset.show;b.setAttribute('aria-pressed',String(show))})}`;

const hashes = new Map<string, Promise<string>>();
/** The CSP source that allows exactly this inline text. */
function hashSource(text: string): Promise<string> {
  let hash = hashes.get(text);
  if (!hash) {
    hash = globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((digest) => {
      let binary = '';
      for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
      return `'sha256-${btoa(binary)}'`;
    });
    hashes.set(text, hash);
  }
  return hash;
}

export async function renderPage(
  options: PageText & { language: Language; account: string; status: number },
): Promise<Response> {
  const t = TEXTS[options.language].page;
  const account = `<bdi>${escapeHtml(options.account)}</bdi>`;
  let heading: string;
  let content: string;
  switch (options.state) {
    case 'confirm': {
      heading = t.title;
      const error = options.passwordError
        ? ((t.errors as Record<string, string>)[options.passwordError] ?? t.errors.password_too_weak)
        : '';
      const password = options.needsPassword
        ? `<label for="password">${t.password}</label>` +
          `<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="128"` +
          ` aria-describedby="password-hint${error ? ' password-error' : ''}"${error ? ' aria-invalid="true" autofocus' : ''}>` +
          `<button type="button" class="toggle" data-toggle="password" data-show="${t.show}" data-hide="${t.hide}" aria-pressed="false" hidden>${t.show}</button>` +
          `<p class="hint" id="password-hint">${t.passwordHint}</p>` +
          (error ? `<p class="error" id="password-error" role="alert">${escapeHtml(error)}</p>` : '')
        : '';
      content =
        `<p>${t.intro(account)}</p>` +
        `<form method="post" action="${escapeHtml(options.action)}">` +
        `<label for="email">${t.email}</label><input id="email" type="email" value="${escapeHtml(options.email)}" autocomplete="username" readonly>` +
        `${password}<button type="submit">${t.confirm}</button></form>`;
      break;
    }
    case 'done':
      heading = t.done;
      content = `<p><bdi>${escapeHtml(options.email)}</bdi></p><p>${t.doneText}</p>`;
      break;
    default:
      heading = t[options.state];
      content = `<p>${t[`${options.state}Text`]}</p>`;
  }
  const html =
    `<!doctype html><html lang="${options.language}"${RIGHT_TO_LEFT.has(options.language) ? ' dir="rtl"' : ''}><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${heading}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${heading}</h1>${content}</main><script>${SCRIPT}</script></body></html>`;
  return new Response(html, {
    status: options.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': options.language,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        `default-src 'none'; style-src ${await hashSource(STYLE)}; script-src ${await hashSource(SCRIPT)}; ` +
        `form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    },
  });
}
