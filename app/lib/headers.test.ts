import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appScripts, contentSecurityPolicy } from './headers.server.ts';
import { switchLangPath } from '../i18n/messages.ts';

describe('Content-Security-Policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('lets forms go only to this site, plus the identity provider when signing out there', () => {
    expect(directive(contentSecurityPolicy(["'sha256-abc'"]), 'form-action')).toBe("form-action 'self'");
    expect(directive(contentSecurityPolicy([], ['https://login.example.gov']), 'form-action')).toBe("form-action 'self' https://login.example.gov");
    expect(directive(contentSecurityPolicy(["'sha256-abc'"]), 'script-src')).toBe("script-src 'self' 'sha256-abc'");
    expect(contentSecurityPolicy([])).not.toMatch(/unsafe|\*/);
  });
});

describe("the app's own inline scripts", () => {
  it('are allowed by hash when they carry the render\'s mark; a script that reached the page otherwise is not', () => {
    const nonce = 'n0nce';
    const html = `<html><body><p>A district said: <script>alert("injected")</script></p><script nonce="${nonce}">window.__reactRouterContext = {};</script><script nonce="${nonce}" type="module" src="/assets/x.js"></script></body></html>`;
    const out = appScripts(html, nonce);
    expect(out.hashes).toHaveLength(1);
    expect(out.hashes[0]).toBe(`'sha256-${createHash('sha256').update('window.__reactRouterContext = {};').digest('base64')}'`);
    expect(out.html).not.toContain('nonce=');
    // The injected script's hash is not in the policy.
    const injected = `'sha256-${createHash('sha256').update('alert("injected")').digest('base64')}'`;
    expect(contentSecurityPolicy(out.hashes)).not.toContain(injected);
  });
});

describe('the other language\'s address', () => {
  it('never points off the site', () => {
    expect(switchLangPath('/es//evil.example', '')).toBe('/evil.example');
    expect(switchLangPath('//evil.example', '')).toBe('/es/evil.example');
    expect(switchLangPath('/es/\\evil.example', '')).toBe('/evil.example');
    expect(switchLangPath('/es/districts', '?sort=name')).toBe('/districts?sort=name');
    expect(switchLangPath('/districts', '?sort=name')).toBe('/es/districts?sort=name');
    expect(switchLangPath('/es', '')).toBe('/');
    expect(switchLangPath('/', '')).toBe('/es');
  });
});
