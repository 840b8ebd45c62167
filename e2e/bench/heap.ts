import type { CDPSession, Page } from '@playwright/test';

/** The page's JS heap in use, read over the DevTools protocol (no page flag needed). */
export async function heapReader(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const usedMb = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find(m => m.name === 'JSHeapUsedSize')!.value;
    return Number((used / 1e6).toFixed(1));
  };
  return {
    usedMb,
    /** After a full garbage collection: what the page holds, not what it has yet to free. */
    settledMb: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return usedMb();
    },
  };
}

export type HeapReader = Awaited<ReturnType<typeof heapReader>>;
