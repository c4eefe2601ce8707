import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { contactProvenance, contactWarnings, DEFAULT_CONTACTS_FILE, loadContacts, parseContacts } from '../../domain/contacts/contacts.ts';
import { createChecklistService } from '../../domain/checklists/service.ts';
import { createChecklistStore } from '../../storage/checklist-store.ts';
import { contactLinesFrom } from '../../bot/contact-lines.ts';
import { tempSqlite, WEDNESDAY } from './helpers.ts';

const defaults = () => parse(readFileSync(DEFAULT_CONTACTS_FILE, 'utf8'));

describe('deployment contacts', () => {
  it('ships defaults with a LADO, front door, out-of-hours and police contact for every partnership, each sourced and honestly not checked', () => {
    const dir = loadContacts();
    expect(dir.isDefault).toBe(true);
    for (const p of ['haringey', 'harrow', 'city-hackney'] as const) {
      const all = dir.forKinds(p, ['lado', 'mash', 'out-of-hours', 'police']);
      expect(new Set(all.map((c) => c.kind)).size, p).toBe(4);
      for (const c of all) {
        expect(c.source.url).toMatch(/^https?:\/\//);
        // Nobody has confirmed the shipped numbers, so none may claim a check date.
        expect(c.checkedOn, `${p} ${c.label}`).toBeUndefined();
      }
    }
    expect(dir.forKinds('harrow', ['lado'])[0]!.phone).toBe('020 8736 6435');
  });

  it('marks the unconfirmed Haringey LADO number with a caution', () => {
    expect(loadContacts().forKinds('haringey', ['lado'])[0]!.caution).toMatch(/not confirmed/);
  });

  it('reads an admin override from CONTACTS_FILE', () => {
    const raw = defaults();
    raw.partnerships.harrow.contacts[3].phone = '020 7946 0000';
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-')), 'contacts.yaml');
    writeFileSync(file, JSON.stringify(raw));
    expect(loadContacts(file).forKinds('harrow', ['lado'])[0]!.phone).toBe('020 7946 0000');
  });

  it.each([
    [
      'a bad email',
      (r: any) => {
        r.partnerships.harrow.contacts[1].email = 'not-an-email';
      },
      /field "partnerships\.harrow\.contacts\.1\.email": expected an email address/,
    ],
    [
      'a badly written checkedOn',
      (r: any) => {
        r.partnerships.haringey.contacts[0].checkedOn = '22/11/2026';
      },
      /field "partnerships\.haringey\.contacts\.0\.checkedOn": expected a date/,
    ],
    [
      'a checkedBy with no date',
      (r: any) => {
        r.partnerships.haringey.contacts[0].checkedBy = 'DSL';
      },
      /checkedBy needs checkedOn/,
    ],
    [
      'no LADO contact and not listed as not configured',
      (r: any) => {
        r.partnerships.harrow.contacts = r.partnerships.harrow.contacts.filter((c: any) => c.kind !== 'lado');
      },
      /field "partnerships\.harrow\.contacts": no lado contact \(list it under notConfigured/,
    ],
    [
      'a contact with no way to reach it',
      (r: any) => {
        delete r.partnerships.harrow.contacts[2].phone;
      },
      /a contact needs a phone, email or url/,
    ],
    [
      'an unknown partnership',
      (r: any) => {
        r.partnerships.camden = r.partnerships.harrow;
      },
      /Unrecognized key/,
    ],
  ])('fails with a readable error naming the field for %s', (_n, breakIt, re) => {
    const raw = defaults();
    breakIt(raw);
    expect(() => parseContacts(raw, 'contacts.yaml')).toThrow(re);
  });

  it('fails clearly when CONTACTS_FILE does not exist', () => {
    expect(() => loadContacts('/nonexistent/contacts.yaml')).toThrow(/CONTACTS_FILE: cannot read \/nonexistent\/contacts\.yaml: ENOENT/);
  });
});

describe('where each number comes from, on every card that shows it', () => {
  const base = () => loadContacts().forKinds('harrow', ['lado'])[0]!;
  const now = new Date('2026-12-01T10:00:00Z');
  it.each([
    ['not checked', {}, /^Not checked by your organisation: as publicly listed by Harrow .*Confirm it before relying on it\.$/],
    ['checked recently, by a role', { checkedOn: '2026-11-20', checkedBy: 'Harrow DSL lead' }, /^Checked 2026-11-20 by Harrow DSL lead\. Source: /],
    ['checked 181 days ago', { checkedOn: '2026-06-03' }, /^Last checked 2026-06-03, more than 180 days ago: confirm it\./],
    ['checked exactly 180 days ago', { checkedOn: '2026-06-04' }, /^Checked 2026-06-04\. Source:/],
  ])('%s', (_n, extra, re) => {
    expect(contactProvenance({ ...base(), ...extra }, now)).toMatch(re);
  });

  it('warns when the shipped defaults are in use, when numbers are not checked, and when checks are too old', () => {
    expect(contactWarnings(loadContacts(), new Date('2026-12-01T10:00:00Z')).join('\n')).toMatch(
      /shipped default contacts are in use[\s\S]*15 contact\(s\) not checked/,
    );
    const raw = defaults();
    for (const p of Object.values(raw.partnerships) as any[]) for (const c of p.contacts) c.checkedOn = '2026-11-01';
    raw.partnerships.harrow.contacts[0].checkedOn = '2026-01-02';
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-')), 'contacts.yaml');
    writeFileSync(file, JSON.stringify(raw));
    const warnings = contactWarnings(loadContacts(file), new Date('2026-12-01T10:00:00Z'), 180);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 contact\(s\) last checked more than 180 days ago: harrow .*\(2026-01-02\)/);
  });

  it('says "not configured" for a kind a deployment has no number for, instead of guessing one', async () => {
    const raw = defaults();
    raw.partnerships.haringey.contacts = raw.partnerships.haringey.contacts.filter((c: any) => c.kind !== 'lado');
    raw.partnerships.haringey.notConfigured = ['lado'];
    const file = join(mkdtempSync(join(tmpdir(), 'contacts-')), 'contacts.yaml');
    writeFileSync(file, JSON.stringify(raw));
    const t = await tempSqlite();
    try {
      const s = createChecklistService({ store: createChecklistStore(t.db), contactsFile: file });
      let v = await s.start('lado', 'u', 'haringey', WEDNESDAY);
      for (const [stepId, choiceId] of [
        ['danger', 'no'],
        ['works-with-children', 'yes'],
        ['when', 'today'],
        ['harm-test', 'yes'],
        ['told-dsl', 'yes'],
        ['do-not', 'no'],
        ['record', 'yes'],
        ['lado-contacted', 'yes'],
      ] as const) {
        v = await s.answer({ runId: v.run.id, userId: 'u', version: v.run.version, stepId, choiceId }, WEDNESDAY);
      }
      if (v.kind !== 'summary') throw new Error('expected a summary');
      expect(v.summary.contacts.map((c) => c.kind)).toEqual(['police']);
      expect(v.summary.notConfigured).toEqual([expect.stringMatching(/^LADO: not configured for this deployment\./)]);
      expect(v.summary.record).toContain('- LADO: not configured for this deployment.');
      expect(v.summary.record).toMatch(/Police \(emergency\): 999 .*\[Not checked by your organisation: as publicly listed by Haringey Council/);
    } finally {
      await t.cleanup();
    }
  });

  it('the 999 card\'s numbers and the "I don\'t know" line carry their provenance', () => {
    const lines = contactLinesFrom(loadContacts());
    for (const line of lines.emergencyLines('city-hackney')) expect(line).toMatch(/Not checked by your organisation: as publicly listed by /);
    expect(lines.personLine('harrow')).toMatch(/020 .*Not checked by your organisation/);
  });
});
