import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './headers.server.ts';

describe('Content-Security-Policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('lets forms go only to this site, plus the identity provider when signing out there', () => {
    expect(directive(contentSecurityPolicy(["'sha256-abc'"]), 'form-action')).toBe("form-action 'self'");
    expect(directive(contentSecurityPolicy([], ['https://login.example.gov']), 'form-action')).toBe("form-action 'self' https://login.example.gov");
    expect(directive(contentSecurityPolicy(["'sha256-abc'"]), 'script-src')).toBe("script-src 'self' 'sha256-abc'");
    expect(contentSecurityPolicy([])).not.toMatch(/unsafe|\*/);
  });
});
