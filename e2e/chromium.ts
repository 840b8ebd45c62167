// Debian's chromium: Playwright cannot download its own browsers here. Shared by the e2e
// suite (playwright.config.ts) and the benchmarks (e2e/bench), so both run the same browser.
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

// No background traffic: nothing but the page talks to the network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
