// Tools that need their own dependency tree (TypeScript 5's JS API for vue-tsc, svelte-check and
// Angular's compiler; the project itself uses TypeScript 7) install from a lockfile of their own
// into .cache, and again only when that lockfile changes. Installed without peers: from .cache,
// packages such as vue, svelte or lit resolve up to the project's own node_modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Installs `source`'s package.json and package-lock.json into `target` unless already there. */
export function installCachedTools(source, target, name) {
  const stamp = join(target, 'installed-package-lock.json');
  const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
  console.log(`Installing ${name} into ${relative(process.cwd(), target) || '.'} …`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(source, file), join(target, file));
  const args = ['ci', '--prefix', target, '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'];
  // The npm that runs this script (`npm run`), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const result = npmCli?.endsWith('.js')
    ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' })
    : spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `Could not install ${name} (npm ci exited with ${result.status ?? result.error}); is the npm registry reachable?`,
    );
    process.exit(1);
  }
  // Written last, so an interrupted install is redone.
  writeFileSync(stamp, lock);
}
