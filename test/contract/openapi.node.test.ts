import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildOpenApi } from '../../scripts/openapi-document.js';

test('openapi.json is generated from the current schemas (run `npm run openapi` after changing them)', () => {
  const committed = JSON.parse(readFileSync('openapi.json', 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(buildOpenApi())));
});

test('the contract documents every endpoint of the HTTP table', () => {
  const paths = Object.keys(buildOpenApi().paths);
  for (const p of [
    '/me',
    '/users',
    '/users/{id}',
    '/users/{id}/verification',
    '/users/{id}/stats',
    '/users/{id}/events',
    '/tools/{toolId}/tasks',
    '/tasks',
    '/account/password',
  ]) {
    assert.ok(paths.includes(p), p);
  }
});
