import { describe, expect, it } from 'vitest';
import { loadChecklists, validateChecklists, parseChecklist } from '../../domain/checklists/load.ts';
import { checkGraph } from '../../domain/checklists/graph.ts';
import type { Checklist } from '../../domain/checklists/schema.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { findSectionProblems } from '../../knowledge/section-check.ts';

const real = loadChecklists();
const byId = (id: string) => structuredClone(real.find((c) => c.id === id)!);

describe('checklist definitions', () => {
  it('ships the four checklists, each with a Teams command', () => {
    expect(real.map((c) => c.command).sort()).toEqual(['escalation', 'lado', 'referral', 'serious-incident']);
  });

  it("never asks for a child's name or other identifying details", () => {
    for (const c of real) {
      for (const s of c.steps) {
        expect(s.question, `${c.id}/${s.id}`).not.toMatch(/\b(name|date of birth|address|postcode)\b.*\?/i);
      }
    }
  });

  it('gives every step a "why this matters" with at least one source', () => {
    for (const c of real)
      for (const s of c.steps)
        expect(
          s.why.every((n) => n.sources.length > 0),
          `${c.id}/${s.id}`,
        ).toBe(true);
  });

  it("includes each partnership's own route in the escalation checklist", () => {
    const c = byId('escalation');
    expect(c.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['haringey-route', 'harrow-route', 'city-hackney-route']));
  });
});

type Breaker = { name: string; expect: RegExp; breakIt: (c: Checklist) => void };

const graphBreakers: Breaker[] = [
  {
    name: 'a choice leading to a step that does not exist',
    expect: /leads to a step "nowhere" that does not exist/,
    breakIt: (c) => {
      c.steps[0]!.choices[0]!.next = { step: 'nowhere' };
    },
  },
  {
    name: 'a choice leading to an outcome that does not exist',
    expect: /leads to an outcome "nothing" that does not exist/,
    breakIt: (c) => {
      c.steps[0]!.choices[0]!.next = { outcome: 'nothing' };
    },
  },
  {
    name: 'a step nobody can reach',
    expect: /step "orphan" cannot be reached/,
    breakIt: (c) => {
      c.steps.push({ ...structuredClone(c.steps[1]!), id: 'orphan' });
    },
  },
  {
    name: 'an outcome nobody can reach',
    expect: /outcome "lonely" cannot be reached/,
    breakIt: (c) => {
      c.outcomes.push({ ...structuredClone(c.outcomes[0]!), id: 'lonely' });
    },
  },
  {
    name: 'an end with no actions',
    expect: /outcome "urgent" has no actions for haringey/,
    breakIt: (c) => {
      c.outcomes.find((o) => o.id === 'urgent')!.actions = [];
    },
  },
  {
    name: 'an end whose actions are all for another partnership',
    expect: /outcome "urgent" has no actions for harrow/,
    breakIt: (c) => {
      for (const a of c.outcomes.find((o) => o.id === 'urgent')!.actions) a.only = ['haringey'];
    },
  },
  {
    name: 'a cycle',
    expect: /a cycle returns to step "child-safe"/,
    breakIt: (c) => {
      c.steps.find((s) => s.id === 'stage-1')!.choices[0]!.next = { step: 'child-safe' };
    },
  },
  {
    name: 'a start step that does not exist',
    expect: /start step "missing" does not exist/,
    breakIt: (c) => {
      c.start = 'missing';
    },
  },
  {
    name: 'two steps with one id',
    expect: /two steps share the id "about"/,
    breakIt: (c) => {
      c.steps.push(structuredClone(c.steps.find((s) => s.id === 'about')!));
    },
  },
];

describe('the graph check, on deliberately broken definitions', () => {
  it('finds nothing wrong with the shipped checklists', () => {
    for (const c of real) expect(checkGraph(c)).toEqual([]);
  });
  it.each(graphBreakers)('rejects $name', ({ breakIt, expect: re }) => {
    const c = byId('escalation');
    breakIt(c);
    expect(checkGraph(c).join('\n')).toMatch(re);
    expect(() => validateChecklists([c])).toThrow(re);
  });
});

