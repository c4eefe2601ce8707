/**
 * Triage, table-driven from its own data: every example message in knowledge/triage/routes.yaml
 * gets its route first, the "none" messages get no route, and every record a route cites exists.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createTriage } from '../../domain/triage/triage.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

const kb = loadKnowledge();
const triage = createTriage(kb.triage);
const engine = createAnswerEngine(kb);

describe('each route recognises its example situations first', () => {
  const cases = kb.triage.routes.flatMap((r) => r.examples.map((q) => [r.id, q] as const));
  it.each(cases)('%s: %s', (route, q) => {
    expect(triage.triage(q).routes[0]).toBe(route);
  });
});

describe('questions about the arrangements trigger no route', () => {
  it.each(kb.triage.none)('%s', (q) => {
    expect(triage.triage(q).routes).toEqual([]);
  });
});

describe('several routes come in order: 999 first', () => {
  it.each([
    ['a teacher is hitting a pupil in the corridor right now', ['emergency', 'lado']],
    ['the coach punched a boy and he is bleeding heavily', ['emergency', 'lado']],
    ['a 14 year old says her dad will kill her if she goes home tonight', ['emergency', 'mash']],
    // A reading of a dispute took 999 away though nothing in it is a dispute (ninth fresh set):
    // an agency and its plan named beside danger now are no disagreement. Worded here.
    [
      "Postnatal ward. The baby's dad came in intoxicated and is trying to take the newborn off the ward against the safety plan agreed with social care, security haven't arrived",
      ['emergency'],
    ],
  ])('%s', (q, routes) => {
    expect(triage.triage(q).routes.slice(0, routes.length)).toEqual(routes);
  });
});

describe('harm that is past or a pattern is a referral today; anything live keeps 999 first', () => {
  // routes.yaml: a reading of 999 is vetoed by a "settled" sign with no "live" one, and read as a referral.
  it.each([
    ['year 8 keeps turning up with new trainers and cash and has been seen getting into cars with older boys', 'mash'],
    ['15 yr old says his dad threw him out three weeks ago, he has been sofa surfing at friends since', 'mash'],
    ['year 10 was missing for 3 days last month, police found her with older men, she is home with her mum now', 'mash'],
    ['year 10 has been missing three times this term and has not come home tonight, phone off', 'emergency'],
    ['a 9 year old says his stepdad hits him most weekends and he is scared to go home tonight', 'emergency'],
    // "Currently" is now; "current" names a post ("our current deputy head"), not a time.
    ['a former pupil told us our current deputy head sexually abused her when she was in year 9, twenty years ago', 'lado'],
    ['our deputy head is currently hitting a boy in his office, I can hear it', 'emergency'],
  ])('%s', (q, route) => {
    expect(triage.triage(q).routes[0]).toBe(route);
  });
});

describe('a word that shares a stem with a sign is not that sign (exact forms in the vocabulary)', () => {
  // "office" stems as "officer" does, "blinds" as "blind", "notify" as "notifiable", "extremely" as
  // "extremism", "managing" as "manager": each pair must read apart.
  it.each([
    ["mum rang the school office in tears, her ex has been shouting at her outside the flats, the kids weren't with her", 'worker', false],
    ['a police officer grabbed a 14 year old by the throat during a stop and search', 'worker', true],
    ["I'm uneasy about our DSL himself, he keeps kids behind with the door locked", 'worker', true],
    ['the caretaker keeps pupils in his office with the blinds shut', 'death', false],
    ['the toddler was left blind in one eye after the beating', 'death', true],
    ['who do I notify when a looked after child dies?', 'abuse_suspected', false],
    ["I'm extremely busy today, who chairs the exec again?", 'welfare', false],
    ['mum says she is managing fine at home', 'worker', false],
    // Staff on the receiving end are not the ones who acted.
    ['dad turned up drunk, shouting at staff, and grabbed his daughter by the arm', 'worker_conduct', false],
    // A contact arrangement is no worker leaving a child unsupervised.
    ['the social worker has agreed unsupervised contact with dad at weekends', 'conduct', false],
    ['the nursery worker left the toddlers unsupervised in the garden', 'conduct', true],
    // "Admitted" is also a confession.
    ['the coach admitted he had messaged the girl late at night', 'in_hospital', false],
  ])('%s', (q, group, has) => {
    expect(group in triage.triage(q).matched).toBe(has);
  });
});

describe('a child named in shorthand', () => {
  it.each(['y5 has come in hungry again', 'a y12 fainted in the lunch queue', 'wee lass in reception is always hungry'])('%s', (q) => {
    expect(triage.triage(q).matched).toHaveProperty('subject');
  });
});

describe('signs named in their own words', () => {
  it.each([
    ['she needs skin grafts after the scald', 'death'],
    ['dad waited 2 days before taking him to A&E with the burn', 'abuse_suspected'],
    ['our youth worker let the 16 year old sleep at his flat after the party', 'low_level'],
    ['a boy in year 8 says someone he plays with online keeps asking him for pics', 'welfare'],
    ["she sent a photo and now he says he'll share it with her whole class unless she sends more", 'welfare'],
    ['the 9 year old was admitted to hospital overnight', 'in_hospital'],
  ])('%s: %s', (q, group) => {
    expect(triage.triage(q).matched).toHaveProperty(group);
  });
});

describe('a worker who only reports, or children "on their own", is no allegation against a worker', () => {
  it.each([
    ['housing officer here, found 2 kids aged 4 and 6 on their own in the flat, no food, mum went out yesterday', false],
    ['a teaching assistant told me a boy in her class has bruises on his back', false],
    ['one of our nursery staff was seen slapping her own little boy in the supermarket', true],
    // The writer's introduction names the reporter, not the subject (vocabulary self_intro, masks).
    ['College tutor - 17 year old student kicked out by mum, sofa surfing at friends', false],
    ["I'm a teacher and a pupil told me her dad hits her with a belt", false],
    ['Youth worker here. A boy in our group says his stepdad punches him', false],
    ['Paramedic here. A teacher slapped a pupil at the bus stop and I saw it', true],
    ['A teacher slapped a pupil in class today', true],
  ])('%s', (q, lado) => {
    expect(triage.triage(q).routes[0] === 'lado').toBe(lado);
  });
});

describe('a disclosure is never refused as off-topic, whatever everyday word it contains', () => {
  it.each([
    'she wrote a story about her uncle coming into her room at night',
    'at lunch he told me his mum leaves him alone all weekend',
    'he missed the train home because his brother makes him carry drugs',
    'the screen on her phone showed messages from an older man asking for photos',
    'a boy at football training said his dad beats him',
    'a pupil showed me a screen shot of messages from an older man asking her to meet',
    'he told me at lunch on the train home that his dad hits him',
  ])('%s', (q) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(true);
    expect(a.routes?.length).toBeGreaterThan(0);
    expect(a.reason).toBeUndefined();
  });
});

describe('route answers', () => {
  it('every record a route or variant cites exists in the knowledge base', () => {
    const ids = new Set(kb.records.map((r) => r.id));
    for (const r of kb.triage.routes) {
      const cited = [...r.basis, ...Object.values(r.local).flat(), ...r.variants.flatMap((v) => v.records)];
      for (const id of cited) expect(ids.has(id), `${r.id} cites ${id}`).toBe(true);
    }
  });

  it.each([
    ['one of our foster carers has been accused of slapping a child', 'harrow', 'lado', /LADO.*one working day/s, /Harrow arrangements I hold don't set out/],
    // A referral's local detail is the partnership's threshold document, in each partnership.
    [
      'a pupil told me her stepdad hits her with a belt',
      'haringey',
      'referral',
      /children's social care \(the MASH\)/,
      /In Haringey: Haringey's Threshold Document/,
    ],
    ['a pupil told me her stepdad hits her with a belt', 'harrow', 'referral', /children's social care \(the MASH\)/, /In Harrow: .*threshold document/i],
    ['a pupil told me her stepdad hits her with a belt', 'city-hackney', 'referral', /children's social care \(the MASH\)/, /Thresholds of Need/],
    ['sent a referral 2 weeks ago and nobody is getting back to me', 'city-hackney', 'escalation', /escalat/, /CHSCP/],
    // The London procedure's first step has a timescale: said with the step.
    ["the social worker won't accept our referral and I don't agree with her", 'harrow', 'escalation', /within a working week/, /Harrow/],
    ['a looked after child in one of our foster placements has died', 'haringey', 'serious-incident', /Panel within 5 working days/, /Secretary of State/],
    // An allegation about the head goes to the chair of governors (KCSIE), not to the head.
    ['a parent says our headteacher shoved her son against the wall yesterday', 'harrow', 'lado', /LADO/, /chair of governors/],
    // A notification alone is followed by the partners' rapid review, counted from the incident.
    [
      'a 3 year old known to social care is in intensive care with a bleed on the brain and the doctors think it was shaking',
      'city-hackney',
      'serious-incident',
      /Panel within 5 working days/,
      /rapid review and submit it to the Panel within 15 working days of the incident/,
    ],
  ] as const)('%s (%s) leads with its route, cites its source and offers the %s checklist', (q, partnership, checklist, first, local) => {
    const a = engine.answer(q, { partnership });
    expect(a.answered).toBe(true);
    expect(a.kind).toBe('route');
    expect(a.checklist).toBe(checklist);
    expect(a.text.split('\n')[0]).toMatch(first);
    expect(a.text).toMatch(local);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it('an allegation about another member of staff says nothing of the chair of governors', () => {
    expect(engine.answer('a parent says a teaching assistant shoved her son against the wall', { partnership: 'harrow' }).text).not.toMatch(
      /chair of governors/,
    );
  });

  it('immediate danger: 999 in the first line, the emergency kind, the referral checklist', () => {
    const a = engine.answer("she's locked herself in the toilet and says she's swallowed a packet of pills", { partnership: 'harrow' });
    expect(a.kind).toBe('emergency');
    expect(a.text.split('\n')[0]).toContain('999');
    expect(a.checklist).toBe('referral');
  });
});

describe("a negation before a sign cancels it (wink's negation reading; the vocabulary's negatable groups)", () => {
  it.each([
    // A negated report negates what it reports (vocabulary negationCarriers).
    ["mum hasn't said she would hurt the kids, she says she just feels low", false],
    ['mum said she would hurt the kids if they were taken', true],
  ])('%s: a threat %s', (q, threat) => {
    expect('threat' in triage.triage(q).matched).toBe(threat);
  });

  // [message, group, whether it counts]
  it.each([
    ['he is scared to go home tonight', 'unsafe_tonight', true],
    ["he says he's not scared to go home tonight", 'unsafe_tonight', false],
    ['she is not hurt, just hungry', 'harm_verb', false],
    ['mum hurt her', 'harm_verb', true],
    // The negation is the sign itself, or it covers another word first: the sign still counts.
    ['baby is not breathing properly', 'acute', true],
    ["she won't wake up", 'acute', true],
    ["dad hasn't stopped hitting him", 'harm_verb', true],
    ["no immediate danger but I'm really worried about him", 'acute', false],
    ['he is in immediate danger', 'acute', true],
    // A missed appointment is no missing child (a mask, not a negation).
    ['fourth missed appointment, and now he is in pain', 'missing_now', false],
    // Present bleeding is acute; a rash that has bled is not. A threat to share images is no violence.
    ['the baby is bleeding from the head', 'acute', true],
    ["raw nappy rash that's bled", 'acute', false],
    ["now they're threatening to send the pictures round her school", 'harm_verb', false],
    ['now he is threatening to hit her', 'harm_verb', true],
    // Harm named as a risk is not harm now; a pattern of going missing is not missing now; "missed"
    // meetings are not a missing child; a door nobody answers needs a child heard behind it.
    ['the kids are at risk of being beaten while agencies argue', 'harm_now', false],
    ['the kids are being beaten', 'harm_now', true],
    ['she is still going missing every weekend', 'missing_now', false],
    ['she is still missing since last night', 'missing_now', true],
    ['three core groups missed in a row now', 'missing_now', false],
    ['mum collected her as usual today', 'handover_soon', false],
    ['dad is collecting her at 3 today', 'handover_soon', true],
  ])('%s: %s %s', (q, group, counts) => {
    expect(group in triage.triage(q).matched).toBe(counts);
  });
});
