/**
 * Each step explains itself in the same order for every partnership: its own documents
 * (with the document's date and section), then London's procedure (labelled London-wide),
 * then the national rule; and an older-edition paragraph carries a line to check the
 * current edition. Checked on the real step cards' view models.
 */
import { describe, expect, it } from 'vitest';
import { PARTNERSHIP_IDS } from '../../knowledge/schema.ts';
import { loadChecklists } from '../../domain/checklists/load.ts';
import { documentTitles } from '../../domain/checklists/service.ts';
import { LAYERS, layerOf, layeredNotes } from '../../domain/checklists/layers.ts';
import { sourceLabel } from '../../domain/checklists/summary.ts';

const checklists = loadChecklists();
const titles = documentTitles();

describe('the order a step explains itself in', () => {
  const cases = checklists.flatMap((c) => c.steps.flatMap((s) => PARTNERSHIP_IDS.map((p) => ({ name: `${c.id}/${s.id}/${p}`, step: s, p }))));
  it.each(cases)('$name: own documents, then London, then national', ({ step, p }) => {
    const order = layeredNotes(step, p).map((n) => LAYERS.indexOf(n.layer));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("shows London's stages as London's and the partnership's own arrangements first", () => {
    const stage2 = checklists.find((c) => c.id === 'escalation')!.steps.find((s) => s.id === 'stage-2')!;
    const notes = layeredNotes(stage2, 'city-hackney');
    expect(notes.map((n) => n.layer)).toEqual(['local', 'london']);
    expect(notes[0]!.note.text).toMatch(/not in the City and Hackney arrangements; see the CHSCP escalation policy/);
    expect(notes[1]!.note.text).toMatch(/social care manager deals with their equivalent .* Detective Sergeant/);
    expect(notes[1]!.note.text).toMatch(/each seek advice from their own agency's designated safeguarding children professional/);
  });
});

describe('citation labels', () => {
  const lado = checklists.find((c) => c.id === 'lado')!;
  it('a seed citation shows the document date and its section number', () => {
    const escalation = checklists.find((c) => c.id === 'escalation')!;
    const src = escalation.steps.find((s) => s.id === 'stage-1')!.local!.haringey![0]!.sources[0]!;
    expect(sourceLabel(src, titles).label).toBe('The New Haringey Safeguarding Children Partnership Arrangement (June 2019), section 21, Dispute Resolution');
  });
  it('a national paragraph checked in an older edition says so and asks for the current one', () => {
    const src = lado.steps.find((s) => s.id === 'when')!.why[0]!.sources[0]!;
    expect(sourceLabel(src, titles).label).toBe(
      'National: Working Together to Safeguard Children (DfE statutory guidance), Chapter 4, para 226 (checked in Working Together 2023; check the paragraph in Working Together 2026)',
    );
  });
  it('a London source is labelled London', () => {
    const note = lado.steps.find((s) => s.id === 'danger')!.why[0]!;
    expect(layerOf(note)).toBe('london');
    expect(sourceLabel(note.sources[0]!, titles).label).toMatch(/^London-wide: London Safeguarding Children Partnership, Threshold Document/);
  });
});
