// @vitest-environment happy-dom
/**
 * The hover-card controller on a happy-dom page: look-up cards, the card of a mention
 * (with its entry fetched when it has not arrived), Esc, and the linger after the pointer
 * leaves the card. Timers are vitest's fake ones.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { HoverController } from '../../lib/analyzer/hover.tsx';
import { extractArticle } from '../../lib/page/extract.ts';
import { CARD_GAP } from '../../lib/page/placement.ts';
import { testEntries } from '../fixtures/test-kb.ts';
import { makeEntity, makeResult } from '../fixtures/ui-fixtures.ts';
import { until } from './fakes.ts';
import { parts } from './parts.ts';

afterEach(() => vi.useRealTimers());

const nato = { ...testEntries.find((e) => e.id === 'nato')!, pack: 'engine-test' };

function hover() {
  const p = parts();
  const opened: (string | null)[] = [];
  const controller = new HoverController({ ...p, openInSidebar: (key) => opened.push(key) });
  const stop = controller.listen();
  const card = () => p.doc.querySelector('backstory-card');
  const cardText = () => card()?.shadowRoot?.textContent ?? '';
  const visible = () => !!card() && !(card() as HTMLElement).hidden;
  return { ...p, controller, stop, opened, card, cardText, visible };
}

/** The article read and NATO's mentions known, its entry not yet held. */
function withNato(h: ReturnType<typeof hover>) {
  const article = extractArticle(h.doc)!;
  h.mentions.setArticle(article);
  const at = article.text.indexOf('NATO');
  const result = makeResult({
    entities: [
      makeEntity({
        id: 'nato',
        name: 'NATO',
        type: 'organization',
        mentions: [{ start: at, end: at + 4, text: 'NATO' }],
      }),
    ],
  });
  h.store.dispatch({ type: 'loaded', result, entries: {}, relatedNames: {}, url: '', text: article.text });
  h.mentions.setResult(result);
  return h.mentions.ref('nato', 0)!;
}

describe('analyzer/hover controller', () => {
  it('shows a look-up card with the entry found, and adds the entry to the state', () => {
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    expect(h.visible()).toBe(true);
    expect(h.cardText()).toContain('NATO');
    expect(h.store.state.entries.nato).toBeDefined();
    expect(h.controller.shown).toBe(true);
  });

  it('says so when a look-up found nothing', () => {
    const h = hover();
    h.controller.showLookup('Reading list', []);
    expect(h.cardText()).toContain('No entry for “Reading list”');
  });

  it('Esc hides the card and goes no further; a second Esc reaches the page', () => {
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    const reachedPage = vi.fn();
    h.doc.body.addEventListener('keydown', reachedPage);
    h.doc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(h.visible()).toBe(false);
    expect(reachedPage).not.toHaveBeenCalled();
    h.doc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(reachedPage).toHaveBeenCalledTimes(1);
  });

  it('hides the card once the pointer has left it for the hide delay, not before', () => {
    vi.useFakeTimers();
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    h.card()!.dispatchEvent(new Event('pointerenter'));
    h.card()!.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(h.ctx.settings.hoverHideDelay - 1);
    expect(h.visible()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(h.visible()).toBe(false);
  });

  it('the pointer back on the card keeps it', () => {
    vi.useFakeTimers();
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    h.card()!.dispatchEvent(new Event('pointerleave'));
    h.card()!.dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(h.ctx.settings.hoverHideDelay * 2);
    expect(h.visible()).toBe(true);
  });

  it('the card of a mention fetches an entry that has not arrived and redraws with it', async () => {
    const h = hover();
    const ref = withNato(h);
    h.controller.showCard(ref);
    expect(h.visible()).toBe(true);
    await until(() => !!h.store.state.entries.nato, 'the entry fetched');
    await until(() => h.cardText().includes(nato.description), 'the card redrawn with the entry');
  });

  it('redraws an open card when online answers for its name arrive, and only for its name', () => {
    const h = hover();
    const article = extractArticle(h.doc)!;
    h.mentions.setArticle(article);
    const at = article.text.indexOf('NATO');
    const key = 'new:organization:nato';
    const result = makeResult({
      entities: [
        makeEntity({
          id: null,
          key,
          name: 'NATO',
          type: 'organization',
          mentions: [{ start: at, end: at + 4, text: 'NATO' }],
        }),
      ],
    });
    h.store.dispatch({ type: 'loaded', result, entries: {}, relatedNames: {}, url: '', text: article.text });
    h.mentions.setResult(result);
    h.controller.showCard(h.mentions.ref(key, 0)!);
    const offline = h.cardText();
    expect(offline).not.toContain('An alliance, as Wikipedia describes it');
    const view = (k: string, description: string) => ({
      key: k,
      title: 'NATO',
      description,
      extract: null,
      url: 'https://en.wikipedia.org/wiki/NATO',
      wikidata: null,
      fetched: '2026-12-05T12:00:00Z',
      facts: [],
      choices: [],
      problem: null,
    });
    const online = (views: ReturnType<typeof view>[]) =>
      h.store.dispatch({
        type: 'online',
        online: {
          status: 'on',
          unknownCount: 1,
          pending: false,
          note: null,
          views: Object.fromEntries(views.map((v) => [v.key, v])),
        },
      });
    online([view('new:organization:other', 'Another name entirely')]);
    expect(h.cardText()).toBe(offline);
    online([view(key, 'An alliance, as Wikipedia describes it')]);
    expect(h.visible()).toBe(true);
    expect(h.cardText()).toContain('An alliance, as Wikipedia describes it');
  });

  it('"open in sidebar" hides the card and asks for the entity', () => {
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    Array.from(h.card()!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => /sidebar/i.test(b.textContent ?? ''))!
      .click();
    expect(h.visible()).toBe(false);
    expect(h.opened).toEqual(['nato']);
  });

  // Issue 18, item 4: the card stayed put while the page scrolled under it.
  it('follows its word as the page scrolls, and closes once the word has scrolled off the screen', async () => {
    const h = hover();
    const ref = withNato(h);
    let wordTop = 300;
    const rect = vi
      .spyOn(Range.prototype, 'getBoundingClientRect')
      .mockImplementation(() => new DOMRect(100, wordTop, 40, 18));
    try {
      h.controller.showCard(ref);
      const cardTop = () => parseFloat((h.card()!.shadowRoot!.querySelector('.card') as HTMLElement).style.top);
      expect(cardTop()).toBe(300 + 18 + CARD_GAP);
      wordTop = 200;
      h.doc.dispatchEvent(new Event('scroll'));
      await until(() => cardTop() === 200 + 18 + CARD_GAP, 'the card moved with its word');
      wordTop = -100;
      h.doc.dispatchEvent(new Event('scroll'));
      await until(() => !h.visible(), 'the card closed with its word off screen');
    } finally {
      rect.mockRestore();
    }
  });

  it('destroy removes the card host and stops listening', () => {
    const h = hover();
    h.controller.showLookup('NATO', [nato]);
    h.controller.destroy();
    h.stop();
    expect(h.card()).toBeNull();
  });
});
