import { describe, expect, it } from 'vitest';
import { clientAddress, trustedHops } from './client-address.ts';

describe('the client address', () => {
  it('is the peer without a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.5', 0)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('behind one proxy is the entry the proxy appended (the rightmost), never the client-written leftmost', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(clientAddress('1.1.1.1, 198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    // Rotating the forged part changes nothing.
    for (const forged of ['2.2.2.2', '3.3.3.3, 4.4.4.4', 'not-an-address']) expect(clientAddress(`${forged}, 198.51.100.7`, '10.0.0.2', 1)).toBe('198.51.100.7');
    expect(clientAddress(['1.1.1.1', '198.51.100.7'], '10.0.0.2', 1)).toBe('198.51.100.7');
    expect(clientAddress('', '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('behind a chain of proxies is the entry the nearest trusted one wrote', () => {
    expect(clientAddress('9.9.9.9, 198.51.100.7, 10.0.0.1', '10.0.0.2', 2)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', '10.0.0.2', 3)).toBe('198.51.100.7');
  });

  it('TRUST_PROXY is a number of proxies; a typo stops the server', () => {
    expect(trustedHops({})).toBe(0);
    expect(trustedHops({ TRUST_PROXY: '1' })).toBe(1);
    expect(trustedHops({ TRUST_PROXY: '2' })).toBe(2);
    expect(trustedHops({ TRUST_PROXY: 'true' })).toBe(1);
    expect(() => trustedHops({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
