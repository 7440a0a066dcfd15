import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { TextBuilder } from '../../../lib/page/extract/text-builder.ts';

const doc = new Window().document as unknown as Document;
const node = (s: string) => doc.createTextNode(s);
/** The text each segment maps back to, character by character. */
const mapped = (b: TextBuilder) =>
  b.segments.map((s) => Array.from(s.offsets, (o) => s.node.data[o]).join('')).join('|');

describe('page/extract/text-builder', () => {
  it('collapses runs of ASCII whitespace to one space and keeps NBSP', () => {
    const b = new TextBuilder(1000);
    b.add(node('  The\t\tSCO \r\n met\u00a0in   Astana. '));
    expect(b.text).toBe('The SCO met\u00a0in Astana. ');
  });

  it("records for every character of the text its offset in the node's data", () => {
    const b = new TextBuilder(1000);
    const a = node('  Quill   stone ');
    const c = node('Insurance\n');
    b.add(a);
    b.add(c);
    expect(b.text).toBe('Quill stone Insurance ');
    expect(b.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 12],
      [12, 22],
    ]);
    expect(Array.from(b.segments[0]!.offsets)).toEqual([2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15]);
    // The collapsed space stands for the first character of its run.
    expect(mapped(b)).toBe('Quill stone |Insurance\n');
  });

  it('puts one paragraph break between blocks, none at the start, and drops the spaces before it', () => {
    const b = new TextBuilder(1000);
    b.block('\n\n');
    b.add(node('First paragraph. '));
    b.block('\n');
    b.block('\n\n');
    b.add(node('Second.'));
    b.block('\n\n');
    expect(b.text).toBe('First paragraph.\n\nSecond.');
  });

  it('keeps a line break unless a paragraph break follows, and skips whitespace-only text after a break', () => {
    const b = new TextBuilder(1000);
    b.add(node('Line one'));
    b.block('\n');
    b.add(node('   '));
    b.add(node('line two'));
    expect(b.text).toBe('Line one\nline two');
  });

  it('adds a space that maps to no node only where the text does not already end in one', () => {
    const b = new TextBuilder(1000);
    b.space();
    b.add(node('Tashkent'));
    b.space();
    b.space();
    b.add(node('replied.'));
    expect(b.text).toBe('Tashkent replied.');
    expect(mapped(b)).toBe('Tashkent|replied.');
  });

  it('stops at the cap and says it is full', () => {
    const b = new TextBuilder(10);
    b.add(node('Kazakhstan and Uzbekistan'));
    expect(b.text).toBe('Kazakhstan');
    expect(b.full).toBe(true);
    expect(b.segments[0]!.offsets).toHaveLength(10);
  });
});
