import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONTACTS_FILE, loadContacts, parseContacts } from '../../domain/contacts/contacts.ts';

const defaults = () => parse(readFileSync(DEFAULT_CONTACTS_FILE, 'utf8'));

describe('deployment contacts', () => {
  it('ships defaults with a LADO, front door, out-of-hours and police contact for every partnership, each sourced and dated', () => {
    const dir = loadContacts();
    for (const p of ['haringey', 'harrow', 'city-hackney'] as const) {
      const all = dir.forKinds(p, ['lado', 'mash', 'out-of-hours', 'police']);
      expect(new Set(all.map((c) => c.kind)).size, p).toBe(4);
      for (const c of all) {
        expect(c.source.url).toMatch(/^https?:\/\//);
        expect(c.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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
    ['a bad email', (r: any) => { r.partnerships.harrow.contacts[1].email = 'not-an-email'; }, /field "partnerships\.harrow\.contacts\.1\.email": expected an email address/],
    ['a missing checkedOn', (r: any) => { delete r.partnerships.haringey.contacts[0].checkedOn; }, /field "partnerships\.haringey\.contacts\.0\.checkedOn"/],
    ['no LADO contact', (r: any) => { r.partnerships.harrow.contacts = r.partnerships.harrow.contacts.filter((c: any) => c.kind !== 'lado'); }, /field "partnerships\.harrow\.contacts": no lado contact/],
    ['a contact with no way to reach it', (r: any) => { delete r.partnerships.harrow.contacts[2].phone; }, /a contact needs a phone, email or url/],
    ['an unknown partnership', (r: any) => { r.partnerships.camden = r.partnerships.harrow; }, /Unrecognized key/],
  ])('fails with a readable error naming the field for %s', (_n, breakIt, re) => {
    const raw = defaults();
    breakIt(raw);
    expect(() => parseContacts(raw, 'contacts.yaml')).toThrow(re);
  });

  it('fails clearly when CONTACTS_FILE does not exist', () => {
    expect(() => loadContacts('/nonexistent/contacts.yaml')).toThrow(/CONTACTS_FILE: cannot read \/nonexistent\/contacts\.yaml: ENOENT/);
  });
});
