import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { derivePublicBaseUrl, isLoopbackUrl, loadConfig } from './config.js';

const nic = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });

describe('public base URL', () => {
  test('derived from the listening port when PUBLIC_BASE_URL is unset', () => {
    const c = loadConfig({ PORT: '4123', HOST: '127.0.0.1' });
    assert.equal(c.PUBLIC_BASE_URL, 'http://127.0.0.1:4123');
    assert.equal(c.publicBaseUrlDerived, true);
  });

  test('a wildcard bind uses the first non-loopback IPv4 address', () => {
    assert.equal(derivePublicBaseUrl('0.0.0.0', 8080, { lo: [nic('127.0.0.1', true)], eth0: [nic('10.2.3.4')] }), 'http://10.2.3.4:8080');
    assert.equal(derivePublicBaseUrl('0.0.0.0', 8080, { lo: [nic('127.0.0.1', true)] }), 'http://localhost:8080');
  });

  test('PUBLIC_BASE_URL wins, without a trailing slash', () => {
    const c = loadConfig({ PORT: '4123', PUBLIC_BASE_URL: 'https://xf.example.gov.cn/' });
    assert.equal(c.PUBLIC_BASE_URL, 'https://xf.example.gov.cn');
    assert.equal(c.publicBaseUrlDerived, false);
  });

  test('an invalid PUBLIC_BASE_URL stops the start with the variable named', () => {
    assert.throws(() => loadConfig({ PUBLIC_BASE_URL: 'not a url' }), /PUBLIC_BASE_URL/);
  });

  test('loopback addresses are recognised', () => {
    assert.equal(isLoopbackUrl('http://localhost:3000'), true);
    assert.equal(isLoopbackUrl('http://127.0.0.1:3000'), true);
    assert.equal(isLoopbackUrl('http://[::1]:3000'), true);
    assert.equal(isLoopbackUrl('http://10.2.3.4:3000'), false);
  });
});
