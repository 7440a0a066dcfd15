import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { TextBuilder } from '../../../lib/page/extract/text-builder.ts';
import { WALK_STEP_NODES, into, itself, walk, walkAll } from '../../../lib/page/extract/walk.ts';

function body(html: string): HTMLElement {
  const win = new Window();
  win.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return win.document.body as unknown as HTMLElement;
}
function text(html: string, skipChrome = false): string {
  const b = new TextBuilder(100_000);
  walkAll(body(html), into(b, itself), skipChrome);
  return b.text;
}

describe('page/extract/walk', () => {
  it('breaks paragraphs at blocks and lines at <br>, and runs inline text together', () => {
    expect(text('<h1>Title</h1><p>One <b>bold</b> <i>word</i>.</p><div>Two<br>lines</div>')).toBe(
      'Title\n\nOne bold word.\n\nTwo\nlines',
    );
  });

  it('skips scripts, styles, controls, hidden subtrees and Backstory’s own elements', () => {
    expect(
      text(
        '<p>Kept</p><script>var x</script><style>p{}</style><button>Share</button><p hidden>Hidden</p>' +
          '<p aria-hidden="true">Aria</p><backstory-sidebar>Ours</backstory-sidebar><p>Also kept</p>',
      ),
    ).toBe('Kept\n\nAlso kept');
  });

  it('skips navigation, header, footer, aside and forms only when reading a whole body', () => {
    const html = '<nav>Home</nav><header>Masthead</header><p>Story</p><aside>Related</aside><footer>©</footer>';
    expect(text(html, true)).toBe('Story');
    expect(text(html, false)).toBe('Home\n\nMasthead\n\nStory\n\nRelated\n\n©');
  });

  it('stops when the sink is full', () => {
    const b = new TextBuilder(5);
    walkAll(body('<p>Astana</p><p>Tashkent</p>'), into(b, itself), false);
    expect(b.text).toBe('Astan');
  });

  it('hands each text node to the resolver and skips the ones it cannot resolve', () => {
    const b = new TextBuilder(1000);
    walkAll(
      body('<p>Keep</p><p>Drop</p><p>Keep too</p>'),
      into(b, (n) => (n.data === 'Drop' ? undefined : n)),
      false,
    );
    expect(b.text).toBe('Keep\n\nKeep too');
  });

  it('yields once every WALK_STEP_NODES nodes, so a long walk can be spread over tasks', () => {
    const paragraphs = 3 * WALK_STEP_NODES;
    const root = body(Array.from({ length: paragraphs }, (_, i) => `<p>${i}</p>`).join(''));
    const b = new TextBuilder(1_000_000);
    let yields = 0;
    for (const step = walk(root, into(b, itself), false); !step.next().done;) yields++;
    // body, then per paragraph its element, its text node and the mark of its end.
    expect(yields).toBe(Math.floor((1 + 3 * paragraphs) / WALK_STEP_NODES));
    expect(b.text.split('\n\n')).toHaveLength(paragraphs);
  });
});