describe('the source check, on deliberately broken definitions', () => {
  it('rejects a seed quote that is not in its document', () => {
    const c = byId('serious-incident');
    const src = c.steps[0]!.local!.haringey![0]!.sources[0]!;
    if (!('document' in src)) throw new Error('fixture changed');
    src.quote = 'the Panel must be notified within 3 working days of the incident';
    expect(() => validateChecklists([c])).toThrow(/quote not found in 000_322d20df74132527\.txt/);
  });

  it('rejects a VERIFY fact used as a rule rather than "check your local procedure"', () => {
    const c = byId('escalation');
    const note = c.steps.find((s) => s.id === 'haringey-route')!.why[0]!;
    note.checkLocal = false;
    expect(() => validateChecklists([c])).toThrow(/cites an unverified fact .* as a rule/);
  });

  it('rejects local-procedure guidance that does not say so', () => {
    const c = byId('escalation');
    const note = c.steps.find((s) => s.id === 'haringey-route')!.why[0]!;
    note.text = 'Escalate to the Director within two days.';
    expect(() => validateChecklists([c])).toThrow(/must tell the lead to "check your local procedure"/);
  });

  it('accepts typographic quotes and line breaks in a seed quote, as the knowledge base does', () => {
    const c = byId('serious-incident');
    const o = c.outcomes.find((x) => x.id === 'below-criteria')!.actions[0]!.sources[0]!;
    if (!('document' in o)) throw new Error('fixture changed');
    o.quote = o.quote.replace(/'/g, '\u2019').replace('the definition', 'the\n  definition');
    expect(() => validateChecklists([c])).not.toThrow();
  });
});

describe('the schema check', () => {
  it('names the file and field of a bad definition', () => {
    const raw = JSON.parse(JSON.stringify(byId('lado')));
    raw.steps[2].why = [];
    delete raw.outcomes[0].title;
    expect(() => parseChecklist(raw, 'lado.yaml')).toThrow(/lado\.yaml: .*field "steps\.2\.why".*field "outcomes\.0\.title"/s);
  });
  it('rejects two checklists with the same command', () => {
    const a = byId('lado');
    const b = { ...byId('referral'), command: 'lado' };
    expect(() => validateChecklists([a, b])).toThrow(/two checklists share the command lado/);
  });
});

describe('trigger dates, on deliberately broken definitions', () => {
  it('every checklist whose rules count from an event asks for its date', () => {
    const triggers = Object.fromEntries(real.map((c) => [c.id, c.steps.filter((s) => s.trigger).map((s) => s.id)]));
    expect(triggers).toEqual({ escalation: ['when'], lado: ['when'], referral: ['referred'], 'serious-incident': ['la-aware', 'incident-date'] });
  });
  it('no working-day deadline in a shipped checklist counts from the start of the run', () => {
    const fromStart = real.flatMap((c) =>
      c.steps
        .flatMap((s) => s.choices.flatMap((ch) => ch.actions))
        .concat(c.outcomes.flatMap((o) => o.actions))
        .filter((a) => a.due !== undefined && 'workingDays' in a.due && a.due.from === 'start')
        .map((a) => `${c.id}/${a.id}`),
    );
    expect(fromStart).toEqual([]);
  });
  it.each([
    {
      name: 'a trigger deadline reachable without the trigger step',
      expect: /action "tell-lado" counts from the trigger date, but a path reaches it without asking it/,
      breakIt: (c: Checklist) => {
        c.steps.find((s) => s.id === 'works-with-children')!.choices[0]!.next = { step: 'harm-test' };
        c.steps = c.steps.filter((s) => s.id !== 'when');
      },
    },
    {
      name: 'a trigger step without the quick picks',
      expect: /trigger step "when" must offer exactly the choices today, yesterday, on-date/,
      breakIt: (c: Checklist) => {
        c.steps.find((s) => s.id === 'when')!.choices.splice(1, 1);
      },
    },
    {
      name: 'a deadline counting from a step that is not a trigger',
      expect: /counts from "harm-test", which is not a trigger step/,
      breakIt: (c: Checklist) => {
        const a = c.outcomes.find((o) => o.id === 'refer-now')!.actions[0]!;
        a.due = { workingDays: 1, from: 'harm-test' };
      },
    },
  ])('rejects $name', ({ breakIt, expect: re }) => {
    const c = byId('lado');
    breakIt(c);
    expect(() => validateChecklists([c])).toThrow(re);
  });
});

describe('sources: primary for national and London, each partnership only its own', () => {
  const harmTest = (c: Checklist) => c.steps.find((s) => s.id === 'harm-test')!;
  it.each([
    {
      name: "another borough's page cited as national",
      expect: /is cited as national but is not a primary national document/,
      breakIt: (c: Checklist) => {
        harmTest(c).why[0]!.sources.push({
          national: true,
          scope: 'national',
          title: 'Staffordshire allegations page',
          section: 'para 223',
          url: 'https://www.staffsscp.org.uk/allegations-of-abuse/',
          verify: false,
        });
      },
    },
    {
      name: "a school's copy cited as London",
      expect: /is cited as London but is not the London procedures/,
      breakIt: (c: Checklist) => {
        harmTest(c).why[0]!.sources.push({
          national: true,
          scope: 'london',
          title: 'KCSIE (school copy)',
          section: 'role of LA',
          url: 'https://www.millbrookprimary.org.uk/the-role-of-the-local-authority/',
          verify: false,
        });
      },
    },
    {
      name: "Haringey's page shown to every partnership",
      expect: /cites haringey's page .* where every partnership would see it/,
      breakIt: (c: Checklist) => {
        harmTest(c).why.push(structuredClone(harmTest(c).local!.haringey![0]!));
      },
    },
    {
      name: "Haringey's page shown to a Harrow lead",
      expect: /cites haringey's page .* where harrow would see it/,
      breakIt: (c: Checklist) => {
        harmTest(c).local!.harrow = structuredClone(harmTest(c).local!.haringey!);
      },
    },
    {
      name: "City and Hackney's arrangements shown to Harrow",
      expect: /cites city-hackney's document 003_adb66485ebc597dc\.txt where harrow would see it/,
      breakIt: (c: Checklist) => {
        const e = byId('escalation');
        c.steps.find((s) => s.id === 'lado-contacted')!.local!.harrow = structuredClone(e.steps.find((s) => s.id === 'stage-1')!.local!['city-hackney']!);
      },
    },
  ])('rejects $name', ({ breakIt, expect: re }) => {
    const c = byId('lado');
    breakIt(c);
    expect(() => validateChecklists([c])).toThrow(re);
  });

  it("no shipped checklist cites another area's page, a school's copy or a summary as national or London", () => {
    const nonPrimary =
      /staffsscp|wirral|cambspeterborough|millbrook|cld\.bz|flipbuilder|nspcc|bristol|barnet|croydon|towerhamlets|havering|cooklawyers|studylib|proceduresonline|safeguardingchildren\.co\.uk/;
    for (const c of real) {
      for (const src of c.steps
        .flatMap((s) => [...s.why, ...Object.values(s.local ?? {}).flat(), ...s.choices.flatMap((ch) => ch.actions)])
        .concat(c.outcomes.flatMap((o) => o.actions))
        .flatMap((n) => n!.sources)) {
        if ('url' in src) expect(src.url, `${c.id}: ${src.title}`).not.toMatch(nonPrimary);
      }
    }
  });

  it('every national Working Together or KCSIE paragraph says which edition it was checked in and which is current', () => {
    for (const c of real) {
      const srcs = c.steps
        .flatMap((s) => [...s.why, ...Object.values(s.local ?? {}).flat(), ...s.choices.flatMap((ch) => ch.actions)])
        .concat(c.outcomes.flatMap((o) => o.actions))
        .flatMap((n) => n!.sources);
      for (const src of srcs) {
        if (!('url' in src) || !/Working Together|Keeping Children Safe/.test(src.title)) continue;
        expect(src.checkedIn, `${c.id}: ${src.title} ${src.section}`).toMatch(/^(Working Together 2023|KCSIE 2024)$/);
        expect(src.currentEdition, `${c.id}: ${src.title} ${src.section}`).toMatch(/^(Working Together 2026|KCSIE 2026)$/);
      }
    }
  });
});

describe('checklist seed citations name the section that holds the quote', () => {
  it('every seed quote in every checklist sits in the numbered section it cites (or under that heading)', () => {
    const kb = loadKnowledge();
    // allSources walks any object for `sources` arrays, so a checklist can stand in for a record.
    const asRecords = real.map((c) => ({ ...c, id: `checklist.${c.id}` })) as unknown as typeof kb.records;
    expect(findSectionProblems({ ...kb, records: asRecords }).map((p) => `${p.recordId}: cites ${p.cited}, quote in ${p.found}`)).toEqual([]);
  });
});
