/**
 * The network as a third-party verifier sees it in our tests: closed, except our own server on
 * loopback. Every URL a verifier tried is recorded, so a test can say what it had to fetch.
 */
export function closeTheNetworkExceptLoopback(): { requested: string[]; restore(): void } {
  const original = globalThis.fetch;
  const requested: string[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    requested.push(url.href);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new TypeError(`network closed: ${url.href}`);
    return original(input, init);
  };
  return { requested, restore: () => (globalThis.fetch = original) };
}
