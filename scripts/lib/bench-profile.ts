/**
 * --debug helper for the benchmark: a V8 CPU profile (CDP Profiler) of a stretch
 * of page activity, summarised as the functions with the most self time.
 */
import type { CDPSession, Page } from 'puppeteer-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Top functions by self time (ms); extension URLs shortened to ext:/…; `all` keeps page functions too. */
export async function stopProfile(cdp: CDPSession, top = 15, all = false): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach().catch(() => undefined);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const cf = n.callFrame;
    if (!all && !cf.url.startsWith('chrome-extension://') && cf.url !== '') return;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:')}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .filter(([k]) => !/^\((idle|program)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(6)} ms  ${k}`);
}
